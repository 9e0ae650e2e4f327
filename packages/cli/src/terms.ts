/** Terms of a bundle for people: written `price 230000 · rollout 60 · support premium`, typed `price=230000 support=premium`. */
import type { Space, Terms } from '@parley/core'

export function formatTerms(terms: Terms): string {
  return Object.entries(terms)
    .map(([issue, level]) => `${issue} ${level}`)
    .join(' · ')
}

/**
 * Splits a typed line into words as a shell would, without expanding anything: spaces separate
 * words, and single or double quotes keep spaces inside one (`support="premium plus"`).
 * Undefined when a quote is left open.
 */
export function splitWords(line: string): string[] | undefined {
  const words: string[] = []
  let word: string | undefined
  let quote: string | undefined
  for (const char of line) {
    if (quote) {
      if (char === quote) quote = undefined
      else word += char
    } else if (char === '"' || char === "'") {
      quote = char
      word ??= ''
    } else if (/\s/.test(char)) {
      if (word !== undefined) words.push(word)
      word = undefined
    } else word = (word ?? '') + char
  }
  if (quote) return undefined
  if (word !== undefined) words.push(word)
  return words
}

export type TermWordsRead = { ok: true; terms: Terms } | { ok: false; message: string }

/**
 * Terms typed as `ISSUE=LEVEL` words (`price=31 export=monthly-csv`). A level is a number when the
 * issue's levels are numbers, text otherwise; whether the issue and level exist is the plan's to
 * say (core reads the terms against it).
 */
export function readTermWords(space: Space, words: readonly string[]): TermWordsRead {
  const terms: Terms = {}
  for (const word of words) {
    const at = word.indexOf('=')
    if (at <= 0 || at === word.length - 1)
      return { ok: false, message: `'${word}' is not ISSUE=LEVEL (for example price=120000)` }
    const id = word.slice(0, at)
    const text = word.slice(at + 1)
    const number = Number(text)
    terms[id] = space.byId.get(id)?.numeric && text.trim() !== '' && Number.isFinite(number) ? number : text
  }
  return { ok: true, terms }
}
