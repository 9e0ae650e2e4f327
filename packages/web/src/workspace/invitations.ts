/** Invitations an owner can still revoke: neither accepted, revoked nor expired. */

export interface Invitation {
  id: string
  workspaceId: string
  role: 'owner' | 'editor' | 'viewer'
  email: string | null
  createdBy: string
  createdAt: string
  expiresAt: string
  acceptedAt: string | null
  acceptedBy: string | null
  revokedAt: string | null
}

export function openInvitations(invitations: readonly Invitation[], now: Date): Invitation[] {
  return invitations
    .filter((item) => !item.acceptedAt && !item.revokedAt && Date.parse(item.expiresAt) > now.getTime())
    .sort((a, b) => b.createdAt.localeCompare(a.createdAt))
}
