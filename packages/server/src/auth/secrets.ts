/**
 * The secrets the server hands out (session cookies, API tokens, invitation, reset, setup and share
 * links):
 * 256 random bits with a prefix that says what each is, stored only as their SHA-256.
 */
import { createHash, randomBytes } from 'node:crypto'

export const SECRET_KINDS = {
  session: 'pss_',
  apiToken: 'pat_',
  invitation: 'pin_',
  passwordReset: 'prs_',
  setup: 'psu_',
  shareLink: 'pdr_',
} as const

export type SecretKind = keyof typeof SECRET_KINDS

export function newSecret(kind: SecretKind): string {
  return SECRET_KINDS[kind] + randomBytes(32).toString('base64url')
}

export function secretHash(secret: string): string {
  return createHash('sha256').update(secret).digest('hex')
}

export function isSecretOf(kind: SecretKind, value: string): boolean {
  return (
    value.startsWith(SECRET_KINDS[kind]) &&
    value.length > SECRET_KINDS[kind].length + 20 &&
    value.length < 100
  )
}
