/**
 * What `parley import-db` refuses beyond an export's shape: text no backend keeps as it is, plans
 * and plan files that do not read, journal events and JSON columns the server could not serve.
 */
import { readFileSync } from 'node:fs'
import { completeEvent, parsePlanText, readEvent } from '@parley/core'
import type { DatabaseExport, Store } from '@parley/store'
import { addWorkspace, sha256, testBackends } from '@parley/store/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { checkExportContents, formatImportProblem } from './import-check'

const EXAMPLE = readFileSync(new URL('../../../examples/sales-saas-renewal.yaml', import.meta.url), 'utf8')
const backends = await testBackends()

/** A database holding what the server writes: a plan with its file, a completed event, a tradeable. */
async function fill(store: Store): Promise<void> {
  const { owner, workspace } = await addWorkspace(store)
  const parsed = parsePlanText(EXAMPLE, { format: 'yaml' })
  if (!parsed.ok) throw new Error('the example plan does not read')
  const negotiation = await store.createNegotiation(
    {
      workspaceId: workspace.id,
      title: parsed.plan.title,
      context: parsed.plan.context,
      planJson: JSON.stringify(parsed.plan),
      planText: EXAMPLE,
      planFormat: 'yaml',
    },
    { userId: owner.id },
  )
  const eventId = '01JF0000000000000000000001'
  const event = readEvent(
    completeEvent(
      { type: 'note', text: 'they asked about rollout' },
      { id: eventId, at: '2026-11-25T12:00:00.000Z', round: 1, planVersion: 1 },
    ),
  )
  if (!event.ok) throw new Error('the note does not read')
  const body = JSON.stringify(event.event)
  const appended = await store.appendEvent(
    {
      workspaceId: workspace.id,
      negotiationId: negotiation.id,
      eventId,
      requestHash: sha256(body),
      decide: () => ({ ok: true, body }),
    },
    { userId: owner.id },
  )
  if (!appended.ok) throw new Error('the note was not appended')
  await store.createTradeable(
    { workspaceId: workspace.id, name: 'Case study', body: JSON.stringify({ name: 'Case study' }) },
    { userId: owner.id },
  )
}

describe.each(backends.map((backend) => [backend.dialect, backend] as const))(
  'checking an export from %s before it is imported',
  (_, backend) => {
    let dump: DatabaseExport
    let drop: () => Promise<void>
    beforeAll(async () => {
      const database = await backend.create()
      drop = database.drop
      await fill(database.store)
      dump = await database.store.exportAll()
    })
    afterAll(async () => {
      await drop()
    })

    /** A copy of the export, changed by `change`. */
    const changed = (change: (copy: DatabaseExport) => void): DatabaseExport => {
      const copy = structuredClone(dump)
      change(copy)
      return copy
    }
    const problems = (value: DatabaseExport) => checkExportContents(value).map(formatImportProblem)

    it('finds nothing in what the server wrote', () => {
      expect(dump.negotiations).toHaveLength(1)
      expect(dump.events).toHaveLength(1)
      expect(checkExportContents(dump)).toEqual([])
    })

    it('names every text no backend keeps as it is, by table, row and column', () => {
      const found = problems(
        changed((copy) => {
          const [workspace] = copy.workspaces
          const [user] = copy.users
          if (!workspace || !user) throw new Error('no rows')
          workspace.name = 'Deals\u0000'
          user.name = 'Ann \ud800'
        }),
      )
      expect(found).toEqual([
        expect.stringMatching(/^users\[0\]\.name: contains a lone surrogate \(U\+D800\)/),
        expect.stringMatching(/^workspaces\[0\]\.name: contains U\+0000/),
      ])
    })

    it('names a plan that is not valid by the path inside it', () => {
      const found = problems(
        changed((copy) => {
          const [negotiation] = copy.negotiations
          if (!negotiation) throw new Error('no negotiation')
          const plan = JSON.parse(negotiation.planJson)
          plan.issues[2].unit = ''
          plan.issues[0].name = 'Price\u0000'
          negotiation.planJson = JSON.stringify(plan)
          negotiation.planText = `${negotiation.planText}\n  nonsense: [`
        }),
      )
      expect(found).toContain(
        'negotiations[0].planJson issues[0].name: contains U+0000 (a NUL character), which text may not hold at character 6',
      )
      expect(found.some((line) => line.startsWith('negotiations[0].planText line '))).toBe(true)
      const noNul = problems(
        changed((copy) => {
          const [negotiation] = copy.negotiations
          if (!negotiation) throw new Error('no negotiation')
          const plan = JSON.parse(negotiation.planJson)
          plan.issues[2].unit = ''
          negotiation.planJson = JSON.stringify(plan)
        }),
      )
      expect(noNul).toEqual(['negotiations[0].planJson issues[2].unit: must not be empty'])
    })

    it('takes a negotiation with only a draft (version 0, no plan), and names a draft it could not serve', () => {
      const draftOnly = changed((copy) => {
        const [negotiation] = copy.negotiations
        if (!negotiation) throw new Error('no negotiation')
        copy.negotiations.push({
          ...negotiation,
          id: 'draft-only',
          version: 0,
          planJson: 'null',
          planText: null,
        })
        copy.drafts.push({
          negotiationId: 'draft-only',
          text: 'title: half\nissues: [',
          format: 'yaml',
          version: 1,
          problems: '{"problems":[],"unlisted":0}',
          valid: 0,
          updatedBy: negotiation.createdBy,
          updatedAt: negotiation.createdAt,
        })
      })
      expect(problems(draftOnly)).toEqual([])
      const broken = structuredClone(draftOnly)
      const [, second] = broken.negotiations
      const [draft] = broken.drafts
      if (!second || !draft) throw new Error('no rows')
      second.planJson = '{}'
      draft.problems = '[]'
      expect(problems(broken)).toEqual([
        'negotiations[1].planJson: must be null at version 0 (no valid plan yet)',
        'drafts[0].problems: must be a JSON object with a list of problems and a count of the rest',
      ])
    })

    it('names journal events, tradeables and audit details the server could not read', () => {
      const found = problems(
        changed((copy) => {
          const [event] = copy.events
          const [tradeable] = copy.tradeables
          const [entry] = copy.audit
          if (!event || !tradeable || !entry) throw new Error('no rows')
          event.body = JSON.stringify({ ...JSON.parse(event.body), type: 'notes' })
          tradeable.body = '[1, 2'
          entry.detail = '{"role":'
        }),
      )
      expect(found).toEqual([
        expect.stringMatching(
          /^events\[0\]\.body type: unknown event type "notes" \(did you mean 'note'\?\)/,
        ),
        expect.stringMatching(/^tradeables\[0\]\.body: is not valid JSON \(line 1, column \d+\)/),
        expect.stringMatching(/^audit\[0\]\.detail: is not valid JSON/),
      ])
      const kept = problems(
        changed((copy) => {
          const [negotiation] = copy.negotiations
          if (!negotiation) throw new Error('no negotiation')
          negotiation.planFormat = null
        }),
      )
      expect(kept).toEqual(['negotiations[0].planFormat: must be yaml or json: the row keeps a plan file'])
    })
  },
)
