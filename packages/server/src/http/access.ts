/**
 * Membership and roles. A workspace the user is not a member of does not exist for them (404, never
 * 403, so not even its existence leaks); a member whose role is too low gets 403.
 */
import { isAtLeast, type Role } from '@parley/store'
import type { Context } from 'hono'
import type { AppEnv } from './env'
import { fail } from './errors'

/** Who may do what needs this role, in words: every role of the store's list has them. */
const NEEDS: Record<Role, string> = {
  viewer: 'any member',
  editor: 'an editor or an owner',
  owner: 'an owner',
}

/** The caller, as a member of the workspace in the path with a role that suffices. */
export interface Member {
  workspaceId: string
  userId: string
  role: Role
}

export type Access = { ok: true; role: Role; userId: string } | { ok: false; response: Response }

export async function access(c: Context<AppEnv>, workspaceId: string, minimum: Role): Promise<Access> {
  const identity = c.get('identity')
  if (!identity) return { ok: false, response: fail(c, 'unauthenticated', 'sign in first') }
  const role = await c.get('services').store.getRole(workspaceId, identity.user.id)
  const refused = refusal(c, workspaceId, role, minimum)
  if (refused || !role) return { ok: false, response: refused ?? fail(c, 'not_found', 'no such workspace') }
  return { ok: true, role, userId: identity.user.id }
}

/** The answer for a caller with this role (null: not a member), or undefined when the role suffices. */
export function refusal(
  c: Context<AppEnv>,
  workspaceId: string,
  role: Role | null,
  minimum: Role,
): Response | undefined {
  if (!role) return fail(c, 'not_found', `no workspace ${workspaceId} (or you are not a member of it)`)
  if (!isAtLeast(role, minimum))
    return fail(c, 'forbidden', `only ${NEEDS[minimum]} of this workspace may do this; you are a ${role}`)
  return undefined
}
