/**
 * The deal room through the API: the team makes, lists and revokes share links; the other side,
 * with no account, reads the counterparty view and answers the latest offer (choose, rank, reject
 * with a counter) and, once alternatives are offered beside the agreement, signs one of them or the
 * agreement as it is, each answer recorded once as their move from the deal room. Refusals: a stale
 * offer (409), a level the plan does not have (400, nothing recorded), and one same 404 for every
 * link that does not open the room. A link reaches its own negotiation only, and nothing private.
 */
import { randomUUID } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { closableLeakyNegotiationArb, leaks, RENEWAL_B, signableLeakyNegotiation } from '@parley/core/testing'
import { runs } from '@parley/core/testing/runs'
import { extractPdfText } from '@parley/documents/testing'
import { testBackends } from '@parley/store/testing'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { secretHash } from '../auth/secrets'
import { type Harness, suiteTeam, type Team } from '../testing/harness'

const EXAMPLE = readFileSync(new URL('../../../../examples/sales-saas-renewal.yaml', import.meta.url), 'utf8')
const backends = await testBackends()
const DAY_MS = 24 * 60 * 60 * 1000
const OTHER_B = { ...RENEWAL_B, price: 240000, support: 'standard' }

let sequence = 0
const nextId = () => `01JG${String(++sequence).padStart(22, '0')}`

/** A negotiation of the renewal example with an offer of two bundles out; its path and the offer's id. */
async function negotiationWithOffer(h: Harness, t: Team): Promise<{ path: string; offerId: string }> {
  const made = await h.call('POST', `/api/workspaces/${t.workspaceId}/negotiations`, {
    as: { token: t.editor.token },
    raw: { text: EXAMPLE, type: 'application/yaml' },
  })
  expect(made.status, made.text).toBe(201)
  const path = `/api/workspaces/${t.workspaceId}/negotiations/${made.body.id}`
  const offerId = await sendOffer(h, t, path)
  return { path, offerId }
}

async function sendOffer(h: Harness, t: Team, path: string): Promise<string> {
  const id = nextId()
  const sent = await h.call('POST', `${path}/events`, {
    as: { token: t.editor.token },
    json: {
      id,
      type: 'offer-sent',
      bundles: [
        { label: 'A', terms: RENEWAL_B },
        { label: 'B', terms: OTHER_B },
      ],
    },
  })
  expect(sent.status, sent.text).toBe(201)
  return id
}

async function makeLink(h: Harness, t: Team, path: string, body: Record<string, unknown> = {}) {
  const made = await h.call('POST', `${path}/share-links`, { as: { token: t.editor.token }, json: body })
  expect(made.status, made.text).toBe(201)
  return made.body as { id: string; url: string; token: string; expiresAt: string | null }
}

async function eventCount(h: Harness, t: Team, path: string): Promise<number> {
  return (await h.call('GET', `${path}/events`, { as: { token: t.viewer.token } })).body.events.length
}

