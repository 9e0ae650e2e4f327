/**
 * How the bundle on the table came to be there, in words for a heading ("On the table (their
 * counter)"): the replay's source names are for code, and "choice" or "concession" alone does not
 * say whose move it was.
 */
import type { TableSource } from './replay'

const WORDS: Record<TableSource, string> = {
  offer: 'our offer',
  choice: 'their choice',
  counter: 'their counter',
  concession: 'after our concession',
  contingency: 'with the contingency accepted',
  agreement: 'agreed',
}

export function tableSourceWords(source: TableSource): string {
  return WORDS[source]
}

/** What the table is, as a gain over it reads: `their counter` when it is theirs, else `the table`. */
export function tableInWords(source: TableSource | undefined): string {
  return source === 'counter' ? 'their counter' : 'the table'
}
