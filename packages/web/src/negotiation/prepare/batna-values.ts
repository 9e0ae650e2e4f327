/**
 * Values of the BATNA section as typed and as drawn: a BATNA's cost is a number or words
 * (`120000`, `three months of a contractor`), and the utilities that matter to us (our BATNA, the
 * reservation, the aspiration) are marked on one 0–100 scale with their labels kept apart.
 */

const PLAIN_NUMBER = /^-?(0|[1-9]\d*)(\.\d*[1-9])?$/

/**
 * A cost as typed: a number written plainly (`120000`, `-5.5`) is kept as a number; anything else
 * (`120,000 USD`, `12.`, `0120`) as the text typed, so nothing typed is ever rewritten under the
 * cursor; an empty field removes it.
 */
export function readCost(text: string): string | number | undefined {
  if (text === '') return undefined
  return PLAIN_NUMBER.test(text) ? Number(text) : text
}

export interface ScaleMark {
  key: string
  label: string
  /** Utility points, 0..100. */
  value: number
}

export interface PlacedMark extends ScaleMark {
  /** Label row, 0 nearest the scale: marks closer than the gap go to different rows. */
  row: number
}

/** Marks in label rows so that no two labels closer than `gap` points share a row (fewest rows, greedy). */
export function placeMarks(marks: readonly ScaleMark[], gap: number): PlacedMark[] {
  const lastInRow: number[] = []
  return [...marks]
    .sort((a, b) => a.value - b.value || a.key.localeCompare(b.key))
    .map((mark) => {
      let row = lastInRow.findIndex((last) => mark.value - last >= gap)
      if (row < 0) row = lastInRow.length
      lastInRow[row] = mark.value
      return { ...mark, row }
    })
}
