/** Invitations an owner can still revoke: neither accepted, revoked nor expired. */
import type { Invitation } from '@parley/server/contract'

export function openInvitations(invitations: readonly Invitation[], now: Date): Invitation[] {
  return invitations
    .filter((item) => !item.acceptedAt && !item.revokedAt && Date.parse(item.expiresAt) > now.getTime())
    .sort((a, b) => b.createdAt.localeCompare(a.createdAt))
}
