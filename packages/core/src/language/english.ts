/**
 * English as Parley writes it to people: counts with the right plural ("1 day", "2 days"), lists
 * with the right conjunction ("a, b and c"), sentences that end in exactly one full stop, and quotes
 * that never double. Plurals come from the platform's Intl (CLDR data in Node and every browser).
 * Lists follow CLDR's British pattern, "a, b and c" (no serial comma), written out here: building
 * an `Intl.ListFormat` for en-GB loads its locale data, which cost every command about 11 ms to
 * start (26 ms in a bare Node); a test checks the two agree.
 */

const PLURAL = new Intl.PluralRules('en')

/** Nouns whose plural is not the singular plus "s". */
const IRREGULAR: Record<string, string> = {
  analysis: 'analyses',
  criterion: 'criteria',
  person: 'people',
  this: 'these',
  that: 'those',
  is: 'are',
  was: 'were',
  has: 'have',
}

/** The plural of an English noun: `option` → `options`, `day` → `days`, `policy` → `policies`. */
export function pluralOf(noun: string): string {
  const irregular = IRREGULAR[noun]
  if (irregular) return irregular
  // A phrase takes its plural on the first word: "answer to a prompt" → "answers to a prompt".
  const space = noun.indexOf(' ')
  if (space > 0) return `${pluralOf(noun.slice(0, space))}${noun.slice(space)}`
  if (/[^aeiou]y$/i.test(noun)) return `${noun.slice(0, -1)}ies`
  if (/(s|x|z|ch|sh)$/i.test(noun)) return `${noun}es`
  return `${noun}s`
}

/** The noun as the count needs it: `nounFor(1, 'option')` is `option`, `nounFor(3, 'option')` is `options`. */
export function nounFor(n: number, noun: string, plural: string = pluralOf(noun)): string {
  return PLURAL.select(n) === 'one' ? noun : plural
}

/** A count and its noun: `1 day`, `2 days`, `0 answers`. */
export function count(n: number, noun: string, plural?: string): string {
  return `${n} ${nounFor(n, noun, plural)}`
}

/** `a`, `a and b`, `a, b and c`. Empty words are left out. */
export function listAnd(words: readonly string[]): string {
  return joined(words, 'and')
}

/** `a`, `a or b`, `a, b or c`. Empty words are left out. */
export function listOr(words: readonly string[]): string {
  return joined(words, 'or')
}

function joined(words: readonly string[], conjunction: 'and' | 'or'): string {
  const kept = words.filter((word) => word !== '')
  if (kept.length <= 1) return kept[0] ?? ''
  return `${kept.slice(0, -1).join(', ')} ${conjunction} ${kept[kept.length - 1]}`
}

/** The text with its first letter in capitals: a clause written to follow a label, standing alone. */
export function capitalised(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1)
}

/** A text without its final full stops, ellipses or spaces, to be placed inside a sentence. */
export function withoutFullStop(text: string): string {
  return text.trim().replace(/[\s.]+$/, '')
}

/** A text as the end of a sentence: exactly one closing mark (a question or exclamation mark stays). */
export function sentence(text: string): string {
  const trimmed = text.trim()
  if (/[?!]["'”’)]?$/.test(trimmed)) return trimmed.replace(/\.+(?=[?!])/g, '')
  // A closing bracket ends an aside within the sentence: the full stop goes after it (unless the
  // aside already ends with one).
  if (/\.\)$/.test(trimmed)) return trimmed
  if (trimmed.endsWith(')')) return `${trimmed}.`
  const quoted = /^(.*?)([.\s]*)(["'”’])$/.exec(trimmed)
  // A quote at the end: the full stop goes inside, once.
  if (quoted) return `${withoutFullStop(quoted[1] ?? '')}.${quoted[3]}`
  return `${withoutFullStop(trimmed)}.`
}

/** A clause written to follow a label ("Next move: …"), as a sentence standing on its own. */
export function standingAlone(clause: string): string {
  return sentence(capitalised(clause))
}

/** Text in double quotes, once: quotes already around it are not doubled. */
export function quoted(text: string): string {
  const bare = text.trim().replace(/^["“]+|["”]+$/g, '')
  return `"${bare}"`
}

/** A noun with its indefinite article: `a review cadence`, `an exit`, `an SLA`. */
export function withArticle(noun: string): string {
  const word = noun.trim()
  // Letters read as names (SLA, MSA, NDA, FAQ) start with a vowel sound when the letter's name does.
  const acronym = /^[A-Z]{2,}\b/.test(word)
  const an = acronym
    ? /^[AEFHILMNORSX]/.test(word)
    : /^(?:[aei]|o(?!ne)|u(?!ni|s[eu]|ti)|hour|honest)/i.test(word)
  return `${an ? 'an' : 'a'} ${word}`
}
