/**
 * The authorisation matrix: every route of the OpenAPI document against every caller (nobody, a
 * signed-in non-member, viewer, editor, owner), each on fresh fixtures, with the status each must
 * get. A workspace the caller is not in answers 404, never 403; a role too low answers 403.
 */
import { randomUUID } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { RENEWAL_B } from '@parley/core/testing'
import { testBackends } from '@parley/store/testing'
import { describe, expect, it } from 'vitest'
import { invite, ORIGIN, PASSWORD, suiteTeam } from './testing/harness'

const EXAMPLE = readFileSync(new URL('../../../examples/sales-saas-renewal.yaml', import.meta.url), 'utf8')
const [sqlite] = await testBackends()

type Caller = 'nobody' | 'outsider' | 'viewer' | 'editor' | 'owner'
const CALLERS: Caller[] = ['nobody', 'outsider', 'viewer', 'editor', 'owner']
/** Who may: anyone, any signed-in user, or members from this role up. */
type Need = 'public' | 'user' | 'viewer' | 'editor' | 'owner'

interface Fixtures {
  /** A workspace of its own with the team in it, for the call that deletes one. */
  spareWorkspaceId: string
  negotiationId: string
  tradeableId: string
  invitationId: string
  /** An invitation to the spare workspace: accepting it must not change who is in the team's. */
  spareInvitationToken: string
  resetToken: string
  memberId: string
  tokenId: string
  /** A share link of the negotiation, its token, and the offer its room shows. */
  shareLinkId: string
  shareToken: string
  offerId: string
}

interface RouteCase {
  method: string
  path: string
  need: Need
  ok: number
  body?: (f: Fixtures, caller: Caller) => unknown
  raw?: { text: string; type: string }
  headers?: Record<string, string>
  /** A status every caller gets, whatever the role (setup once done). */
  always?: number
}

/** A case for the route the document names "GET /api/me": who may call it, and what they get. */
function routeCase(
  route: string,
  need: Need,
  ok: number,
  call: Pick<RouteCase, 'body' | 'raw' | 'headers' | 'always'> = {},
): RouteCase {
  const [method = '', path = ''] = route.split(' ')
  return { method, path, need, ok, ...call }
}

let sequence = 0
const nextId = () => `01JE${String(++sequence).padStart(22, '0')}`

