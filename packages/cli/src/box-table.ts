/**
 * The tables the command prints: a box around columns as wide as their widest cell (as a terminal
 * shows it: colour codes take no room, a Chinese character two columns), one space of padding, no
 * lines between rows. Drawn here rather than by a table library because every command that prints a
 * table runs once: a library's per-cell option merging, before it is compiled, cost a `status` run
 * more than the rest of its printing.
 */
import stringWidth from 'fast-string-width'

export type Alignment = 'left' | 'right'

// Most cells are plain printable ASCII, or ASCII with the few narrow signs the tables use (MESO's
// emphasis mark, dashes, arrows, comparison signs, currency), one column per character: measured
// without the library, whose first calls (before V8 has compiled it) cost a table of a few dozen
// cells 2 ms.
const PLAIN = /^[\x20-\x7e◆–—→←≥≤±·…×‘’“”€£°]*$/
export const cellWidth = (text: string): number => (PLAIN.test(text) ? text.length : stringWidth(text))

export function boxTable(
  head: readonly string[],
  rows: readonly (readonly string[])[],
  align: readonly Alignment[] = [],
): string {
  const all = [head, ...rows]
  const columns = Math.max(0, ...all.map((row) => row.length))
  // Each cell as its lines, with each line's width.
  const cells = all.map((row) =>
    Array.from({ length: columns }, (_, c) =>
      String(row[c] ?? '')
        .split('\n')
        .map((text) => ({ text, width: cellWidth(text) })),
    ),
  )
  const widths = Array.from({ length: columns }, (_, c) =>
    Math.max(0, ...cells.flatMap((row) => (row[c] ?? []).map((line) => line.width))),
  )
  const rule = (left: string, middle: string, right: string) =>
    `${left}${widths.map((width) => '─'.repeat(width + 2)).join(middle)}${right}`
  const lines = [rule('┌', '┬', '┐')]
  for (const row of cells) {
    const height = Math.max(1, ...row.map((cell) => cell.length))
    for (let k = 0; k < height; k++) {
      const parts = row.map((cell, c) => {
        const line = cell[k] ?? { text: '', width: 0 }
        const room = ' '.repeat((widths[c] ?? 0) - line.width)
        return align[c] === 'right' ? ` ${room}${line.text} ` : ` ${line.text}${room} `
      })
      lines.push(`│${parts.join('│')}│`)
    }
  }
  lines.push(rule('└', '┴', '┘'))
  return lines.join('\n')
}
