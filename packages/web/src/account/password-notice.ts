/**
 * When to tell someone their password was set by another route than their own hand in this
 * browser: a reset link (someone held one), the server machine (an administrator did it), or their
 * own change from another browser. The server says when and how (GET /api/me); this browser
 * remembers, per change, that it has shown the notice or made the change itself, so a dismissed
 * notice stays dismissed and one's own change brings none.
 */
import type { PasswordChange } from '../session'

/** How long after a change the notice is shown: long enough to be seen after a holiday. */
export const NOTICE_DAYS = 14

const DAY_MS = 86_400_000

function storageKey(userId: string): string {
  return `parley.password-change-seen.${userId}`
}

/** The change this browser last dismissed or made itself (its time), if any. */
export function seenPasswordChange(userId: string): string | null {
  try {
    return localStorage.getItem(storageKey(userId))
  } catch {
    // Storage may be refused (private modes, policies): then the notice shows until it is too old.
    return null
  }
}

/** Remembers that this change needs no notice here: dismissed, or made in this browser. */
export function markPasswordChangeSeen(userId: string, at: string): void {
  try {
    localStorage.setItem(storageKey(userId), at)
  } catch {
    // See seenPasswordChange.
  }
}

/** Whether to show the notice for this change now, given the change this browser has already seen. */
export function isNoticeDue(change: PasswordChange | null, now: Date, seen: string | null): boolean {
  if (!change || change.at === seen) return false
  return now.getTime() - Date.parse(change.at) < NOTICE_DAYS * DAY_MS
}

/** What happened, in plain words, with what to do if it was not them. */
export function describePasswordChange(change: PasswordChange): string {
  const when = new Date(change.at).toLocaleString()
  switch (change.via) {
    case 'reset-link':
      return `Your password was set with a password-reset link on ${when}. Your other sessions were signed out and your API tokens revoked. If this was not you, tell an owner of your workspace now.`
    case 'machine':
      return `Your password was set by an administrator on the server machine on ${when}. Your other sessions were signed out and your API tokens revoked.`
    case 'self':
      return `Your password was changed on ${when}, from another browser or session. Your other sessions were signed out and your API tokens revoked. If this was not you, ask an owner of your workspace for a reset link.`
  }
}