const CASES: RouteCase[] = [
  routeCase('GET /api/health', 'public', 200),
  routeCase('GET /api/openapi.json', 'public', 200),
  routeCase('GET /api/setup', 'public', 200),
  routeCase('POST /api/setup', 'public', 201, {
    always: 409,
    body: () => ({ token: 'psu_x', email: 'late@example.com', name: 'Late', password: PASSWORD }),
  }),
  routeCase('POST /api/auth/login', 'public', 200, {
    body: () => ({ email: 'viewer@example.com', password: PASSWORD }),
  }),
  routeCase('POST /api/auth/logout', 'public', 204),
  routeCase('GET /api/me', 'user', 200),
  routeCase('PATCH /api/me', 'user', 200, { body: () => ({ name: 'Same Name' }) }),
  routeCase('GET /api/me/tokens', 'user', 200),
  routeCase('POST /api/me/tokens', 'user', 201, { body: () => ({ name: 'script' }) }),
  // Each caller revokes a token of their own (the fixture makes one for whoever calls).
  routeCase('DELETE /api/me/tokens/{tokenId}', 'user', 204),
  routeCase('GET /api/invitations/{token}', 'public', 200),
  routeCase('POST /api/invitations/{token}/accept', 'public', 201, {
    // A newcomer signs up; a signed-in person joins as themselves (members keep their higher role).
    body: (_, caller) =>
      caller === 'nobody'
        ? { email: `new-${nextId().toLowerCase()}@example.com`, name: 'New', password: PASSWORD }
        : undefined,
  }),
  routeCase('GET /api/password-resets/{token}', 'public', 200),
  routeCase('POST /api/password-resets/{token}', 'public', 200, { body: () => ({ password: PASSWORD }) }),
  routeCase('GET /api/workspaces', 'user', 200),
  routeCase('POST /api/workspaces', 'user', 201, { body: () => ({ name: 'Another' }) }),
  routeCase('GET /api/workspaces/{workspaceId}', 'viewer', 200),
  routeCase('PATCH /api/workspaces/{workspaceId}', 'owner', 200, { body: () => ({ name: 'Deals' }) }),
  routeCase('DELETE /api/workspaces/{workspaceId}', 'owner', 204),
  routeCase('GET /api/workspaces/{workspaceId}/members', 'viewer', 200),
  routeCase('PATCH /api/workspaces/{workspaceId}/members/{userId}', 'owner', 200, {
    body: () => ({ role: 'editor' }),
  }),
  routeCase('DELETE /api/workspaces/{workspaceId}/members/{userId}', 'owner', 204),
  routeCase('POST /api/workspaces/{workspaceId}/members/{userId}/password-reset', 'owner', 201),
  routeCase('GET /api/workspaces/{workspaceId}/invitations', 'owner', 200),
  routeCase('POST /api/workspaces/{workspaceId}/invitations', 'owner', 201, {
    body: () => ({ role: 'viewer' }),
  }),
  routeCase('DELETE /api/workspaces/{workspaceId}/invitations/{invitationId}', 'owner', 204),
  routeCase('GET /api/workspaces/{workspaceId}/negotiations', 'viewer', 200),
  routeCase('POST /api/workspaces/{workspaceId}/negotiations', 'editor', 201, {
    raw: { text: EXAMPLE, type: 'application/yaml' },
  }),
  routeCase('POST /api/workspaces/{workspaceId}/negotiations/import', 'editor', 201, {
    raw: { text: EXAMPLE, type: 'application/yaml' },
  }),
  routeCase('GET /api/workspaces/{workspaceId}/negotiations/{negotiationId}', 'viewer', 200),
  routeCase('DELETE /api/workspaces/{workspaceId}/negotiations/{negotiationId}', 'editor', 204),
  routeCase('PATCH /api/workspaces/{workspaceId}/negotiations/{negotiationId}', 'editor', 200, {
    body: () => ({ title: 'Renamed', archived: true }),
  }),
  routeCase('POST /api/workspaces/{workspaceId}/negotiations/{negotiationId}/duplicate', 'editor', 201),
  routeCase('GET /api/workspaces/{workspaceId}/negotiations/{negotiationId}/draft', 'viewer', 200),
  routeCase('GET /api/workspaces/{workspaceId}/negotiations/{negotiationId}/floor-changes', 'viewer', 200),
  routeCase('PUT /api/workspaces/{workspaceId}/negotiations/{negotiationId}/draft', 'editor', 200, {
    body: () => ({ text: 'title: half-typed\nissues: [', format: 'yaml' }),
    headers: { 'if-match': '"1"' },
  }),
  routeCase('GET /api/workspaces/{workspaceId}/negotiations/{negotiationId}/plan', 'viewer', 200),
  routeCase('PUT /api/workspaces/{workspaceId}/negotiations/{negotiationId}/plan', 'editor', 200, {
    raw: { text: EXAMPLE, type: 'application/yaml' },
    headers: { 'if-match': '"1"' },
  }),
  routeCase('GET /api/workspaces/{workspaceId}/negotiations/{negotiationId}/events', 'viewer', 200),
  routeCase('POST /api/workspaces/{workspaceId}/negotiations/{negotiationId}/events', 'editor', 201, {
    body: () => ({ id: nextId(), type: 'note', text: 'checked' }),
  }),
  ...['frontier', 'meso', 'status', 'coach', 'lint', 'debrief'].map((view) =>
    routeCase(`GET /api/workspaces/{workspaceId}/negotiations/{negotiationId}/${view}`, 'viewer', 200),
  ),
  // No move of theirs in this journal: nothing learned to send (the state itself: app.test.ts).
  routeCase('GET /api/workspaces/{workspaceId}/negotiations/{negotiationId}/learned', 'viewer', 204),
  // A document of ours: a viewer reads everything the team has (the brief is marked confidential).
  routeCase('GET /api/workspaces/{workspaceId}/negotiations/{negotiationId}/documents/{kind}', 'viewer', 200),
  routeCase('GET /api/workspaces/{workspaceId}/tradeables', 'viewer', 200),
  routeCase('POST /api/workspaces/{workspaceId}/tradeables', 'editor', 201, {
    body: () => ({ name: 'Case study' }),
  }),
  routeCase('PUT /api/workspaces/{workspaceId}/tradeables/{tradeableId}', 'editor', 200, {
    body: () => ({ name: 'Case study, renamed' }),
  }),
  routeCase('DELETE /api/workspaces/{workspaceId}/tradeables/{tradeableId}', 'editor', 204),
  routeCase('GET /api/workspaces/{workspaceId}/audit', 'viewer', 200),
  routeCase('GET /api/workspaces/{workspaceId}/negotiations/{negotiationId}/share-links', 'viewer', 200),
  routeCase('POST /api/workspaces/{workspaceId}/negotiations/{negotiationId}/share-links', 'editor', 201, {
    body: () => ({ label: 'Their CFO' }),
  }),
  routeCase(
    'DELETE /api/workspaces/{workspaceId}/negotiations/{negotiationId}/share-links/{linkId}',
    'editor',
    204,
  ),
  // The deal room is the other side's: the link is all it takes, whoever else is signed in.
  routeCase('GET /api/deal-room/{token}', 'public', 200),
  routeCase('GET /api/deal-room/{token}/documents/{kind}', 'public', 200),
  routeCase('POST /api/deal-room/{token}/answers', 'public', 201, {
    body: (f) => ({ answerId: randomUUID(), offerId: f.offerId, type: 'choose', bundle: 'A' }),
  }),
]

