/**
 * Bad input never crashes the server or leaks a stack trace: oversized bodies, malformed JSON,
 * wrong types, deep nesting, unknown fields, huge strings and thousands of random bodies all get a
 * 4xx with a message saying what and where, and the server keeps serving.
 */
import { readFileSync } from 'node:fs'
import { testBackends } from '@parley/store/testing'
import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { MiB } from './options'
import { type Harness, harness, type Team, team } from './testing/harness'

const EXAMPLE = readFileSync(new URL('../../../examples/sales-saas-renewal.yaml', import.meta.url), 'utf8')
const [sqlite] = await testBackends()

describe.runIf(sqlite)('bad input', () => {
  let h: Harness
  let t: Team
  let negotiation: string
  beforeAll(async () => {
    h = await harness(sqlite!, {
      linkLimit: { perAddress: 1_000_000, windowMs: 60_000 },
      loginLimit: { perAddress: 1_000_000, perEmail: 1_000_000, windowMs: 60_000 },
    })
    t = await team(h)
    const created = await h.call('POST', `/api/workspaces/${t.workspaceId}/negotiations`, {
      as: { token: t.editor.token },
      raw: { text: EXAMPLE, type: 'application/yaml' },
    })
    negotiation = created.body.id
  })
  afterAll(async () => {
    await h.drop()
  })

  const events = () => `/api/workspaces/${t.workspaceId}/negotiations/${negotiation}/events`

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
      expect(nested.body.error.message).toMatch(/nests more than 64 levels|not valid JSON/)
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

  it('answers thousands of random bodies on every route that takes one with a 4xx, and keeps serving', async () => {
    const ws = `/api/workspaces/${t.workspaceId}`
    const routes: [string, string][] = [
      ['POST', '/api/setup'],
      ['POST', '/api/auth/login'],
      ['PATCH', '/api/me'],
      ['POST', '/api/me/tokens'],
      ['POST', '/api/workspaces'],
      ['PATCH', ws],
      ['PATCH', `${ws}/members/${t.viewer.id}`],
      ['POST', `${ws}/invitations`],
      ['POST', `${ws}/negotiations`],
      ['POST', `${ws}/negotiations/import`],
      ['PUT', `${ws}/negotiations/${negotiation}/plan`],
      ['POST', `${ws}/negotiations/${negotiation}/events`],
      ['POST', `${ws}/tradeables`],
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
        fc.dictionary(
          fc.oneof(
            fc.string(),
            fc.constantFrom(
              'id',
              'type',
              'name',
              'email',
              'password',
              'role',
              'parley',
              'issues',
              'bundles',
              'terms',
              'label',
            ),
          ),
          tie('any'),
          { maxKeys: 5 },
        ),
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
          expect(reply.status, `${method} ${path} ${raw.text.slice(0, 80)}`).toBeLessThan(500)
          if (reply.status >= 400) {
            expect(typeof reply.body.error.code).toBe('string')
            expect(reply.body.error.message.length).toBeGreaterThan(0)
            expect(reply.text).not.toMatch(/at .+\.ts:\d+|Error:/)
          }
        },
      ),
      { numRuns: 3000 },
    )
    expect(requests).toBeGreaterThanOrEqual(3000)
    expect((await h.call('GET', '/api/health')).status).toBe(200)
  })
})
