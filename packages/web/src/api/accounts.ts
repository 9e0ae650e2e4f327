/**
 * The API's calls about people: the first owner's setup, signing in and out, the signed-in user's
 * profile, password and API tokens, and the one-time links (invitations, password resets) used
 * before signing in. Each returns the server's own type for its answer.
 */
import type {
  AcceptInput,
  ApiToken,
  ApiTokenInput,
  ApiTokenList,
  InvitationPreview,
  Joined,
  LoginInput,
  Me,
  NewApiToken,
  NewPasswordInput,
  PasswordResetDone,
  PasswordResetState,
  ProfileChange,
  ProfileInput,
  SetupInput,
  SetupState,
  SignedIn,
} from '@parley/server/contract'
import { http, path } from './http'

export async function setupState(): Promise<SetupState> {
  return (await http.get<SetupState>('/api/setup')).body
}

/** Creates the first owner with the setup token the server printed, and signs them in. */
export async function setUp(input: SetupInput): Promise<Joined> {
  return (await http.post<Joined>('/api/setup', input)).body
}

export async function signIn(input: LoginInput): Promise<SignedIn> {
  return (await http.post<SignedIn>('/api/auth/login', input)).body
}

export async function signOut(): Promise<void> {
  await http.post('/api/auth/logout')
}

/** The signed-in user, their workspaces, and when their password was last set; a 401 when signed out. */
export async function me(): Promise<Me> {
  return (await http.get<Me>('/api/me')).body
}

export async function rename(name: string): Promise<ProfileChange> {
  return (await http.patch<ProfileChange>('/api/me', { name } satisfies ProfileInput)).body
}

/** A new password, from the current one; the answer says how many sessions and tokens it closed. */
export async function changePassword(
  password: NonNullable<ProfileInput['password']>,
): Promise<Required<ProfileChange>> {
  const input: ProfileInput = { password }
  const { user, passwordChange } = (await http.patch<ProfileChange>('/api/me', input)).body
  if (!passwordChange) throw new Error('the server changed a password without saying what it closed')
  return { user, passwordChange }
}

export async function listApiTokens(): Promise<ApiToken[]> {
  return (await http.get<ApiTokenList>('/api/me/tokens')).body.tokens
}

/** A new API token, with its secret (shown once). */
export async function createApiToken(input: ApiTokenInput): Promise<NewApiToken> {
  return (await http.post<NewApiToken>('/api/me/tokens', input)).body
}

export async function revokeApiToken(tokenId: string): Promise<void> {
  await http.delete(path`/api/me/tokens/${tokenId}`)
}

/** What an invitation link is for, before accepting it. */
export async function invitationPreview(token: string): Promise<InvitationPreview> {
  return (await http.get<InvitationPreview>(path`/api/invitations/${token}`)).body
}

/** Accepts an invitation: a new person sends who they are; someone signed in sends nothing. */
export async function acceptInvitation(token: string, newcomer: AcceptInput | undefined): Promise<Joined> {
  return (await http.post<Joined>(path`/api/invitations/${token}/accept`, newcomer)).body
}

/** Whether a password-reset link can still be used, and for which email. */
export async function passwordResetState(token: string): Promise<PasswordResetState> {
  return (await http.get<PasswordResetState>(path`/api/password-resets/${token}`)).body
}

/** Sets a new password with a reset link, and signs in. */
export async function resetPassword(token: string, password: string): Promise<PasswordResetDone> {
  const input: NewPasswordInput = { password }
  return (await http.post<PasswordResetDone>(path`/api/password-resets/${token}`, input)).body
}