const RANK = { viewer: 0, editor: 1, owner: 2 } as const

function expectedStatus(route: RouteCase, caller: Caller): number {
  if (route.always !== undefined) return route.always
  if (route.need === 'public') return route.ok
  if (caller === 'nobody') return 401
  if (route.need === 'user') return route.ok
  if (caller === 'outsider') return 404
  return RANK[caller] >= RANK[route.need] ? route.ok : 403
}

describe.runIf(sqlite)(
  'authorisation matrix (every route × nobody, non-member, viewer, editor, owner)',
  () => {
    // Hundreds of link uses from one address: the limit is tested in app.test.ts.
    const { h, t } = suiteTeam(sqlite!, { linkLimit: { perAddress: 100_000, windowMs: 60_000 } })

    /** Fresh things for one call to act on, so no call depends on another. */
    async function fixtures(caller: Caller): Promise<Fixtures> {
      const owner = { token: t.owner.token }
      const ws = `/api/workspaces/${t.workspaceId}`
      const negotiation = await h.call('POST', `${ws}/negotiations`, {
        as: owner,
        raw: { text: EXAMPLE, type: 'application/yaml' },
      })
      // Every negotiation of the fixtures has a draft, for the draft routes to read and write.
      const draft = await h.call('PUT', `${ws}/negotiations/${negotiation.body.id}/draft`, {
        as: owner,
        json: { text: 'title: draft', format: 'yaml' },
      })
      if (draft.status !== 200) throw new Error(`fixture: ${draft.status} ${draft.text}`)
      const tradeable = await h.call('POST', `${ws}/tradeables`, {
        as: owner,
        json: { name: 'Training seats' },
      })
      const invitation = await h.call('POST', `${ws}/invitations`, { as: owner, json: { role: 'viewer' } })
      const member = await invite(
        h,
        t.owner,
        t.workspaceId,
        'viewer',
        `member-${nextId().toLowerCase()}@example.com`,
      )
      const reset = await h.call('POST', `${ws}/members/${member.id}/password-reset`, { as: owner })
      const self = caller === 'nobody' ? t.viewer : t[caller]
      const token = await h.call('POST', '/api/me/tokens', {
        as: { token: self.token },
        json: { name: 'spare' },
      })
      const spare = await h.call('POST', '/api/workspaces', { as: owner, json: { name: 'Spare' } })
      for (const role of ['editor', 'viewer'] as const) {
        const made = await h.call('POST', `/api/workspaces/${spare.body.id}/invitations`, {
          as: owner,
          json: { role },
        })
        const joined = await h.call('POST', `/api/invitations/${made.body.token}/accept`, {
          as: { token: t[role].token },
        })
        if (joined.status !== 201) throw new Error(`fixture: ${joined.status} ${joined.text}`)
      }
      const spareInvitation = await h.call('POST', `/api/workspaces/${spare.body.id}/invitations`, {
        as: owner,
        json: { role: 'viewer' },
      })
      const offerId = nextId()
      const offer = await h.call('POST', `${ws}/negotiations/${negotiation.body.id}/events`, {
        as: owner,
        json: { id: offerId, type: 'offer-sent', bundles: [{ label: 'A', terms: RENEWAL_B }] },
      })
      const share = await h.call('POST', `${ws}/negotiations/${negotiation.body.id}/share-links`, {
        as: owner,
        json: {},
      })
      for (const reply of [
        negotiation,
        tradeable,
        invitation,
        reset,
        token,
        spare,
        spareInvitation,
        offer,
        share,
      ])
        if (reply.status !== 201) throw new Error(`fixture: ${reply.status} ${reply.text}`)
      return {
        spareWorkspaceId: spare.body.id,
        negotiationId: negotiation.body.id,
        tradeableId: tradeable.body.id,
        invitationId: invitation.body.invitation.id,
        spareInvitationToken: spareInvitation.body.token,
        resetToken: reset.body.token,
        memberId: member.id,
        tokenId: token.body.id,
        shareLinkId: share.body.id,
        shareToken: share.body.token,
        offerId,
      }
    }

    it('covers every route of the OpenAPI document', async () => {
      const doc = (await h.call('GET', '/api/openapi.json')).body
      const documented = Object.entries(doc.paths as Record<string, Record<string, unknown>>).flatMap(
        ([path, methods]) => Object.keys(methods).map((method) => `${method.toUpperCase()} ${path}`),
      )
      const covered = CASES.map((route) => `${route.method} ${route.path}`)
      expect([...covered].sort()).toEqual([...documented, 'GET /api/openapi.json'].sort())
    })

    for (const route of CASES) {
      it(`${route.method} ${route.path}`, async () => {
        const seen: Record<string, number> = {}
        const wanted: Record<string, number> = {}
        for (const caller of CALLERS) {
          const f = await fixtures(caller)
          const workspaceId =
            route.method === 'DELETE' && route.path === '/api/workspaces/{workspaceId}'
              ? f.spareWorkspaceId
              : t.workspaceId
          const path = route.path
            .replace('{workspaceId}', workspaceId)
            .replace('{negotiationId}', f.negotiationId)
            .replace('{tradeableId}', f.tradeableId)
            .replace('{invitationId}', f.invitationId)
            .replace('{userId}', f.memberId)
            .replace('{tokenId}', f.tokenId)
            .replace('{linkId}', f.shareLinkId)
            // The other side's document, in a format quick to make (the formats have tests of their own).
            .replace('{kind}', 'meso?format=md')
            .replace(
              '{token}',
              route.path.startsWith('/api/invitations')
                ? f.spareInvitationToken
                : route.path.startsWith('/api/deal-room')
                  ? f.shareToken
                  : f.resetToken,
            )
          const as = caller === 'nobody' ? undefined : { token: t[caller].token }
          const body = route.body?.(f, caller)
          const reply = await h.call(route.method, path, {
            ...(as ? { as } : {}),
            ...(body !== undefined ? { json: body } : {}),
            ...(route.raw ? { raw: route.raw } : {}),
            headers: { origin: ORIGIN, ...route.headers },
          })
          seen[caller] = reply.status
          wanted[caller] = expectedStatus(route, caller)
          if (reply.status >= 400) expect(reply.body.error.message.length, reply.text).toBeGreaterThan(5)
        }
        expect(seen).toEqual(wanted)
      })
    }
  },
)
