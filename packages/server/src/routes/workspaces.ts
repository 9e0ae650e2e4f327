/**
 * Workspaces and the people in them: creating and renaming workspaces, members and their roles,
 * invitation links and password-reset links (owners only; no mail server is assumed, so the owner
 * passes the link on). A reset link hands over the whole account, so an owner may make one only
 * for a member every one of whose workspaces they own too (the recovery rule); anyone else is
 * helped on the server machine with `parley user password`.
 */
import { z } from '@hono/zod-openapi'
import type { Invitation } from '@parley/store'
import { expectedOrigin, requireUserAt } from '../auth/identity'
import { newSecret, secretHash } from '../auth/secrets'
import { access } from '../http/access'
import { type Api, apiPart, errors, json, jsonBody } from '../http/api'
import { fail } from '../http/errors'
import {
  InvitationInputSchema,
  InvitationLinkSchema,
  InvitationListSchema,
  MemberListSchema,
  MemberSchema,
  NameSchema,
  ResetLinkSchema,
  RoleChangeSchema,
  WorkspaceListSchema,
  WorkspaceParams,
  WorkspaceSchema,
} from '../http/schemas'
import { raise } from './accounts'

const MemberParams = WorkspaceParams.extend({
  userId: z
    .string()
    .min(1)
    .max(100)
    .openapi({ param: { name: 'userId', in: 'path' } }),
})
const InvitationParams = WorkspaceParams.extend({
  invitationId: z
    .string()
    .min(1)
    .max(100)
    .openapi({ param: { name: 'invitationId', in: 'path' } }),
})

function invitationJson(invitation: Invitation) {
  return invitation
}

