/**
 * The roles a member can have, as the server names them (`Role` in its contract), and how the web
 * app words them. Every list and table here is checked against the server's set by the compiler:
 * a role added there fails this app's type-check until it is worded here.
 */
import type { Role } from '@parley/server/contract'
import type { NoneMissing } from '../api/closed-sets'

export type { Role }

/** Every role, most powerful first. */
export const ROLES = ['owner', 'editor', 'viewer'] as const satisfies readonly Role[]
export type EveryRoleListed = NoneMissing<Exclude<Role, (typeof ROLES)[number]>>

/** The roles an invitation offers, the usual one first. */
export const INVITATION_ROLES = ['editor', 'viewer', 'owner'] as const satisfies readonly Role[]
export type EveryInvitationRole = NoneMissing<Exclude<Role, (typeof INVITATION_ROLES)[number]>>

export const ROLE_NAMES: Record<Role, string> = { owner: 'Owner', editor: 'Editor', viewer: 'Viewer' }

/** What each role may do, in a word. */
export const ROLE_POWERS: Record<Role, string> = {
  owner: 'also members, invitations and the workspace',
  editor: 'negotiations, journals, the tradeables library',
  viewer: 'reads everything',
}

/** A role in a sentence: "as a viewer", "is now an owner". */
export const ROLE_WITH_ARTICLE: Record<Role, string> = {
  owner: 'an owner',
  editor: 'an editor',
  viewer: 'a viewer',
}

/** Whether a role may change negotiations and the library (editors and owners). */
export function canEdit(role: Role): boolean {
  return role !== 'viewer'
}
