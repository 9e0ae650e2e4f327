/**
 * Forgiving import, drafts and managing negotiations through the API: a plan with problems is kept
 * as a draft that nothing is computed from; drafts are saved compare-and-set beside the plan; a
 * negotiation is renamed, archived, restored, duplicated and deleted, each audited.
 */
import { readFileSync } from 'node:fs'
import { blankStarterPlan, CONTEXTS, LIMITS } from '@parley/core'
import { testBackends } from '@parley/store/testing'
import { describe, expect, it } from 'vitest'
import { MAX_LISTED_PROBLEMS } from '../options'
import { suiteTeam } from '../testing/harness'

const EXAMPLE = readFileSync(new URL('../../../../examples/sales-saas-renewal.yaml', import.meta.url), 'utf8')
const TITLE = 'Calder Mutual claims platform renewal and expansion, FY2027'
/** The example with two problems: a range without its unit, and a field no plan has. */
const BROKEN = EXAMPLE.replace('    unit: USD/year\n', '').replace(
  'context: sales\n',
  'context: sales\nsurprise: 1\n',
)
const backends = await testBackends()

describe.each(backends.map((backend) => [backend.dialect, backend] as const))(
  'negotiations with drafts on %s',
  (_, backend) => {
    const { h, t } = suiteTeam(backend)
    const base = () => `/api/workspaces/${t.workspaceId}/negotiations`
    const yaml = (text: string) => ({ text, type: 'application/yaml' })
    const asEditor = () => ({ token: t.editor.token })

    async function importPlan(text: string) {
      return h.call('POST', `${base()}/import`, { as: asEditor(), raw: yaml(text) })
    }
    async function created(text = EXAMPLE): Promise<string> {
      const reply = await importPlan(text)
      expect(reply.status).toBe(201)
      return reply.body.id as string
    }
    async function audit(action: string) {
      const reply = await h.call('GET', `/api/workspaces/${t.workspaceId}/audit`, {
        as: { token: t.owner.token },
      })
      return (reply.body.entries as { action: string; target: string; detail: unknown }[]).filter(
        (entry) => entry.action === action,
      )
    }

    describe('forgiving import', () => {
      it('imports a valid plan as before, saying it is no draft', async () => {
        const reply = await importPlan(EXAMPLE)
        expect(reply.status).toBe(201)
        expect(reply.body).toMatchObject({
          title: TITLE,
          version: 1,
          hasPlan: true,
          draft: false,
          problems: [],
        })
        expect(reply.body.plan.title).toBe(TITLE)
      })

      it('imports a plan with problems as a draft, each problem placed in the file', async () => {
        const reply = await importPlan(BROKEN)
        expect(reply.status).toBe(201)
        expect(reply.headers.get('etag')).toBe('"0"')
        expect(reply.body).toEqual({
          id: expect.any(String),
          title: TITLE,
          draft: true,
          version: 0,
          draftVersion: 1,
          problems: expect.any(Array),
          unlisted: 0,
        })
        const problems = reply.body.problems as { path: string; line: number | null; column: number | null }[]
        expect(problems.length).toBeGreaterThanOrEqual(2)
        for (const problem of problems) {
          expect(problem).toEqual({
            code: expect.any(String),
            path: expect.any(String),
            message: expect.any(String),
            line: expect.any(Number),
            column: expect.any(Number),
          })
          expect(problem.line).toBeGreaterThanOrEqual(1)
          expect(problem.column).toBeGreaterThanOrEqual(1)
        }
        expect(problems.map((problem) => problem.path)).toContain('surprise')
        // The draft keeps the file as written, problems and all.
        const draft = await h.call('GET', `${base()}/${reply.body.id}/draft`, {
          as: { token: t.viewer.token },
        })
        expect(draft.status).toBe(200)
        expect(draft.body).toMatchObject({ text: BROKEN, format: 'yaml', version: 1, valid: false })
        expect(draft.body.problems).toEqual(problems)
        const [summary] = (await h.call('GET', base(), { as: asEditor() })).body.negotiations
        expect(summary).toMatchObject({ id: reply.body.id, version: 0, hasPlan: false, archivedAt: null })
      })

      it('lists at most the first problems of a draft, and counts the rest', async () => {
        const many = Array.from({ length: MAX_LISTED_PROBLEMS + 5 }, (_, i) => `extra${i}: 1`).join('\n')
        const reply = await importPlan(`title: Many\ncontext: sales\n${many}\n`)
        expect(reply.status).toBe(201)
        expect(reply.body.problems).toHaveLength(MAX_LISTED_PROBLEMS)
        expect(reply.body.unlisted).toBeGreaterThanOrEqual(5)
        // A title that is not text falls back to a placeholder the app asks to change.
        const untitled = await importPlan('title: [1]\nissues: 3\n')
        expect(untitled.body).toMatchObject({ title: 'Untitled negotiation', draft: true })
      })

      it('still refuses text that is not YAML or JSON, or not a plan of any kind, or too large', async () => {
        const syntax = await importPlan('title: {a: b, c\n')
        expect(syntax.status).toBe(400)
        expect(syntax.body.error).toMatchObject({ code: 'syntax', line: expect.any(Number) })
        const json = await h.call('POST', `${base()}/import`, {
          as: asEditor(),
          raw: { text: '{"title": ', type: 'application/json' },
        })
        expect(json.status).toBe(400)
        const prose = await importPlan('just some words')
        expect(prose.status).toBe(400)
        const large = await importPlan(`title: x\nnotes: "${'a'.repeat(LIMITS.planBytes)}"\n`)
        expect(large.status).toBe(413)
        // POST .../negotiations keeps its contract: a plan with problems is a 400.
        const strict = await h.call('POST', base(), { as: asEditor(), raw: yaml(BROKEN) })
        expect(strict.status).toBe(400)
      })

      it('computes nothing from a draft: views, the plan and new events answer 409 plan_is_draft', async () => {
        const id = (await importPlan(BROKEN)).body.id as string
        for (const view of ['', '/plan', '/frontier', '/meso', '/status', '/coach', '/lint', '/debrief']) {
          const reply = await h.call('GET', `${base()}/${id}${view}`, { as: { token: t.viewer.token } })
          expect(reply.status, view).toBe(409)
          expect(reply.body.error.code).toBe('plan_is_draft')
          expect(reply.body.error.message).toMatch(/no valid plan yet.*fix them/)
        }
        const event = await h.call('POST', `${base()}/${id}/events`, {
          as: asEditor(),
          json: { id: '01JF0000000000000000000001', type: 'note', text: 'hello' },
        })
        expect(event.status).toBe(409)
        expect(event.body.error.code).toBe('plan_is_draft')
        // The journal, empty, can still be read.
        expect((await h.call('GET', `${base()}/${id}/events`, { as: asEditor() })).status).toBe(200)
      })

      it('becomes a negotiation once its plan is saved from version 0, which clears the draft', async () => {
        const id = (await importPlan(BROKEN)).body.id as string
        const stillBroken = await h.call('PUT', `${base()}/${id}/plan`, {
          as: asEditor(),
          raw: yaml(BROKEN),
          headers: { 'if-match': '"0"' },
        })
        expect(stillBroken.status).toBe(400)
        const fixed = await h.call('PUT', `${base()}/${id}/draft`, {
          as: asEditor(),
          raw: yaml(EXAMPLE),
          headers: { 'if-match': '"1"' },
        })
        expect(fixed.status).toBe(200)
        expect(fixed.body).toMatchObject({ version: 2, valid: true, problems: [], unlisted: 0 })
        expect(fixed.body).not.toHaveProperty('text')
        // A valid draft does not replace the plan by itself.
        expect((await h.call('GET', `${base()}/${id}/status`, { as: asEditor() })).status).toBe(409)
        const saved = await h.call('PUT', `${base()}/${id}/plan`, {
          as: asEditor(),
          raw: yaml(EXAMPLE),
          headers: { 'if-match': '"0"' },
        })
        expect(saved.status).toBe(200)
        expect(saved.body).toMatchObject({ version: 1, hasPlan: true })
        expect((await h.call('GET', `${base()}/${id}/status`, { as: asEditor() })).status).toBe(200)
        const gone = await h.call('GET', `${base()}/${id}/draft`, { as: asEditor() })
        expect(gone.status).toBe(404)
        expect(gone.body.error.code).toBe('no_draft')
      })
    })

    describe('drafts', () => {
      const put = (
        id: string,
        body: { text: string; format: string },
        ifMatch?: string,
        token = t.editor.token,
      ) =>
        h.call('PUT', `${base()}/${id}/draft`, {
          as: { token },
          json: body,
          ...(ifMatch ? { headers: { 'if-match': ifMatch } } : {}),
        })

      it('keeps any text, even one that does not parse yet, with its problems', async () => {
        const id = await created()
        expect((await h.call('GET', `${base()}/${id}/draft`, { as: asEditor() })).body.error.code).toBe(
          'no_draft',
        )
        const half = await put(id, { text: 'title: Calder\nissues: [\n', format: 'yaml' })
        expect(half.status).toBe(200)
        expect(half.headers.get('etag')).toBe('"1"')
        expect(half.body).toMatchObject({ version: 1, valid: false, updatedBy: t.editor.id })
        expect(half.body.problems[0]).toMatchObject({ code: 'syntax', line: expect.any(Number) })
        const json = await put(id, { text: '{"title": ', format: 'json' }, '"1"')
        expect(json.body).toMatchObject({ version: 2, valid: false })
        // Shared with the team: a viewer reads it.
        const read = await h.call('GET', `${base()}/${id}/draft`, { as: { token: t.viewer.token } })
        expect(read.body).toMatchObject({ text: '{"title": ', format: 'json', version: 2 })
        expect(read.headers.get('etag')).toBe('"2"')
        // The plan is untouched.
        expect((await h.call('GET', `${base()}/${id}`, { as: asEditor() })).body.version).toBe(1)
      })

      it('asks for the draft version once a draft exists: 428 without, 412 when stale', async () => {
        const id = await created()
        expect((await put(id, { text: 'a: 1', format: 'yaml' })).status).toBe(200)
        const missing = await put(id, { text: 'a: 2', format: 'yaml' })
        expect(missing.status).toBe(428)
        expect(missing.body.error.code).toBe('version_required')
        const stale = await put(id, { text: 'a: 2', format: 'yaml' }, '"7"')
        expect(stale.status).toBe(412)
        expect(stale.body.error.code).toBe('stale_draft')
        expect(stale.headers.get('etag')).toBe('"1"')
        const invalid = await put(id, { text: 'a: 2', format: 'yaml' }, 'latest')
        expect(invalid.status).toBe(400)
        expect((await put(id, { text: 'a: 2', format: 'yaml' }, 'W/"1"')).status).toBe(200)
      })

      it('refuses a body that is not a draft, and text over the plan size limit', async () => {
        const id = await created()
        const wrong = await put(id, { text: 'a', format: 'toml' })
        expect(wrong.status).toBe(400)
        const extra = await h.call('PUT', `${base()}/${id}/draft`, {
          as: asEditor(),
          json: { text: 'a', format: 'yaml', more: 1 },
        })
        expect(extra.status).toBe(400)
        const large = await put(id, { text: 'x'.repeat(LIMITS.planBytes + 1), format: 'yaml' })
        expect(large.status).toBe(413)
      })

      it('clears the draft when the plan saved is the draft, as a file or as JSON', async () => {
        const id = await created()
        const renamed = EXAMPLE.replace(`title: ${TITLE}`, 'title: Calder renewal')
        await put(id, { text: renamed, format: 'yaml' })
        // A plan other than the draft keeps the draft.
        const other = await h.call('PUT', `${base()}/${id}/plan`, {
          as: asEditor(),
          raw: yaml(EXAMPLE.replace(`title: ${TITLE}`, 'title: Something else')),
          headers: { 'if-match': '"1"' },
        })
        expect(other.status).toBe(200)
        expect((await h.call('GET', `${base()}/${id}/draft`, { as: asEditor() })).status).toBe(200)
        const plan = (await h.call('GET', `${base()}/${id}`, { as: asEditor() })).body.plan
        const saved = await h.call('PUT', `${base()}/${id}/plan`, {
          as: asEditor(),
          json: { ...plan, title: 'Calder renewal' },
          headers: { 'if-match': '"2"' },
        })
        expect(saved.status).toBe(200)
        expect((await h.call('GET', `${base()}/${id}/draft`, { as: asEditor() })).status).toBe(404)
        // After the clear, no If-Match is needed; the old version does not match.
        expect((await put(id, { text: 'b: 1', format: 'yaml' }, '"2"')).status).toBe(412)
        expect((await put(id, { text: 'b: 1', format: 'yaml' })).body.version).toBe(2)
      })
    })

    describe('creating from a template', () => {
      it('stores the template as the app sends it: no placeholder as a value, and opens at once', async () => {
        for (const context of CONTEXTS) {
          const plan = blankStarterPlan(context, { title: `Acme ${context}`, them: 'Acme Corp' })
          const reply = await h.call('POST', base(), { as: asEditor(), json: plan })
          expect(reply.status, context).toBe(201)
          const stored = await h.call('GET', `${base()}/${reply.body.id}/plan?format=json`, {
            as: asEditor(),
          })
          expect(stored.status).toBe(200)
          // No `<Customer>`-style blank anywhere (the operators of a rule are `"<="`, never `<` and a word).
          expect(stored.text).not.toMatch(/<[^<>\s=]/)
          expect(JSON.parse(stored.text).parties).toMatchObject({
            us: { name: 'Us' },
            them: { name: 'Acme Corp' },
          })
          // A valid plan: every view of it is computed, none is a draft.
          const status = await h.call('GET', `${base()}/${reply.body.id}/status`, { as: asEditor() })
          expect(status.status).toBe(200)
        }
      })

      it('refuses a plan without a title, or one of spaces only, naming the field', async () => {
        for (const title of ['', '   ']) {
          const plan = blankStarterPlan('sales', { title })
          const reply = await h.call('POST', base(), { as: asEditor(), json: plan })
          expect(reply.status, JSON.stringify(title)).toBe(400)
          expect(reply.body.error).toMatchObject({ path: 'title' })
          expect(reply.body.error.message).toMatch(/^title: must not be empty/)
        }
        const list = await h.call('GET', base(), { as: asEditor() })
        const titles = (list.body.negotiations as { title: string }[]).map((item) => item.title)
        expect(titles.filter((title) => title.trim() === '')).toEqual([])
      })
    })

    describe('managing negotiations', () => {
      const patch = (id: string, json: unknown, token = t.editor.token) =>
        h.call('PATCH', `${base()}/${id}`, { as: { token }, json })

      it('renames into the plan and its kept file, without If-Match, and audits it', async () => {
        const id = await created()
        const reply = await patch(id, { title: '  Calder renewal 2027  ' })
        expect(reply.status).toBe(200)
        expect(reply.body).toMatchObject({ id, title: 'Calder renewal 2027', version: 2 })
        const negotiation = await h.call('GET', `${base()}/${id}`, { as: asEditor() })
        expect(negotiation.body.plan.title).toBe('Calder renewal 2027')
        const file = await h.call('GET', `${base()}/${id}/plan`, { as: asEditor() })
        // The author's comments stay.
        expect(file.text).toContain('# Worked example (sales)')
        expect(file.text).toContain('title: Calder renewal 2027')
        const [entry] = await audit('negotiation.rename')
        expect(entry).toMatchObject({
          target: `negotiation:${id}`,
          detail: { from: TITLE, to: 'Calder renewal 2027', version: 2 },
        })
      })

      it('renames the draft too, and a negotiation that has only a draft', async () => {
        const id = (await importPlan(BROKEN)).body.id as string
        const reply = await patch(id, { title: 'Fixed name' })
        expect(reply.body).toMatchObject({ title: 'Fixed name', version: 0, hasPlan: false })
        const draft = await h.call('GET', `${base()}/${id}/draft`, { as: asEditor() })
        expect(draft.body.version).toBe(2)
        expect(draft.body.text).toContain('title: Fixed name')
        expect(draft.body.text).toContain('# Worked example (sales)')
        expect(draft.body.problems.length).toBeGreaterThanOrEqual(2)
      })

      it('refuses an empty title, a title too long, and a change of nothing', async () => {
        const id = await created()
        const empty = await patch(id, { title: '   ' })
        expect(empty.status).toBe(400)
        expect(empty.body.error).toMatchObject({ path: 'title' })
        expect(empty.body.error.message).toMatch(/must not be empty/)
        expect((await patch(id, { title: 'x'.repeat(201) })).status).toBe(400)
        expect((await patch(id, { title: 'x'.repeat(200) })).status).toBe(200)
        expect((await patch(id, {})).status).toBe(400)
        expect((await patch(id, { title: 'ok', colour: 'red' })).status).toBe(400)
        expect((await patch('no-such-negotiation', { title: 'ok' })).status).toBe(404)
      })

      it('archives (hidden from the list, listed with ?archived=true) and restores, audited', async () => {
        const id = await created()
        const archived = await patch(id, { archived: true })
        expect(archived.status).toBe(200)
        expect(archived.body.archivedAt).toEqual(expect.any(String))
        const ids = async (query = '') =>
          (
            (await h.call('GET', `${base()}${query}`, { as: { token: t.viewer.token } })).body
              .negotiations as {
              id: string
            }[]
          ).map((summary) => summary.id)
        expect(await ids()).not.toContain(id)
        expect(await ids('?archived=true')).toContain(id)
        expect((await h.call('GET', `${base()}?archived=maybe`, { as: asEditor() })).status).toBe(400)
        // Still readable and usable by its id.
        expect((await h.call('GET', `${base()}/${id}/status`, { as: asEditor() })).status).toBe(200)
        const restored = await patch(id, { archived: false, title: 'Back again' })
        expect(restored.body).toMatchObject({ archivedAt: null, title: 'Back again' })
        expect(await ids()).toContain(id)
        expect((await audit('negotiation.archive'))[0]?.target).toBe(`negotiation:${id}`)
        expect((await audit('negotiation.restore'))[0]?.target).toBe(`negotiation:${id}`)
      })

      it('duplicates the plan and the draft but not the journal, audited', async () => {
        const id = await created()
        await h.call('POST', `${base()}/${id}/events`, {
          as: asEditor(),
          json: { id: '01JF0000000000000000000002', type: 'note', text: 'first call' },
        })
        await h.call('PUT', `${base()}/${id}/draft`, { as: asEditor(), raw: yaml(BROKEN) })
        const copy = await h.call('POST', `${base()}/${id}/duplicate`, { as: asEditor() })
        expect(copy.status).toBe(201)
        expect(copy.body).toMatchObject({
          title: `Copy of ${TITLE}`,
          version: 1,
          eventCount: 0,
          hasPlan: true,
        })
        expect(copy.body.id).not.toBe(id)
        const plan = await h.call('GET', `${base()}/${copy.body.id}`, { as: asEditor() })
        expect(plan.body.plan.title).toBe(`Copy of ${TITLE}`)
        const events = await h.call('GET', `${base()}/${copy.body.id}/events`, { as: asEditor() })
        expect(events.body.events).toEqual([])
        const draft = await h.call('GET', `${base()}/${copy.body.id}/draft`, { as: asEditor() })
        expect(draft.body).toMatchObject({ version: 1, valid: false })
        expect(draft.body.text).toContain(`title: "Copy of ${TITLE}"`)
        const [entry] = await audit('negotiation.duplicate')
        expect(entry).toMatchObject({ target: `negotiation:${copy.body.id}`, detail: { from: id } })
        // A long title is cut to fit.
        await patch(id, { title: 'y'.repeat(200) })
        const long = await h.call('POST', `${base()}/${id}/duplicate`, { as: asEditor() })
        expect(long.body.title).toHaveLength(200)
        expect(long.body.title.startsWith('Copy of yyy')).toBe(true)
      })

      it('deletes a negotiation with its draft, audited', async () => {
        const id = (await importPlan(BROKEN)).body.id as string
        expect((await h.call('DELETE', `${base()}/${id}`, { as: asEditor() })).status).toBe(204)
        expect((await h.call('GET', `${base()}/${id}/draft`, { as: asEditor() })).status).toBe(404)
        expect((await h.call('DELETE', `${base()}/${id}`, { as: asEditor() })).status).toBe(404)
        const [entry] = await audit('negotiation.delete')
        expect(entry).toMatchObject({ target: `negotiation:${id}` })
      })
    })
  },
)