export function workspaceRoutes(api: Api): void {
  const workspaceApi = apiPart(api, 'workspaces')
  const memberApi = apiPart(api, 'members')
  const invitationApi = apiPart(api, 'invitations')
  requireUserAt(api, '/api/workspaces')

  workspaceApi.route(
    {
      method: 'get',
      path: '/api/workspaces',
      summary: 'The workspaces you belong to, with your role in each',
      responses: { 200: json(WorkspaceListSchema, 'Workspaces'), ...errors(401) },
    },
    async (c) => {
      const { user } = c.get('identity') ?? raise()
      return c.json({ workspaces: await c.get('services').store.listWorkspaces(user.id) })
    },
  )

  workspaceApi.route(
    {
      method: 'post',
      path: '/api/workspaces',
      summary: 'Create a workspace; you own it',
      request: { body: jsonBody(NameSchema) },
      responses: { 201: json(WorkspaceSchema, 'Created'), ...errors(400, 401, 403) },
    },
    async (c) => {
      const { user } = c.get('identity') ?? raise()
      const workspace = await c
        .get('services')
        .store.createWorkspace({ name: c.req.valid('json').name, ownerId: user.id }, { userId: user.id })
      c.header('Location', `/api/workspaces/${workspace.id}`)
      return c.json({ ...workspace, role: 'owner' as const }, 201)
    },
  )

  workspaceApi.forMembers(
    'viewer',
    {
      method: 'get',
      path: '/api/workspaces/{workspaceId}',
      summary: 'One workspace, with your role',
      request: { params: WorkspaceParams },
      responses: { 200: json(WorkspaceSchema, 'The workspace'), ...errors(401, 404) },
    },
    async (c, { workspaceId, role }) => {
      const workspace = await c.get('services').store.getWorkspace(workspaceId)
      if (!workspace) return fail(c, 'not_found', `no workspace ${workspaceId}`)
      return c.json({ ...workspace, role })
    },
  )

  workspaceApi.forMembers(
    'owner',
    {
      method: 'patch',
      path: '/api/workspaces/{workspaceId}',
      summary: 'Rename a workspace (owners)',
      request: { params: WorkspaceParams, body: jsonBody(NameSchema) },
      responses: { 200: json(WorkspaceSchema, 'Renamed'), ...errors(400, 401, 403, 404) },
    },
    async (c, { workspaceId, userId, role }) => {
      const workspace = await c
        .get('services')
        .store.renameWorkspace(workspaceId, c.req.valid('json').name, { userId })
      if (!workspace) return fail(c, 'not_found', `no workspace ${workspaceId}`)
      return c.json({ ...workspace, role })
    },
  )

  workspaceApi.forMembers(
    'owner',
    {
      method: 'delete',
      path: '/api/workspaces/{workspaceId}',
      summary: 'Delete a workspace and everything in it (owners)',
      request: { params: WorkspaceParams },
      responses: { 204: { description: 'Deleted' }, ...errors(401, 403, 404) },
    },
    async (c, { workspaceId, userId }) => {
      await c.get('services').store.deleteWorkspace(workspaceId, { userId })
      return c.body(null, 204)
    },
  )

  memberApi.forMembers(
    'viewer',
    {
      method: 'get',
      path: '/api/workspaces/{workspaceId}/members',
      summary: 'The members and their roles',
      request: { params: WorkspaceParams },
      responses: { 200: json(MemberListSchema, 'Members'), ...errors(401, 404) },
    },
    async (c, { workspaceId }) => {
      return c.json({ members: await c.get('services').store.listMembers(workspaceId) })
    },
  )

  memberApi.forMembers(
    'owner',
    {
      method: 'patch',
      path: '/api/workspaces/{workspaceId}/members/{userId}',
      summary: "Change a member's role (owners); the last owner can not step down",
      request: { params: MemberParams, body: jsonBody(RoleChangeSchema) },
      responses: { 200: json(MemberSchema, 'Changed'), ...errors(400, 401, 403, 404, 409) },
    },
    async (c, { workspaceId, userId: callerId }) => {
      const { userId } = c.req.valid('param')
      const changed = await c
        .get('services')
        .store.setRole(workspaceId, userId, c.req.valid('json').role, { userId: callerId })
      if (changed.ok) return c.json(changed.value)
      return changed.code === 'last_owner'
        ? fail(
            c,
            'last_owner',
            'this is the last owner of the workspace; make someone else an owner first',
            'role',
          )
        : fail(c, 'not_found', `no member ${userId} in this workspace`)
    },
  )

  memberApi.route(
    {
      method: 'delete',
      path: '/api/workspaces/{workspaceId}/members/{userId}',
      summary: 'Remove a member (owners), or leave (anyone, for themselves); the last owner can not leave',
      request: { params: MemberParams },
      responses: { 204: { description: 'Removed' }, ...errors(401, 403, 404, 409) },
    },
    async (c) => {
      const { workspaceId, userId } = c.req.valid('param')
      const self = c.get('identity')?.user.id === userId
      const allowed = await access(c, workspaceId, self ? 'viewer' : 'owner')
      if (!allowed.ok) return allowed.response
      const removed = await c
        .get('services')
        .store.removeMember(workspaceId, userId, { userId: allowed.userId })
      if (removed.ok) return c.body(null, 204)
      return removed.code === 'last_owner'
        ? fail(
            c,
            'last_owner',
            'the last owner can not leave; make someone else an owner first, or delete the workspace',
          )
        : fail(c, 'not_found', `no member ${userId} in this workspace`)
    },
  )

  memberApi.forMembers(
    'owner',
    {
      method: 'post',
      path: '/api/workspaces/{workspaceId}/members/{userId}/password-reset',
      summary:
        'Make a one-time password-reset link for a member (owners); pass it on yourself. Refused (403 `reset_not_allowed`) for a member who also belongs to a workspace you do not own',
      request: { params: MemberParams },
      responses: { 201: json(ResetLinkSchema, 'The link'), ...errors(401, 403, 404) },
    },
    async (c, { workspaceId, userId: callerId }) => {
      const { userId } = c.req.valid('param')
      const { store, options, now } = c.get('services')
      const role = await store.getRole(workspaceId, userId)
      if (!role) return fail(c, 'not_found', `no member ${userId} in this workspace`)
      const token = newSecret('passwordReset')
      const expiresAt = new Date(now().getTime() + options.passwordResetHours * 3_600_000).toISOString()
      const made = await store.createPasswordReset(
        { userId, tokenHash: secretHash(token), expiresAt, workspaceId },
        { userId: callerId },
      )
      if (!made.ok) {
        const member = await store.getUser(userId)
        const email = member?.email ?? '<their email>'
        return fail(
          c,
          'reset_not_allowed',
          `${member?.name ?? 'this member'} also belongs to another workspace, which you do not own, so a reset link from you could reach it. An administrator of the server machine can set a new password with \`parley user password --email ${email}\``,
        )
      }
      return c.json({ url: `${expectedOrigin(c)}/reset/${token}`, token, expiresAt }, 201)
    },
  )

  invitationApi.forMembers(
    'owner',
    {
      method: 'get',
      path: '/api/workspaces/{workspaceId}/invitations',
      summary: 'Invitations made for this workspace (owners)',
      request: { params: WorkspaceParams },
      responses: { 200: json(InvitationListSchema, 'Invitations'), ...errors(401, 403, 404) },
    },
    async (c, { workspaceId }) => {
      const invitations = await c.get('services').store.listInvitations(workspaceId)
      return c.json({ invitations: invitations.map(invitationJson) })
    },
  )

  invitationApi.forMembers(
    'owner',
    {
      method: 'post',
      path: '/api/workspaces/{workspaceId}/invitations',
      summary: 'Make a one-time, expiring invitation link for a role (owners)',
      request: { params: WorkspaceParams, body: jsonBody(InvitationInputSchema) },
      responses: { 201: json(InvitationLinkSchema, 'The link'), ...errors(400, 401, 403, 404) },
    },
    async (c, { workspaceId, userId }) => {
      const { store, options, now } = c.get('services')
      const input = c.req.valid('json')
      const token = newSecret('invitation')
      const invitation = await store.createInvitation(
        {
          workspaceId,
          role: input.role,
          email: input.email?.toLowerCase() ?? null,
          tokenHash: secretHash(token),
          expiresAt: new Date(now().getTime() + options.invitationHours * 3_600_000).toISOString(),
        },
        { userId },
      )
      return c.json(
        { url: `${expectedOrigin(c)}/join/${token}`, token, invitation: invitationJson(invitation) },
        201,
      )
    },
  )

  invitationApi.forMembers(
    'owner',
    {
      method: 'delete',
      path: '/api/workspaces/{workspaceId}/invitations/{invitationId}',
      summary: 'Revoke an invitation (owners)',
      request: { params: InvitationParams },
      responses: { 204: { description: 'Revoked' }, ...errors(401, 403, 404) },
    },
    async (c, { workspaceId, userId }) => {
      const { invitationId } = c.req.valid('param')
      const revoked = await c.get('services').store.revokeInvitation(workspaceId, invitationId, { userId })
      return revoked ? c.body(null, 204) : fail(c, 'not_found', `no open invitation ${invitationId}`)
    },
  )
}