describe.each(backends.map((backend) => [backend.dialect, backend] as const))(
  'the deal room on %s',
  (_, backend) => {
    const { h, t } = suiteTeam(backend)
    const answer = (token: string, body: Record<string, unknown>) =>
      h.call('POST', `/api/deal-room/${token}/answers`, { json: body })

    it('makes, lists, answers (once per answer), refuses stale offers and bad levels, revokes and expires', async () => {
      const { path, offerId } = await negotiationWithOffer(h, t)
      const link = await makeLink(h, t, path, { label: 'Their CFO' })
      expect(link.token).toMatch(/^pdr_[A-Za-z0-9_-]{43}$/)
      expect(link.url).toBe(`http://localhost/d/${link.token}`)
      expect(link.expiresAt).toBeNull()

      // The room: the counterparty view and the offer to answer.
      const room = await h.call('GET', `/api/deal-room/${link.token}`)
      expect(room.status, room.text).toBe(200)
      expect(room.body.offerId).toBe(offerId)
      expect(room.body.closed).toBe(false)
      expect(room.body.view.parties).toEqual({ us: 'Brightline Systems', them: 'Calder Mutual Insurance' })
      expect(room.body.view.bundles.map((bundle: { label: string }) => bundle.label)).toEqual(['A', 'B'])
      expect(room.body.view.issues[0]).toMatchObject({ id: 'price', name: 'Annual subscription fee' })

      // Choose, with a comment; the same answer again is the same event, recorded once.
      const before = await eventCount(h, t, path)
      const choice = {
        answerId: randomUUID(),
        offerId,
        type: 'choose',
        bundle: 'B',
        comment: 'B works for us',
      }
      const chosen = await answer(link.token, choice)
      expect(chosen.status, chosen.text).toBe(201)
      expect(chosen.body.event).toMatchObject({
        id: choice.answerId,
        type: 'bundle-chosen',
        label: 'B',
        side: 'them',
        source: 'deal-room',
        comment: 'B works for us',
      })
      const again = await answer(link.token, choice)
      expect(again.status).toBe(200)
      expect(again.body).toEqual(chosen.body)
      expect(await eventCount(h, t, path)).toBe(before + 1)
      // The same answerId with other content is not a retry.
      expect((await answer(link.token, { ...choice, bundle: 'A' })).status).toBe(409)

      // Rank.
      const ranked = await answer(link.token, {
        answerId: randomUUID(),
        offerId,
        type: 'rank',
        ranking: ['B', 'A'],
      })
      expect(ranked.status, ranked.text).toBe(201)
      expect(ranked.body.event).toMatchObject({
        type: 'bundles-ranked',
        order: ['B', 'A'],
        source: 'deal-room',
      })

      // A counter at a level the plan does not have: named by the issue's name, nothing recorded.
      const count = await eventCount(h, t, path)
      const bad = await answer(link.token, {
        answerId: randomUUID(),
        offerId,
        type: 'reject',
        counter: { ...RENEWAL_B, support: 'platinum' },
      })
      expect(bad.status, bad.text).toBe(400)
      expect(bad.body.error.path).toBe('counter.support')
      expect(bad.body.error.message).toContain('Support tier')
      expect(await eventCount(h, t, path)).toBe(count)
      // The choice of a bundle never offered is refused too.
      const unknown = await answer(link.token, {
        answerId: randomUUID(),
        offerId,
        type: 'choose',
        bundle: 'Z',
      })
      expect(unknown.status, unknown.text).toBe(400)
      expect(unknown.body.error.path).toBe('bundle')
      // A comment too long, and a type without what it needs.
      const long = await answer(link.token, {
        answerId: randomUUID(),
        offerId,
        type: 'reject',
        comment: 'x'.repeat(2001),
      })
      expect(long.status).toBe(400)
      expect(long.body.error.path).toBe('comment')
      const bare = await answer(link.token, { answerId: randomUUID(), offerId, type: 'choose' })
      expect(bare.status).toBe(400)
      expect(bare.body.error.path).toBe('bundle')
      expect(await eventCount(h, t, path)).toBe(count)

      // A good counter, with the comment as its reason (shared text, not a private note).
      const counter = { ...RENEWAL_B, price: 210000 }
      const rejected = await answer(link.token, {
        answerId: randomUUID(),
        offerId,
        type: 'reject',
        counter,
        comment: 'Our budget is fixed this year',
      })
      expect(rejected.status, rejected.text).toBe(201)
      expect(rejected.body.event).toMatchObject({
        type: 'offer-rejected',
        counter: { terms: counter },
        reason: 'Our budget is fixed this year',
        side: 'them',
        source: 'deal-room',
      })
      expect(rejected.body.event.note).toBeUndefined()

      // A newer offer: an answer to the old one is a 409 that says so; the room shows the new one.
      const newer = await sendOffer(h, t, path)
      const stale = await answer(link.token, { answerId: randomUUID(), offerId, type: 'choose', bundle: 'A' })
      expect(stale.status).toBe(409)
      expect(stale.body.error.code).toBe('stale_offer')
      expect(stale.body.error.message).toContain('a newer offer is on the table')
      expect((await h.call('GET', `/api/deal-room/${link.token}`)).body.offerId).toBe(newer)

      // The team sees the link's use, never its token or hash; the audit log has it made.
      const listed = await h.call('GET', `${path}/share-links`, { as: { token: t.viewer.token } })
      expect(listed.status).toBe(200)
      expect(listed.body.links).toEqual([
        {
          id: link.id,
          label: 'Their CFO',
          createdAt: expect.any(String),
          createdBy: t.editor.id,
          expiresAt: null,
          lastUsedAt: expect.any(String),
          revoked: false,
          expired: false,
        },
      ])
      expect(listed.text).not.toContain(link.token)
      expect(listed.text).not.toContain(secretHash(link.token))
      const audit = await h.call('GET', `/api/workspaces/${t.workspaceId}/audit`, {
        as: { token: t.owner.token },
      })
      const actions = audit.body.entries.map((entry: { action: string }) => entry.action)
      expect(actions).toContain('share_link.create')

      // Revoked, expired and unknown links all answer the same 404.
      const unknownRoom = await h.call('GET', `/api/deal-room/pdr_${'x'.repeat(43)}`)
      expect(unknownRoom.status).toBe(404)
      const revoke = await h.call('DELETE', `${path}/share-links/${link.id}`, {
        as: { token: t.editor.token },
      })
      expect(revoke.status).toBe(204)
      const revoked = await h.call('GET', `/api/deal-room/${link.token}`)
      expect(revoked.status).toBe(404)
      expect(revoked.body).toEqual(unknownRoom.body)
      const late = await answer(link.token, {
        answerId: randomUUID(),
        offerId: newer,
        type: 'choose',
        bundle: 'A',
      })
      expect(late.status).toBe(404)
      expect(late.body).toEqual(unknownRoom.body)
      expect((await h.call('GET', `/api/deal-room/not-a-token`)).body).toEqual(unknownRoom.body)
      const auditAfter = await h.call('GET', `/api/workspaces/${t.workspaceId}/audit`, {
        as: { token: t.owner.token },
      })
      expect(auditAfter.body.entries[0].action).toBe('share_link.revoke')

      const brief = await makeLink(h, t, path, { expiresInDays: 1 })
      expect(Date.parse(brief.expiresAt ?? '')).toBe(h.clock.now.getTime() + DAY_MS)
      expect((await h.call('GET', `/api/deal-room/${brief.token}`)).status).toBe(200)
      h.clock.advance(DAY_MS + 1)
      const expired = await h.call('GET', `/api/deal-room/${brief.token}`)
      expect(expired.status).toBe(404)
      expect(expired.body).toEqual(unknownRoom.body)
      const all = await h.call('GET', `${path}/share-links`, { as: { token: t.viewer.token } })
      expect(
        all.body.links.map((row: { revoked: boolean; expired: boolean }) => [row.revoked, row.expired]),
      ).toEqual([
        [false, true],
        [true, false],
      ])
    })

    it('lets only editors and owners make and revoke links, and a link reaches its own negotiation only', async () => {
      const first = await negotiationWithOffer(h, t)
      const second = await negotiationWithOffer(h, t)
      await h.call('PATCH', second.path, { as: { token: t.editor.token }, json: { title: 'The other deal' } })
      const link = await makeLink(h, t, first.path)
      const other = await makeLink(h, t, second.path)

      const viewer = { token: t.viewer.token }
      expect((await h.call('POST', `${first.path}/share-links`, { as: viewer, json: {} })).status).toBe(403)
      expect((await h.call('DELETE', `${first.path}/share-links/${link.id}`, { as: viewer })).status).toBe(
        403,
      )
      expect((await h.call('POST', `${first.path}/share-links`, { json: {} })).status).toBe(401)
      const outsider = { token: t.outsider.token }
      expect((await h.call('GET', `${first.path}/share-links`, { as: outsider })).status).toBe(404)
      expect((await h.call('POST', `${first.path}/share-links`, { as: outsider, json: {} })).status).toBe(404)
      const owner = { token: t.owner.token }
      expect((await h.call('POST', `${first.path}/share-links`, { as: owner, json: {} })).status).toBe(201)

      // The other negotiation's ids in every path: nothing of the first is listed, revoked or reached.
      const secondList = await h.call('GET', `${second.path}/share-links`, { as: viewer })
      expect(secondList.body.links.map((row: { id: string }) => row.id)).toEqual([other.id])
      const editor = { token: t.editor.token }
      expect((await h.call('DELETE', `${second.path}/share-links/${link.id}`, { as: editor })).status).toBe(
        404,
      )
      const elsewhere = `/api/workspaces/${t.outsider.workspaceId}/negotiations/${first.path.split('/').at(-1)}`
      expect((await h.call('DELETE', `${elsewhere}/share-links/${link.id}`, { as: outsider })).status).toBe(
        404,
      )
      expect((await h.call('GET', `${elsewhere}/share-links`, { as: outsider })).status).toBe(404)
      const room = await h.call('GET', `/api/deal-room/${link.token}`)
      expect(room.status).toBe(200)
      expect(room.body.offerId).toBe(first.offerId)
      expect(room.body.view.title).not.toBe('The other deal')
      expect((await h.call('GET', `/api/deal-room/${other.token}`)).body.view.title).toBe('The other deal')
      // The other negotiation's offer can not be answered through this link.
      const crossed = await answer(link.token, {
        answerId: randomUUID(),
        offerId: second.offerId,
        type: 'choose',
        bundle: 'A',
      })
      expect(crossed.status).toBe(409)
      expect(await eventCount(h, t, second.path)).toBe(1)
      // The room's paths take no ids but the token: anything else is no route.
      expect((await h.call('GET', `/api/deal-room/${link.token}/events`)).status).toBe(404)
      expect((await h.call('PUT', `/api/deal-room/${link.token}`, { json: {} })).status).toBe(404)

      // Only the deal room marks a move as theirs from the deal room.
      const forged = await h.call('POST', `${first.path}/events`, {
        as: editor,
        json: { id: nextId(), type: 'bundle-chosen', label: 'A', source: 'deal-room' },
      })
      expect(forged.status).toBe(400)
      expect(forged.body.error.path).toBe('source')

      // Both at once is one too many; an expiry in the past would never work.
      expect(
        (
          await h.call('POST', `${first.path}/share-links`, {
            as: editor,
            json: { expiresInDays: 2, expiresAt: '2099-01-01T00:00:00Z' },
          })
        ).status,
      ).toBe(400)
      expect(
        (
          await h.call('POST', `${first.path}/share-links`, {
            as: editor,
            json: { expiresAt: '2020-01-01T00:00:00Z' },
          })
        ).status,
      ).toBe(400)
    })

    it("serves the negotiation's documents: every kind to the team, the other side's kinds only through a link", async () => {
      const { path } = await negotiationWithOffer(h, t)
      // The team: the MESO sheet as a PDF that reads back, the brief (ours) to a viewer too.
      const pdf = await h.app.request(`${path}/documents/meso?format=pdf`, {
        headers: { authorization: `Bearer ${t.viewer.token}` },
      })
      expect(pdf.status).toBe(200)
      expect(pdf.headers.get('content-type')).toBe('application/pdf')
      expect(pdf.headers.get('content-disposition')).toMatch(/^attachment; filename=".*-offers\.pdf"$/)
      expect(pdf.headers.get('cache-control')).toBe('private, no-store')
      const text = await extractPdfText(new Uint8Array(await pdf.arrayBuffer()))
      expect(text).toContain('Annual subscription fee')
      const brief = await h.call('GET', `${path}/documents/brief?format=md`, {
        as: { token: t.viewer.token },
      })
      expect(brief.status, brief.text).toBe(200)
      expect(brief.text).toContain('Confidential: internal to Brightline Systems')
      // Nothing is agreed: no term sheet yet, and the message says what to do.
      const terms = await h.call('GET', `${path}/documents/terms?format=md`, {
        as: { token: t.viewer.token },
      })
      expect(terms.status).toBe(422)
      expect(terms.body.error.message).toMatch(/record the agreement first/)
      // Not a member: the same 404 as for the negotiation itself.
      expect((await h.call('GET', `${path}/documents/meso?format=md`)).status).toBe(401)

      // The other side: the MESO sheet of the offer on the table, and never a document of ours.
      const link = await makeLink(h, t, path)
      const sheet = await h.call('GET', `/api/deal-room/${link.token}/documents/meso?format=md`)
      expect(sheet.status, sheet.text).toBe(200)
      expect(sheet.headers.get('content-type')).toBe('text/markdown; charset=utf-8')
      expect(sheet.text).toContain('| Annual subscription fee (USD/year) |')
      expect(sheet.text).not.toMatch(/Confidential|reservation|BATNA/i)
      for (const kind of ['brief', 'concessions']) {
        const refused = await h.call('GET', `/api/deal-room/${link.token}/documents/${kind}?format=md`)
        expect(refused.status, kind).toBe(400)
        expect(refused.text).not.toContain('Confidential')
      }
      await h.call('DELETE', `${path}/share-links/${link.id}`, { as: { token: t.editor.token } })
      expect((await h.call('GET', `/api/deal-room/${link.token}/documents/meso?format=md`)).status).toBe(404)
    })

    it('takes a signature once alternatives are offered beside the agreement: an alternative, or the agreement as it is', async () => {
      const { path, offerId } = await negotiationWithOffer(h, t)
      const link = await makeLink(h, t, path)
      const append = (json: Record<string, unknown>) =>
        h.call('POST', `${path}/events`, { as: { token: t.editor.token }, json })
      const signature = (offer: string, extra: Record<string, unknown> = {}) =>
        answer(link.token, { answerId: randomUUID(), offerId: offer, type: 'sign', ...extra })

      // Before an agreement there is nothing to sign.
      const early = await signature(offerId)
      expect(early.status, early.text).toBe(409)
      expect(early.body.error.code).toBe('nothing_to_sign')

      const measures = [{ metric: 'uptime', threshold: 99.9, reporting: 'monthly', remedy: 'credits' }]
      expect(
        (await append({ id: nextId(), type: 'agreed', terms: RENEWAL_B, measures, exit: '90 days' })).status,
      ).toBe(201)
      // Agreed, nothing offered: the room is closed.
      const agreedRoom = await h.call('GET', `/api/deal-room/${link.token}`)
      expect(agreedRoom.body).toMatchObject({ closed: true, alternativesId: null })
      expect(agreedRoom.body.view.alternatives).toEqual([])
      expect((await signature(offerId)).body.error.code).toBe('negotiation_closed')

      const first = { ...RENEWAL_B, term: 36 }
      const second = { ...RENEWAL_B, term: 36, credits: 5 }
      const alternativesId = nextId()
      const offered = await append({
        id: alternativesId,
        type: 'alternatives-offered',
        bundles: [{ terms: first }, { terms: second }],
      })
      expect(offered.status, offered.text).toBe(201)
      const room = await h.call('GET', `/api/deal-room/${link.token}`)
      expect(room.body).toMatchObject({ closed: false, alternativesId, offerId })
      expect(room.body.view.alternatives).toEqual([first, second])
      expect(room.body.view.agreement.terms).toEqual(RENEWAL_B)

      // Only a signature, beside the alternatives offered now, and of one that exists.
      const choose = await answer(link.token, {
        answerId: randomUUID(),
        offerId,
        type: 'choose',
        bundle: 'A',
      })
      expect(choose.status).toBe(409)
      expect(choose.body.error.code).toBe('negotiation_closed')
      expect((await signature(offerId)).body.error.code).toBe('stale_offer')
      const missing = await signature(alternativesId, { alternative: 3 })
      expect(missing.status, missing.text).toBe(400)
      expect(missing.text).toContain('there are 2 alternatives: give 1 to 2')
      const worded = await signature(alternativesId, { alternative: 1, comment: 'thanks' })
      expect(worded.status).toBe(400)
      expect(worded.text).toContain('a signature takes no comment')
      const count = await eventCount(h, t, path)

      // They sign the second: recorded once as the agreement, with what the agreement said beyond its terms.
      const answerId = randomUUID()
      const body = { answerId, offerId: alternativesId, type: 'sign', alternative: 2 }
      const signed = await answer(link.token, body)
      expect(signed.status, signed.text).toBe(201)
      expect(signed.body.event).toMatchObject({
        id: answerId,
        type: 'agreed',
        side: 'them',
        source: 'deal-room',
        terms: second,
        measures,
        exit: '90 days',
      })
      expect((await answer(link.token, body)).status).toBe(200)
      expect(await eventCount(h, t, path)).toBe(count + 1)
      const closed = await h.call('GET', `/api/deal-room/${link.token}`)
      expect(closed.body).toMatchObject({ closed: true, alternativesId: null })
      expect(closed.body.view.agreement.terms).toEqual(second)
      expect(closed.body.view.alternatives).toEqual([])
      const status = await h.call('GET', `${path}/status`, { as: { token: t.viewer.token } })
      expect(status.body.postSettlement).toEqual([])

      // Offered again beside the signed agreement: they may keep it as it is.
      const againId = nextId()
      expect(
        (await append({ id: againId, type: 'alternatives-offered', bundles: [{ terms: first }] })).status,
      ).toBe(201)
      const kept = await signature(againId)
      expect(kept.status, kept.text).toBe(201)
      expect(kept.body.event).toMatchObject({ type: 'agreed', terms: second, measures })
    })

    it('shows the other side no private value of the plan or the journal', async () => {
      let signing = 0
      await fc.assert(
        fc.asyncProperty(closableLeakyNegotiationArb(), async ({ plan, events }) => {
          // Each case in a window of its own: this test reads many documents, not a guesser's traffic.
          h.clock.advance(16 * 60 * 1000)
          const made = await h.call('POST', `/api/workspaces/${t.workspaceId}/negotiations`, {
            as: { token: t.editor.token },
            json: plan,
          })
          expect(made.status, made.text).toBe(201)
          for (const event of events) {
            const stored = await h.store.appendEvent(
              {
                workspaceId: t.workspaceId,
                negotiationId: made.body.id,
                eventId: event.id,
                requestHash: event.id,
                decide: () => ({ ok: true, body: JSON.stringify(event) }),
              },
              { userId: t.editor.id },
            )
            expect(stored.ok).toBe(true)
          }
          const path = `/api/workspaces/${t.workspaceId}/negotiations/${made.body.id}`
          // Once agreed, the alternatives status lists, offered beside the agreement: the room lists them too.
          const status = await h.call('GET', `${path}/status`, { as: { token: t.viewer.token } })
          const alternatives = (status.body.postSettlement ?? []) as { terms: Record<string, unknown> }[]
          if (alternatives.length > 0) {
            const offered = await h.call('POST', `${path}/events`, {
              as: { token: t.editor.token },
              json: {
                id: nextId(),
                type: 'alternatives-offered',
                bundles: alternatives.map(({ terms }) => ({ terms })),
              },
            })
            expect(offered.status, offered.text).toBe(201)
            signing++
          }
          const link = await makeLink(h, t, path)
          const room = await h.call('GET', `/api/deal-room/${link.token}`)
          expect(room.status, room.text).toBe(200)
          expect(room.body.view.alternatives).toHaveLength(alternatives.length)
          const documents: string[] = []
          for (const kind of ['meso', 'terms', 'fairness', 'cadence']) {
            for (const format of ['md', 'html', 'csv', 'ics']) {
              const document = await h.call(
                'GET',
                `/api/deal-room/${link.token}/documents/${kind}?format=${format}`,
              )
              expect([200, 422], document.text).toContain(document.status)
              documents.push(document.text)
            }
          }
          expect(leaks(plan, [room.text, ...documents])).toEqual([])
        }),
        // Eight random cases list alternatives to sign in about 98 runs of 100: this one always does.
        { numRuns: runs(8), examples: [[signableLeakyNegotiation()]] },
      )
      // Some rooms listed alternatives to sign: the property covered them.
      expect(signing).toBeGreaterThan(0)
    })
  },
)

