/**
 * What the fields for a new password say: the server's minimum length, tied to it by type
 * (`PasswordMinLength` is the server's constant as a literal type), so a change of the minimum
 * there fails this app's type-check until the labels here follow.
 */
import type { PasswordMinLength } from '@parley/server/contract'

export const PASSWORD_MIN_LENGTH: PasswordMinLength = 12

/** A password chosen with a new account (setup, invitation). */
export const NEW_PASSWORD_LABEL = `Password (at least ${PASSWORD_MIN_LENGTH} characters)`
/** A password replacing the current one (your account, a reset link). */
export const REPLACEMENT_PASSWORD_LABEL = `New password (at least ${PASSWORD_MIN_LENGTH} characters)`
export const NEW_PASSWORD_HINT = 'Hard to guess: a few unrelated words work well.'
