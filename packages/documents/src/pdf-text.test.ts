import { runs } from '@parley/core/testing/runs'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { columnWidths } from './pdf'
import { wrapText } from './pdf-text'

// A measure where every character is 1 wide and a Chinese one 2, like a real font's proportions.
const measure = (text: string) =>
  [...text].reduce((width, c) => width + (/[\u4e00-\u9fff]/.test(c) ? 2 : 1), 0)

describe('wrapText', () => {
  it('breaks Latin and Greek text at spaces', () => {
    expect(wrapText('Διάρκεια σύμβασης of thirty months', 20, measure)).toEqual([
      'Διάρκεια σύμβασης of',
      'thirty months',
    ])
  })

  it('breaks Chinese text between any two characters', () => {
    expect(wrapText('北京云海科技有限公司', 8, measure)).toEqual(['北京云海', '科技有限', '公司'])
  })

  it('cuts a word wider than the line', () => {
    expect(wrapText('abcdefghij', 4, measure)).toEqual(['abcd', 'efgh', 'ij'])
  })

  it('keeps every character but the spaces, each line within the width', () => {
    const text = fc
      .array(fc.constantFrom('a', 'β', ' ', '京', 'word', 'x'), { maxLength: 60 })
      .map((parts) => parts.join(''))
    fc.assert(
      fc.property(text, fc.integer({ min: 2, max: 30 }), (input, width) => {
        const lines = wrapText(input, width, measure)
        for (const line of lines) expect(measure(line)).toBeLessThanOrEqual(width)
        expect(lines.join('').replaceAll(' ', '')).toBe(input.replaceAll(' ', ''))
      }),
      { numRuns: runs(200) },
    )
  })
})

describe('columnWidths', () => {
  it('gives narrow columns what they need and shares the rest among wide ones', () => {
    expect(columnWidths([50, 400, 400], 450)).toEqual([50, 200, 200])
  })

  it('always fills the width exactly, never with a column wider than it needs when space is short', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 500 }), { minLength: 1, maxLength: 12 }), (natural) => {
        const widths = columnWidths(natural, 480)
        expect(widths.reduce((a, b) => a + b, 0)).toBeCloseTo(480, 6)
        if (natural.reduce((a, b) => a + b, 0) > 480) {
          for (const [index, width] of widths.entries())
            expect(width).toBeLessThanOrEqual(natural[index]! + 1e-9)
        }
      }),
      { numRuns: runs(200) },
    )
  })
})