describe.each(backends.map((backend) => [backend.dialect, backend] as const))(
  'the deal room limits on %s',
  (_, backend) => {
    const { h, t } = suiteTeam(backend, { dealRoomLimit: { perAddress: 6, perLink: 3, windowMs: 60_000 } })

    it('counts uses per link and per address', async () => {
      const { path } = await negotiationWithOffer(h, t)
      const first = await makeLink(h, t, path)
      const second = await makeLink(h, t, path)
      for (let use = 0; use < 3; use++)
        expect((await h.call('GET', `/api/deal-room/${first.token}`)).status).toBe(200)
      const over = await h.call('GET', `/api/deal-room/${first.token}`)
      expect(over.status).toBe(429)
      expect(over.headers.get('retry-after')).toBeTruthy()
      // Another link from the same address: its own count, until the address's runs out.
      expect((await h.call('GET', `/api/deal-room/${second.token}`)).status).toBe(200)
      expect((await h.call('GET', `/api/deal-room/${second.token}`)).status).toBe(200)
      expect((await h.call('GET', `/api/deal-room/${second.token}`)).status).toBe(429)
      // Answers count against the address before their body is read.
      const posted = await h.call('POST', `/api/deal-room/${second.token}/answers`, { json: {} })
      expect(posted.status).toBe(429)
      h.clock.advance(60_001)
      expect((await h.call('GET', `/api/deal-room/${first.token}`)).status).toBe(200)
      // An answer larger than any the room takes is refused for its size, before anything reads it.
      const counter = Object.fromEntries(
        Array.from({ length: 200 }, (_, k) => [`issue-${k}`, 'x'.repeat(100)]),
      )
      const large = await h.call('POST', `/api/deal-room/${first.token}/answers`, {
        json: { answerId: randomUUID(), offerId: 'o', type: 'reject', counter },
      })
      expect(large.status).toBe(413)
      expect(large.body.error.message).toContain('an answer may be at most 16 KiB')
    })
  },
)
