/**
 * Bad input never crashes the server or leaks a stack trace, on either backend: oversized bodies,
 * malformed JSON, wrong types, deep nesting, unknown fields (tens of thousands of them), text no
 * database keeps as it is (U+0000, lone surrogates) in bodies, paths and query strings, numbers
 * past the 32-bit columns, and thousands of random requests on every route of the OpenAPI
 * document all get a 4xx in the error shape, saying what and where, and the server keeps serving.
 */
import { readFileSync } from 'node:fs'
import { runs } from '@parley/core/testing/runs'
import { testBackends } from '@parley/store/testing'
import fc from 'fast-check'
import { beforeAll, describe, expect, it } from 'vitest'
import { MAX_LISTED_PROBLEMS, MAX_STORED_INTEGER, MiB } from './options'
import { type Reply, suiteTeam } from './testing/harness'

const EXAMPLE = readFileSync(new URL('../../../examples/sales-saas-renewal.yaml', import.meta.url), 'utf8')
const backends = await testBackends()

/** Field names of our schemas, so random bodies get past "unknown field" now and then. */
const FIELD_NAMES = [
  'id',
  'type',
  'name',
  'email',
  'password',
  'role',
  'parley',
  'title',
  'context',
  'parties',
  'issues',
  'bundles',
  'terms',
  'label',
  'text',
  'token',
  'workspace',
  'current',
  'new',
]

/** Texts that have broken servers: U+0000, lone surrogates, markup, SQL, long and empty. */
const HOSTILE_TEXTS = [
  '\u0000',
  'a\u0000b',
  '\ud800',
  'x\udfff',
  '\udc00\ud800',
  '😀',
  'x'.repeat(300),
  '',
  ' ',
  '<script>alert(1)</script>',
  "'; drop table users; --",
  '%00',
  '../..',
  'owner',
  'note',
]

/** Numbers past what the columns and doubles hold exactly. */
const HOSTILE_NUMBERS = [2 ** 31, 2 ** 31 - 1, 2 ** 53 + 1, -(2 ** 63), 1e308, -1e308, 5e-324, -0, 1.5, 0]

/** Bodies written out by hand: nesting past every limit, many fields, odd numbers, YAML tricks. */
function hostileBodies(): { text: string; type: string }[] {
  const json = (text: string) => ({ text, type: 'application/json' })
  const yaml = (text: string) => ({ text, type: 'application/yaml' })
  const manyFields = (count: number) =>
    JSON.stringify(Object.fromEntries(Array.from({ length: count }, (_, k) => [`k${k}`, k])))
  return [
    json(`${'['.repeat(65)}${']'.repeat(65)}`),
    json(`${'{"a":'.repeat(200)}1${'}'.repeat(200)}`),
    json('['.repeat(100_000)),
    json(manyFields(1001)),
    json(manyFields(20_000)),
    json(`{"name":${'9'.repeat(400)}}`),
    json('{"name":1e999}'),
    json('{"name":"\\u0000"}'),
    json('{"name":"\\ud800"}'),
    json('{"\\u0000":1}'),
    json('"just a string"'),
    json('null'),
    json(''),
    yaml('title: "\\0"'),
    yaml('title: "\\ud800"'),
    yaml('title: "a\u0000"'),
    yaml('['.repeat(100_000)),
    yaml(`${'- '.repeat(5_000)}x`),
    yaml('a: &a [1, 2]\nb: [*a, *a, *a, *a]\nc: [*b, *b, *b, *b]\nd: [*c, *c, *c, *c]'),
    yaml('!!js/function "return 1"'),
    yaml('%YAML 1.1\n---\na: 1'),
  ]
}

/** Answers in the error shape, with nothing internal in them. */
function expectErrorShape(reply: Reply, label: string): void {
  expect(reply.status, label).toBeLessThan(500)
  if (reply.status < 400) return
  expect(reply.headers.get('content-type') ?? '', label).toMatch(/^application\/json/)
  expect(typeof reply.body.error?.code, label).toBe('string')
  expect(reply.body.error.message.length, label).toBeGreaterThan(0)
  expect(typeof reply.body.error.path, label).toBe('string')
  expect(reply.text, label).not.toMatch(/at .+\.[jt]s:\d+|Error:|call stack|RangeError|TypeError/)
  expect(reply.text.length, label).toBeLessThan(16 * 1024)
}

