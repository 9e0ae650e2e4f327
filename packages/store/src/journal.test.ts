import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { Negotiation, Store, StoredEvent } from './store'
import { addWorkspace, noteEvent, testBackends } from './testing'
import { openSuiteDatabase } from './testing/suite'

const backends = await testBackends()

async function newNegotiation(store: Store, workspaceId: string, userId: string): Promise<Negotiation> {
  return store.createNegotiation(
    {
      workspaceId,
      title: 'Renewal',
      context: 'sales',
      planJson: '{"issues":[]}',
      planText: null,
      planFormat: null,
    },
    { userId },
  )
}

describe.each(backends)('the journal on $dialect', (backend) => {
  let store: Store
  let workspaceId: string
  let userId: string

  openSuiteDatabase(backend, async (opened) => {
    store = opened
    const { owner, workspace } = await addWorkspace(store)
    workspaceId = workspace.id
    userId = owner.id
  })

  it('numbers events 1, 2, 3 and counts them on the negotiation', async () => {
    const negotiation = await newNegotiation(store, workspaceId, userId)
    const target = { workspaceId, negotiationId: negotiation.id }
    for (const id of ['e1', 'e2', 'e3']) {
      const result = await store.appendEvent(noteEvent(target, id), { userId })
      expect(result.ok).toBe(true)
    }
    const events = await store.listEvents(workspaceId, negotiation.id)
    expect(events?.map((event) => [event.id, event.seq])).toEqual([
      ['e1', 1],
      ['e2', 2],
      ['e3', 3],
    ])
    expect(events?.[0]).toMatchObject({ negotiationId: negotiation.id, createdBy: userId })
    expect(JSON.parse(events?.[0]?.body ?? '')).toMatchObject({ type: 'note', id: 'e1' })
    expect((await store.listEvents(workspaceId, negotiation.id, { afterSeq: 1 }))?.map((e) => e.seq)).toEqual(
      [2, 3],
    )
    const after = await store.getNegotiation(workspaceId, negotiation.id)
    expect(after?.eventCount).toBe(3)
    expect(after?.lastActivityAt).toBe(events?.[2]?.createdAt)
    expect(after?.version).toBe(1)
  })

  it('hands decide the negotiation and the journal as it stands', async () => {
    const negotiation = await newNegotiation(store, workspaceId, userId)
    const target = { workspaceId, negotiationId: negotiation.id }
    await store.appendEvent(noteEvent(target, 'first'), { userId })
    const seen: {
      negotiation: Negotiation
      count: number
      lastId: string | null
      events: readonly StoredEvent[]
    }[] = []
    const result = await store.appendEvent(
      {
        ...target,
        eventId: 'second',
        requestHash: 'h2',
        decide: async (current, journal) => {
          const events = await journal.load()
          seen.push({ negotiation: current, count: journal.count, lastId: journal.lastId, events })
          return { ok: true, body: JSON.stringify({ type: 'offer-sent', after: events.length }) }
        },
      },
      { userId },
    )
    expect(result).toMatchObject({
      ok: true,
      replayed: false,
      event: { seq: 2, id: 'second', requestHash: 'h2' },
    })
    expect(seen).toHaveLength(1)
    expect(seen[0]?.negotiation).toMatchObject({
      id: negotiation.id,
      planJson: '{"issues":[]}',
      eventCount: 1,
    })
    expect(seen[0]?.events.map((event) => event.id)).toEqual(['first'])
    expect(seen[0]?.count).toBe(1)
    expect(seen[0]?.lastId).toBe('first')
  })

  it('answers a retry with the stored event and a reused id with another body as a conflict', async () => {
    const negotiation = await newNegotiation(store, workspaceId, userId)
    const target = { workspaceId, negotiationId: negotiation.id }
    const first = await store.appendEvent(noteEvent(target, 'same', 'hello'), { userId })
    expect(first.ok && !first.replayed).toBe(true)
    const auditBefore = await store.listAudit(workspaceId, { limit: 1000 })

    let decided = false
    const retry = await store.appendEvent(
      {
        ...noteEvent(target, 'same', 'hello'),
        decide: () => {
          decided = true
          return { ok: true, body: 'never used' }
        },
      },
      { userId },
    )
    expect(decided).toBe(false)
    expect(retry).toEqual({ ok: true, replayed: true, event: first.ok ? first.event : null })

    const conflict = await store.appendEvent(noteEvent(target, 'same', 'goodbye'), { userId })
    expect(conflict).toMatchObject({ ok: false, code: 'id_conflict', event: { id: 'same', seq: 1 } })

    expect(await store.listEvents(workspaceId, negotiation.id)).toHaveLength(1)
    expect((await store.getNegotiation(workspaceId, negotiation.id))?.eventCount).toBe(1)
    expect(await store.listAudit(workspaceId, { limit: 1000 })).toEqual(auditBefore)
  })

  it('stores nothing when decide refuses, and says why', async () => {
    const negotiation = await newNegotiation(store, workspaceId, userId)
    const decision = {
      ok: false as const,
      code: 'unknown_issue',
      message: 'No issue named speed',
      path: 'terms.speed',
      detail: { issue: 'speed' },
    }
    const result = await store.appendEvent(
      { workspaceId, negotiationId: negotiation.id, eventId: 'x', requestHash: 'h', decide: () => decision },
      { userId },
    )
    expect(result).toEqual({ ok: false, code: 'rejected', decision })
    expect(await store.listEvents(workspaceId, negotiation.id)).toEqual([])
    const audit = await store.listAudit(workspaceId, { limit: 1000 })
    expect(
      audit.filter((entry) => entry.target === `negotiation:${negotiation.id}`).map((e) => e.action),
    ).toEqual(['negotiation.create'])
  })

  it('rolls the transaction back when decide throws, and keeps working afterwards', async () => {
    const negotiation = await newNegotiation(store, workspaceId, userId)
    const target = { workspaceId, negotiationId: negotiation.id }
    await expect(
      store.appendEvent(
        {
          ...target,
          eventId: 'boom',
          requestHash: 'h',
          decide: () => {
            throw new Error('a bug in decide')
          },
        },
        { userId },
      ),
    ).rejects.toThrow('a bug in decide')
    expect(await store.listEvents(workspaceId, negotiation.id)).toEqual([])
    expect((await store.getNegotiation(workspaceId, negotiation.id))?.eventCount).toBe(0)

    const next = await store.appendEvent(noteEvent(target, 'boom'), { userId })
    expect(next).toMatchObject({ ok: true, replayed: false, event: { seq: 1 } })
  })

  it('commits appends that arrive together, failing only the one whose decision fails', async () => {
    const negotiation = await newNegotiation(store, workspaceId, userId)
    const other = await newNegotiation(store, workspaceId, userId)
    const target = { workspaceId, negotiationId: negotiation.id }
    const results = await Promise.allSettled(
      Array.from({ length: 30 }, (_, k) => {
        const append = noteEvent(
          k % 3 === 2 ? { workspaceId, negotiationId: other.id } : target,
          `together-${k}`,
        )
        return store.appendEvent(
          k === 7
            ? {
                ...append,
                decide: () => {
                  throw new Error('a bug in one decision')
                },
              }
            : append,
          { userId },
        )
      }),
    )
    expect(results.filter((result) => result.status === 'rejected')).toHaveLength(1)
    const mine = (await store.listEvents(workspaceId, negotiation.id)) ?? []
    const theirs = (await store.listEvents(workspaceId, other.id)) ?? []
    expect(mine.map((event) => event.seq)).toEqual(mine.map((_, k) => k + 1))
    expect(theirs.map((event) => event.seq)).toEqual(theirs.map((_, k) => k + 1))
    expect(mine.length + theirs.length).toBe(29)
    expect(mine.map((event) => event.id)).not.toContain('together-7')
    expect((await store.getNegotiation(workspaceId, negotiation.id))?.eventCount).toBe(mine.length)
  })

  it('writes an audit entry with the event type and seq, not its contents', async () => {
    const negotiation = await newNegotiation(store, workspaceId, userId)
    await store.appendEvent(
      noteEvent({ workspaceId, negotiationId: negotiation.id }, 'audited', 'secret words'),
      {
        userId,
      },
    )
    const [latest] = await store.listAudit(workspaceId, { limit: 1 })
    expect(latest).toMatchObject({
      action: 'event.append',
      userId,
      workspaceId,
      target: `negotiation:${negotiation.id}`,
    })
    expect(JSON.parse(latest?.detail ?? '')).toEqual({ type: 'note', seq: 1 })
  })

  it('does not see a negotiation of another workspace', async () => {
    const negotiation = await newNegotiation(store, workspaceId, userId)
    const other = await addWorkspace(store)
    const append = noteEvent({ workspaceId: other.workspace.id, negotiationId: negotiation.id }, 'e')
    expect(await store.appendEvent(append, { userId })).toMatchObject({ ok: false, code: 'not_found' })
    expect(await store.listEvents(other.workspace.id, negotiation.id)).toBeNull()
    expect(await store.listEvents(workspaceId, 'no-such-negotiation')).toBeNull()
    expect(await store.listEvents(workspaceId, negotiation.id)).toEqual([])
  })

  it('stores one event when many callers append the same new id at once', async () => {
    const negotiation = await newNegotiation(store, workspaceId, userId)
    const target = { workspaceId, negotiationId: negotiation.id }
    // Half retry one body, half send another under the same id: one of the two bodies wins.
    const appends = Array.from({ length: 20 }, (_, i) =>
      noteEvent(target, 'racy', i % 2 === 0 ? 'even' : 'odd'),
    )
    const results = await Promise.all(appends.map((append) => store.appendEvent(append, { userId })))

    const stored = await store.listEvents(workspaceId, negotiation.id)
    expect(stored).toHaveLength(1)
    const winner = stored?.[0]
    expect(results.filter((result) => result.ok && !result.replayed)).toHaveLength(1)
    results.forEach((result, i) => {
      if (appends[i]?.requestHash === winner?.requestHash) {
        expect(result).toMatchObject({ ok: true, event: winner })
      } else {
        expect(result).toMatchObject({ ok: false, code: 'id_conflict', event: winner })
      }
    })
    expect((await store.getNegotiation(workspaceId, negotiation.id))?.eventCount).toBe(1)
  })

  it('numbers concurrent appends of different ids without gaps or repeats', async () => {
    const negotiation = await newNegotiation(store, workspaceId, userId)
    const target = { workspaceId, negotiationId: negotiation.id }
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) => store.appendEvent(noteEvent(target, `p${i}`), { userId })),
    )
    expect(results.every((result) => result.ok && !result.replayed)).toBe(true)
    const events = (await store.listEvents(workspaceId, negotiation.id)) ?? []
    expect(events.map((event) => event.seq)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1))
    expect(new Set(events.map((event) => event.id)).size).toBe(20)
    expect((await store.getNegotiation(workspaceId, negotiation.id))?.eventCount).toBe(20)
  })

  it('keeps each acknowledged id exactly once, numbered 1..n, whatever mix of appends and retries', async () => {
    // An operation: append event `id` with body `variant`; batches run concurrently.
    const operation = fc.record({
      id: fc.integer({ min: 0, max: 5 }),
      variant: fc.integer({ min: 0, max: 1 }),
    })
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.array(operation, { minLength: 1, maxLength: 4 }), { maxLength: 5 }),
        async (batches) => {
          const negotiation = await newNegotiation(store, workspaceId, userId)
          const target = { workspaceId, negotiationId: negotiation.id }
          const outcomes: { hash: string; id: string; ok: boolean; replayed: boolean; code?: string }[] = []
          for (const batch of batches) {
            const appends = batch.map((op) => noteEvent(target, `id-${op.id}`, `variant ${op.variant}`))
            const results = await Promise.all(appends.map((append) => store.appendEvent(append, { userId })))
            results.forEach((result, i) => {
              const append = appends[i]!
              outcomes.push({
                id: append.eventId,
                hash: append.requestHash,
                ok: result.ok,
                replayed: result.ok && result.replayed,
                ...(result.ok ? {} : { code: result.code }),
              })
            })
          }
          const events = (await store.listEvents(workspaceId, negotiation.id)) ?? []
          const byId = new Map(events.map((event) => [event.id, event]))
          expect(byId.size).toBe(events.length)
          expect(events.map((event) => event.seq)).toEqual(events.map((_, i) => i + 1))
          expect(new Set(outcomes.map((outcome) => outcome.id))).toEqual(new Set(byId.keys()))
          for (const outcome of outcomes) {
            const stored = byId.get(outcome.id)!
            if (outcome.hash === stored.requestHash) expect(outcome.ok).toBe(true)
            else expect(outcome.code).toBe('id_conflict')
          }
          for (const id of byId.keys()) {
            expect(
              outcomes.filter((outcome) => outcome.id === id && outcome.ok && !outcome.replayed),
            ).toHaveLength(1)
          }
          expect((await store.getNegotiation(workspaceId, negotiation.id))?.eventCount).toBe(events.length)
        },
      ),
      { numRuns: 25 },
    )
  })
})
