/**
 * The API's calls about a workspace and the people in it: its name, its members and their roles,
 * password-reset links for members, and invitation links. Each returns the server's own type.
 */
import type {
  Invitation,
  InvitationInput,
  InvitationLink,
  InvitationList,
  Member,
  MemberList,
  NameInput,
  ResetLink,
  Role,
  RoleChangeInput,
  Workspace,
} from '@parley/server/contract'
import { http, path } from './http'

export async function renameWorkspace(workspaceId: string, name: string): Promise<Workspace> {
  const input: NameInput = { name }
  return (await http.patch<Workspace>(path`/api/workspaces/${workspaceId}`, input)).body
}

export async function listMembers(workspaceId: string): Promise<Member[]> {
  return (await http.get<MemberList>(path`/api/workspaces/${workspaceId}/members`)).body.members
}

/** A member's new role; refused for the last owner stepping down. */
export async function changeRole(workspaceId: string, userId: string, role: Role): Promise<Member> {
  const input: RoleChangeInput = { role }
  return (await http.patch<Member>(path`/api/workspaces/${workspaceId}/members/${userId}`, input)).body
}

/** Removes a member, or leaves when it is oneself. */
export async function removeMember(workspaceId: string, userId: string): Promise<void> {
  await http.delete(path`/api/workspaces/${workspaceId}/members/${userId}`)
}

/** A one-time password-reset link for a member, to pass on. */
export async function makeResetLink(workspaceId: string, userId: string): Promise<ResetLink> {
  return (await http.post<ResetLink>(path`/api/workspaces/${workspaceId}/members/${userId}/password-reset`))
    .body
}

export async function listInvitations(workspaceId: string): Promise<Invitation[]> {
  return (await http.get<InvitationList>(path`/api/workspaces/${workspaceId}/invitations`)).body.invitations
}

/** A one-time invitation link for a role, for anyone holding it or for one email. */
export async function invite(workspaceId: string, input: InvitationInput): Promise<InvitationLink> {
  return (await http.post<InvitationLink>(path`/api/workspaces/${workspaceId}/invitations`, input)).body
}

export async function revokeInvitation(workspaceId: string, invitationId: string): Promise<void> {
  await http.delete(path`/api/workspaces/${workspaceId}/invitations/${invitationId}`)
}