describe.each(backends.map((backend) => [backend.dialect, backend] as const))(
  'bad input on %s',
  (_, backend) => {
    const { h, t } = suiteTeam(backend, {
      linkLimit: { perAddress: 1_000_000, windowMs: 60_000 },
      loginLimit: { perAddress: 1_000_000, perEmailAndAddress: 1_000_000, windowMs: 60_000 },
    })
    let negotiation: string
    let tradeable: string
    beforeAll(async () => {
      const created = await h.call('POST', `/api/workspaces/${t.workspaceId}/negotiations`, {
        as: { token: t.editor.token },
        raw: { text: EXAMPLE, type: 'application/yaml' },
      })
      negotiation = created.body.id
      const added = await h.call('POST', `/api/workspaces/${t.workspaceId}/tradeables`, {
        as: { token: t.editor.token },
        json: { name: 'Case study' },
      })
      tradeable = added.body.id
    })

    const ws = () => `/api/workspaces/${t.workspaceId}`
    const events = () => `${ws()}/negotiations/${negotiation}/events`

    it('refuses a body over 1 MiB with 413, whether or not it declares its length', async () => {
      const big = JSON.stringify({ name: 'x'.repeat(MiB) })
      const declared = await h.call('POST', '/api/workspaces', {
        as: { token: t.owner.token },
        raw: { text: big, type: 'application/json' },
      })
      expect(declared.status).toBe(413)
      expect(declared.body.error.code).toBe('too_large')
      // A streamed body without Content-Length is counted as it arrives.
      const stream = new ReadableStream({
        start(controller) {
          for (let k = 0; k < 20; k++) controller.enqueue(new TextEncoder().encode('x'.repeat(64 * 1024)))
          controller.close()
        },
      })
      // Node's fetch needs `duplex` for a streamed body.
      const streamed = await h.app.request('/api/workspaces', {
        method: 'POST',
        headers: { authorization: `Bearer ${t.owner.token}`, 'content-type': 'application/json' },
        body: stream,
        duplex: 'half',
      } as RequestInit)
      expect(streamed.status).toBe(413)
      // Just under the limit is read (and then refused for what it says, not its size).
      const under = await h.call('POST', '/api/workspaces', {
        as: { token: t.owner.token },
        raw: { text: JSON.stringify({ name: 'x'.repeat(MiB - 100) }), type: 'application/json' },
      })
      expect(under.status).toBe(400)
      expect(under.body.error.path).toBe('name')
    })

    it('says where JSON is malformed', async () => {
      const reply = await h.call('POST', '/api/workspaces', {
        as: { token: t.owner.token },
        raw: { text: '{\n  "name": "Deals",\n  "x": }', type: 'application/json' },
      })
      expect(reply.status).toBe(400)
      expect(reply.body.error.code).toBe('malformed_json')
      expect(reply.body.error.message).toMatch(/line 3, column \d+/)
    })

    it('refuses malformed JSON before asking who is calling', async () => {
      const reply = await h.call('POST', '/api/workspaces', {
        raw: { text: '{"name":', type: 'application/json' },
      })
      expect(reply.status).toBe(400)
    })

    it('refuses deep nesting, wrong types, unknown fields, huge strings and other media types', async () => {
      for (const depth of [100, 100_000]) {
        const nested = await h.call('POST', events(), {
          as: { token: t.editor.token },
          raw: { text: `${'['.repeat(depth)}1${']'.repeat(depth)}`, type: 'application/json' },
        })
        expect(nested.status).toBe(400)
        expect(nested.body.error.code).toBe('too_deep')
        expect(nested.body.error.message).toMatch(/nests more than 64 levels deep/)
      }

      const wrongType = await h.call('POST', '/api/workspaces', {
        as: { token: t.owner.token },
        json: { name: 42 },
      })
      expect(wrongType.status).toBe(400)
      expect(wrongType.body.error).toMatchObject({ path: 'name' })

      const unknown = await h.call('POST', '/api/workspaces', {
        as: { token: t.owner.token },
        json: { name: 'Deals', colour: 'blue' },
      })
      expect(unknown.status).toBe(400)
      expect(unknown.body.error.path).toBe('colour')

      const huge = await h.call('POST', events(), {
        as: { token: t.editor.token },
        json: { id: '01JF0000000000000000000001', type: 'note', text: 'x'.repeat(200_000) },
      })
      expect(huge.status).toBe(413)

      const longName = await h.call('POST', '/api/workspaces', {
        as: { token: t.owner.token },
        json: { name: 'x'.repeat(201) },
      })
      expect(longName.status).toBe(400)

      const form = await h.call('POST', '/api/workspaces', {
        as: { token: t.owner.token },
        raw: { text: 'name=Deals', type: 'application/x-www-form-urlencoded' },
      })
      expect(form.status).toBe(415)

      const notAnObject = await h.call('POST', events(), { as: { token: t.editor.token }, json: [1, 2, 3] })
      expect(notAnObject.status).toBe(400)
    })

    it('answers 50,000 unknown fields from anyone quickly, briefly and by the limit', async () => {
      const fields = Object.fromEntries(Array.from({ length: 50_000 }, (_, k) => [`k${k}`, 'x']))
      const text = JSON.stringify(fields)
      expect(text.length).toBeGreaterThan(500_000)
      const started = performance.now()
      const reply = await h.call('POST', '/api/auth/login', { raw: { text, type: 'application/json' } })
      const took = performance.now() - started
      expect(reply.status).toBe(400)
      expect(reply.body.error.code).toBe('too_many_fields')
      expect(reply.body.error.message).toBe('the body has 50000 fields; one object may have at most 1000')
      expect(reply.text.length).toBeLessThan(8 * 1024)
      expect(took).toBeLessThan(1_000)
    })

    it('lists at most the first 20 problems and counts the rest, hints for those listed only', async () => {
      // Under the field limit, every field unknown: 999 problems found, 20 described.
      const fields = Object.fromEntries(Array.from({ length: 999 }, (_, k) => [`nam${k}`, k]))
      const reply = await h.call('POST', '/api/workspaces', { as: { token: t.owner.token }, json: fields })
      expect(reply.status).toBe(400)
      expect(reply.body.error.problems).toHaveLength(MAX_LISTED_PROBLEMS)
      expect(reply.body.error.unlisted).toBe(1000 - MAX_LISTED_PROBLEMS)
      expect(reply.body.error.message).toMatch(/\(and 999 more problems\)$/)
      expect(reply.body.error.problems[1].message).toBe("unknown field 'nam0' (did you mean 'name'?)")
      expect(reply.text.length).toBeLessThan(8 * 1024)

      // A plan's problems come from core, all of them; the answer still lists 20.
      const plan = await h.call('POST', `${ws()}/negotiations`, {
        as: { token: t.editor.token },
        json: { parley: 1, title: 'x', issues: Array.from({ length: 40 }, () => ({ id: 'A' })) },
      })
      expect(plan.status).toBe(400)
      expect(plan.body.error.problems).toHaveLength(MAX_LISTED_PROBLEMS)
      expect(plan.body.error.unlisted).toBeGreaterThan(100)
    })

    it('keeps every error answer short, however long the field and parameter names in the request', async () => {
      const long = 'k'.repeat(500_000)
      const replies = [
        await h.call('POST', '/api/auth/login', { json: { [long]: '\u0000' } }),
        await h.call('POST', '/api/workspaces', {
          as: { token: t.owner.token },
          json: { name: 'x', [long]: 1 },
        }),
        await h.call('GET', `${events()}?${'q'.repeat(10_000)}=%00`, { as: { token: t.owner.token } }),
      ]
      for (const reply of replies) {
        expect(reply.status).toBe(400)
        expectErrorShape(reply, reply.body.error.code)
        expect(reply.text.length).toBeLessThan(2 * 1024)
      }
    })

    it('refuses U+0000 and lone surrogates in every text with a 400 naming where, and stores nothing', async () => {
      const before = (await h.call('GET', '/api/workspaces', { as: { token: t.owner.token } })).body
      const cases: { label: string; reply: Promise<Reply>; path: string }[] = [
        {
          label: 'a sign-in, before any account is looked up',
          reply: h.call('POST', '/api/auth/login', { json: { email: 'a\u0000@example.com', password: 'x' } }),
          path: 'email',
        },
        {
          label: 'a workspace name',
          reply: h.call('POST', '/api/workspaces', {
            as: { token: t.owner.token },
            json: { name: 'Deals\u0000' },
          }),
          path: 'name',
        },
        {
          label: 'a lone surrogate',
          reply: h.call('POST', '/api/workspaces', {
            as: { token: t.owner.token },
            json: { name: 'Deals \ud800' },
          }),
          path: 'name',
        },
        {
          label: 'a field name',
          reply: h.call('POST', '/api/workspaces', {
            as: { token: t.owner.token },
            json: { 'na\u0000me': 'x' },
          }),
          path: '',
        },
        {
          label: 'a tradeable tag',
          reply: h.call('POST', `${ws()}/tradeables`, {
            as: { token: t.editor.token },
            json: { name: 'Case', tags: ['ok', 'x\udfff'] },
          }),
          path: 'tags[1]',
        },
        {
          label: 'a journal note',
          reply: h.call('POST', events(), {
            as: { token: t.editor.token },
            json: { id: '01JF0000000000000000000002', type: 'note', text: '\u0000' },
          }),
          path: 'text',
        },
        {
          label: 'a JSON plan',
          reply: h.call('POST', `${ws()}/negotiations`, {
            as: { token: t.editor.token },
            json: { parley: 1, title: 'Renewal \ud83d' },
          }),
          path: 'title',
        },
        {
          label: 'a YAML plan, escaped',
          reply: h.call('POST', `${ws()}/negotiations`, {
            as: { token: t.editor.token },
            raw: { text: EXAMPLE.replace(/^title: .*$/m, 'title: "Renewal \\0"'), type: 'application/yaml' },
          }),
          path: 'title',
        },
        {
          label: 'a YAML plan, escaped lone surrogate',
          reply: h.call('POST', `${ws()}/negotiations/import`, {
            as: { token: t.editor.token },
            raw: {
              text: EXAMPLE.replace(/^title: .*$/m, 'title: "Renewal \\udc00"'),
              type: 'application/yaml',
            },
          }),
          path: 'title',
        },
        {
          label: 'a YAML plan, written out',
          reply: h.call('POST', `${ws()}/negotiations`, {
            as: { token: t.editor.token },
            raw: { text: EXAMPLE.replace(/^title: .*$/m, 'title: Renewal \u0000'), type: 'application/yaml' },
          }),
          path: '',
        },
        {
          label: 'a path id',
          reply: h.call('GET', `${ws()}%00/negotiations`, { as: { token: t.owner.token } }),
          path: 'workspaceId',
        },
        {
          label: 'a path id, before any account is looked up',
          reply: h.call('GET', '/api/invitations/pin_%00'),
          path: 'token',
        },
        {
          label: 'a lone surrogate, percent-encoded, in a path id',
          reply: h.call('GET', `${ws()}/negotiations/%ED%A0%80`, { as: { token: t.owner.token } }),
          path: 'negotiationId',
        },
        {
          label: 'a query value',
          reply: h.call('GET', `${events()}?format=json%00`, { as: { token: t.owner.token } }),
          path: 'format',
        },
        {
          label: 'a query value, malformed',
          reply: h.call('GET', `${ws()}/audit?before=%`, { as: { token: t.owner.token } }),
          path: 'before',
        },
      ]
      for (const { label, reply, path } of cases) {
        const answer = await reply
        expect(answer.status, `${label}: ${answer.text}`).toBe(400)
        expect(answer.body.error.code, label).toBe('invalid_text')
        expect(answer.body.error.path, label).toBe(path)
        expect(answer.body.error.message, label).toMatch(/U\+0000|lone surrogate|percent-encoded UTF-8/)
        expectErrorShape(answer, label)
      }
      const after = (await h.call('GET', '/api/workspaces', { as: { token: t.owner.token } })).body
      expect(after).toEqual(before)
      const stored = await h.call('GET', events(), { as: { token: t.owner.token } })
      expect(stored.body.events).toEqual([])
    })

    it('range-checks the integer query parameters against the 32-bit columns', async () => {
      const path = (query: string) => `${events()}?${query}`
      for (const query of [
        `after=${MAX_STORED_INTEGER + 1}`,
        'after=1e400',
        'after=-1',
        'after=1.5',
        'after=x',
      ]) {
        const reply = await h.call('GET', path(query), { as: { token: t.owner.token } })
        expect(reply.status, query).toBe(400)
        expect(reply.body.error.path, query).toBe('after')
        expect(reply.body.error.message, query).toMatch(/^query parameter after: /)
      }
      expect(
        (await h.call('GET', path(`after=${MAX_STORED_INTEGER}`), { as: { token: t.owner.token } })).status,
      ).toBe(200)
      for (const query of [
        `before=${MAX_STORED_INTEGER + 1}`,
        `before=${2 ** 64}`,
        'limit=1001',
        'limit=0',
      ]) {
        const reply = await h.call('GET', `${ws()}/audit?${query}`, { as: { token: t.owner.token } })
        expect(reply.status, query).toBe(400)
      }
      const audit = await h.call('GET', `${ws()}/audit?before=${MAX_STORED_INTEGER}&limit=1000`, {
        as: { token: t.owner.token },
      })
      expect(audit.status).toBe(200)
    })

    it('answers the computed views at the extremes of their query parameters below 500', async () => {
      const view = (name: string, query: string) =>
        h.call('GET', `${ws()}/negotiations/${negotiation}/${name}?${query}`, {
          as: { token: t.viewer.token },
        })
      const cases: [string, string][] = [
        ['frontier', 'epsilon=1e-300'],
        ['frontier', 'epsilon=5e-324'],
        ['frontier', 'epsilon=100&rule=1'],
        ['frontier', 'epsilon=1e400'],
        ['meso', 'tolerance=1e-300'],
        ['meso', 'target=-1000&tolerance=100&count=3'],
        ['meso', 'target=1000&count=2'],
        ['meso', `count=${2 ** 31}`],
        ['coach', 'stage=x'],
        ['lint', 'format=sarif'],
      ]
      for (const [name, query] of cases) expectErrorShape(await view(name, query), `${name}?${query}`)
    })

    it('never puts internal error text in an answer: deep YAML and JSON plans are refused in plain words', async () => {
      const bodies = [
        { text: '['.repeat(100_000), type: 'application/yaml' },
        { text: `${'['.repeat(20_000)}${']'.repeat(20_000)}`, type: 'application/yaml' },
        { text: `${'- '.repeat(20_000)}x`, type: 'application/yaml' },
        { text: `parley: 1\ntitle: ${'['.repeat(500)}${']'.repeat(500)}`, type: 'application/yaml' },
        { text: '['.repeat(100_000), type: 'application/json' },
      ]
      for (const route of ['negotiations', 'negotiations/import']) {
        for (const raw of bodies) {
          const reply = await h.call('POST', `${ws()}/${route}`, { as: { token: t.editor.token }, raw })
          expect(reply.status, raw.text.slice(0, 20)).toBe(400)
          expect(reply.body.error.message).toMatch(/nests more than (64|128) levels deep/)
          expectErrorShape(reply, raw.text.slice(0, 20))
        }
      }
      // A YAML plan nested deeper than a JSON body may be, yet readable, is held to the same limit once read.
      const nested = EXAMPLE.replace(/^title: .*$/m, `title: ${'['.repeat(100)}1${']'.repeat(100)}`)
      const reply = await h.call('POST', `${ws()}/negotiations`, {
        as: { token: t.editor.token },
        raw: { text: nested, type: 'application/yaml' },
      })
      expect(reply.status).toBe(400)
      expect(reply.body.error).toMatchObject({ code: 'too_deep', line: expect.any(Number) })
      expect(reply.body.error.path).toMatch(/^title(\[0\])+$/)
    })

    it('answers thousands of random bodies on every route that takes one with a 4xx, and keeps serving', async () => {
      const routes: [string, string][] = [
        ['POST', '/api/setup'],
        ['POST', '/api/auth/login'],
        ['PATCH', '/api/me'],
        ['POST', '/api/me/tokens'],
        ['POST', '/api/workspaces'],
        ['PATCH', ws()],
        ['PATCH', `${ws()}/members/${t.viewer.id}`],
        ['POST', `${ws()}/invitations`],
        ['POST', `${ws()}/negotiations`],
        ['POST', `${ws()}/negotiations/import`],
        ['PUT', `${ws()}/negotiations/${negotiation}/plan`],
        ['POST', `${ws()}/negotiations/${negotiation}/events`],
        ['POST', `${ws()}/tradeables`],
        ['POST', '/api/invitations/pin_x/accept'],
        ['POST', '/api/password-resets/prs_x'],
      ]
      const value = fc.letrec((tie) => ({
        any: fc.oneof(
          { depthSize: 'small' },
          fc.string(),
          fc.integer(),
          fc.double(),
          fc.boolean(),
          fc.constant(null),
          fc.array(tie('any'), { maxLength: 4 }),
          fc.dictionary(fc.oneof(fc.string(), fc.constantFrom(...FIELD_NAMES)), tie('any'), { maxKeys: 5 }),
        ),
      })).any
      const body = fc.oneof(
        value.map((v) => ({ text: JSON.stringify(v), type: 'application/json' })),
        fc.string().map((text) => ({ text, type: 'application/json' })),
        fc.string().map((text) => ({ text, type: 'application/yaml' })),
        fc.string().map((text) => ({ text, type: 'text/plain' })),
      )
      let requests = 0
      await fc.assert(
        fc.asyncProperty(
          fc.constantFrom(...routes),
          body,
          fc.boolean(),
          async ([method, path], raw, signedIn) => {
            requests++
            const reply = await h.call(method, path, {
              ...(signedIn ? { as: { token: t.owner.token } } : {}),
              raw,
              headers: { 'if-match': '"1"' },
            })
            expectErrorShape(reply, `${method} ${path} ${raw.text.slice(0, 80)}`)
          },
        ),
        { numRuns: runs(1000) },
      )
      expect(requests).toBeGreaterThanOrEqual(runs(1000))
      expect((await h.call('GET', '/api/health')).status).toBe(200)
    })

    it('answers random ids, queries and hostile bodies on every route of the OpenAPI document below 500, in the error shape', async () => {
      const doc = (await h.call('GET', '/api/openapi.json')).body as {
        paths: Record<
          string,
          Record<string, { parameters?: { in: string; name: string }[]; requestBody?: unknown }>
        >
      }
      const operations = Object.entries(doc.paths).flatMap(([path, item]) =>
        Object.entries(item)
          .filter(([method]) => ['get', 'post', 'put', 'patch', 'delete'].includes(method))
          .map(([method, operation]) => ({
            method: method.toUpperCase(),
            path,
            query: (operation.parameters ?? []).filter((p) => p.in === 'query').map((p) => p.name),
          })),
      )
      expect(operations.length).toBeGreaterThan(40)
      const real: Record<string, string> = {
        workspaceId: t.workspaceId,
        negotiationId: negotiation,
        userId: t.viewer.id,
        tradeableId: tradeable,
        token: 'pin_x',
        tokenId: 'x',
        invitationId: 'x',
      }
      const hostileId = fc.oneof(
        fc.constantFrom(
          '%00',
          'a%00b',
          '%ED%A0%80',
          '%ED%B0%80',
          '%F0%9F%98%80',
          '%C0%80',
          '%FF',
          '%',
          '%zz',
          '99999999999999999999999',
          String(2 ** 31),
          '-1',
          '0',
          'x'.repeat(150),
          '..',
          '%2F',
          'null',
          encodeURIComponent('ü'),
        ),
        fc.string({ maxLength: 12 }).map(encodeURIComponent),
      )
      const queryValue = fc.oneof(
        fc.constantFrom(
          '',
          '0',
          '-1',
          '1',
          '2',
          '3',
          String(MAX_STORED_INTEGER),
          String(2 ** 31),
          '1e400',
          '1e-300',
          '-1e308',
          'NaN',
          'Infinity',
          'true',
          'false',
          'yaml',
          'json',
          'jsonl',
          'sarif',
          'prepare',
          '%00',
          '%ED%A0%80',
          '%',
          'x'.repeat(2000),
        ),
        fc.string({ maxLength: 12 }).map(encodeURIComponent),
        fc.integer().map(String),
        fc.double().map(String),
      )
      const value = fc.letrec((tie) => ({
        any: fc.oneof(
          { depthSize: 'small' },
          fc.constantFrom(...HOSTILE_TEXTS),
          fc.string(),
          fc.constantFrom(...HOSTILE_NUMBERS),
          fc.integer(),
          fc.boolean(),
          fc.constant(null),
          fc.array(tie('any'), { maxLength: 4 }),
          fc.dictionary(
            fc.oneof(fc.constantFrom(...HOSTILE_TEXTS), fc.constantFrom(...FIELD_NAMES)),
            tie('any'),
            {
              maxKeys: 5,
            },
          ),
        ),
      })).any
      const body = fc.option(
        fc.oneof(
          { weight: 3, arbitrary: value.map((v) => ({ text: JSON.stringify(v), type: 'application/json' })) },
          { weight: 1, arbitrary: fc.constantFrom(...hostileBodies()) },
        ),
        { nil: undefined },
      )
      const callers = [undefined, t.viewer.token, t.editor.token, t.owner.token]
      const request = fc.record({
        operation: fc.constantFrom(...operations),
        ids: fc.dictionary(fc.constantFrom(...Object.keys(real)), hostileId, { maxKeys: 3 }),
        realIds: fc.boolean(),
        query: fc.array(fc.tuple(fc.nat(), queryValue), { maxLength: 3 }),
        body,
        caller: fc.nat({ max: callers.length - 1 }),
        ifMatch: fc.constantFrom(undefined, '"1"', '"99999999999"', 'W/"1"', 'x'),
      })
      let requests = 0
      await fc.assert(
        fc.asyncProperty(request, async ({ operation, ids, realIds, query, body: raw, caller, ifMatch }) => {
          requests++
          // Deleting with real ids would empty the workspace the rest of the run explores.
          const useReal = realIds && operation.method !== 'DELETE'
          const path = operation.path.replace(/\{(\w+)\}/g, (_, name: string) =>
            useReal && ids[name] === undefined ? (real[name] ?? 'x') : (ids[name] ?? 'x'),
          )
          const names = [...operation.query, 'unknown']
          const search = query.map(([k, v]) => `${names[k % names.length]}=${v}`).join('&')
          const url = search ? `${path}?${search}` : path
          const token = operation.method === 'DELETE' && caller === 3 ? t.editor.token : callers[caller]
          const reply = await h.call(operation.method, url, {
            ...(token ? { as: { token } } : {}),
            ...(raw && operation.method !== 'GET' ? { raw } : {}),
            ...(ifMatch ? { headers: { 'if-match': ifMatch } } : {}),
          })
          expectErrorShape(reply, `${operation.method} ${url} ${raw?.text.slice(0, 80) ?? ''}`)
        }),
        { numRuns: runs(3000) },
      )
      expect(requests).toBeGreaterThanOrEqual(runs(3000))
      expect((await h.call('GET', '/api/health')).status).toBe(200)
    })
  },
)
