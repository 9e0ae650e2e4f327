/**
 * The one password policy (OWASP ASVS level 1), for every place a password is chosen: setup, a new
 * person accepting an invitation, a reset link, a change of one's own password, and `parley user
 * add` / `parley user password` on the server machine. A password must be at least
 * PASSWORD_MIN_LENGTH characters (passwords.ts) and hard to guess: zxcvbn-ts estimates how many
 * guesses an attacker with lists of common and breached passwords would need, with the person's
 * own email and name counted as known to them, and we require its score 3 of 4 (about 10^8
 * guesses or more). Nothing else (no character-class rules): length and unguessability are what
 * ASVS asks, and rules about digits and symbols push people towards `Password1!`.
 */
import { type TranslationKeys, ZxcvbnFactory } from '@zxcvbn-ts/core'
import * as common from '@zxcvbn-ts/language-common'
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH, PASSWORD_TOO_LONG, PASSWORD_TOO_SHORT } from './passwords'

/**
 * zxcvbn's score runs 0 (too guessable) to 4; 3 means at least 10^8 guesses: out of reach online,
 * and some protection offline behind our slow hash.
 */
export const PASSWORD_MIN_SCORE = 3

export interface PasswordProblem {
  code: 'too_short' | 'too_long' | 'weak_password'
  /** Says why in plain words, to follow the field's name: "is a commonly used password". */
  message: string
}

/** Who the password is for: what an attacker who targets this person already knows. */
export interface PasswordHolder {
  email: string
  name: string
}

// Built on first use: ranking the dictionaries takes a moment, and most processes never need it.
let factory: ZxcvbnFactory | undefined
function estimator(): ZxcvbnFactory {
  factory ??= new ZxcvbnFactory({ dictionary: { ...common.dictionary }, graphs: common.adjacencyGraphs })
  return factory
}

/** zxcvbn's warning keys in our own words (its language packs are not needed for a dozen phrases). */
const WARNINGS: ReadonlyMap<string, string> = new Map(
  Object.entries({
    straightRow: 'is too easy to guess: it is a row of keys on the keyboard',
    keyPattern: 'is too easy to guess: it is a pattern of keys next to each other on the keyboard',
    simpleRepeat: 'is too easy to guess: it repeats the same characters',
    extendedRepeat: 'is too easy to guess: it repeats the same group of characters',
    sequences: 'is too easy to guess: it is a sequence such as abc or 6543',
    recentYears: 'is too easy to guess: it is built on a recent year',
    dates: 'is too easy to guess: it is built on a date',
    topTen: 'is one of the ten most used passwords',
    topHundred: 'is one of the hundred most used passwords',
    common: 'is a commonly used password',
    similarToCommon: 'is too close to a commonly used password',
    wordByItself: 'is too easy to guess: a single word is not enough',
    namesByThemselves: 'is too easy to guess: names on their own are not enough',
    commonNames: 'is too easy to guess: it is built on common names',
    userInputs: 'is too easy to guess: it contains your name or email address',
    pwned: 'has appeared in a data breach',
  } satisfies Record<keyof TranslationKeys['warnings'], string>),
)

const ADVICE = 'a few unrelated words, or a longer mix of words and characters, is much harder to guess'

/** The strings that say who the person is, as zxcvbn matches them: whole, and in their parts. */
function knownToAttacker(holder: PasswordHolder): string[] {
  const email = holder.email.trim().toLowerCase()
  const local = email.split('@')[0] ?? ''
  const words = [holder.name, local]
    .flatMap((text) => text.toLowerCase().split(/[^\p{L}\p{N}]+/u))
    .filter((word) => word.length >= 3)
  return [...new Set([email, local, holder.name.trim().toLowerCase(), ...words].filter(Boolean))]
}

/** Why this password may not be used, or undefined when it may. */
export function passwordProblem(password: string, holder: PasswordHolder): PasswordProblem | undefined {
  if (password.length < PASSWORD_MIN_LENGTH) return { code: 'too_short', message: PASSWORD_TOO_SHORT }
  if (password.length > PASSWORD_MAX_LENGTH) return { code: 'too_long', message: PASSWORD_TOO_LONG }
  const result = estimator().check(password, knownToAttacker(holder))
  if (result.score >= PASSWORD_MIN_SCORE) return undefined
  const warning = result.feedback.warning
  const why = (warning && WARNINGS.get(warning)) || 'is too easy to guess'
  return { code: 'weak_password', message: `${why}; ${ADVICE}` }
}
