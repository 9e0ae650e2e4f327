import fc from 'fast-check'
import stringWidth from 'fast-string-width'
import { createColors } from 'picocolors'
import { describe, expect, it } from 'vitest'
import { boxTable, cellWidth } from './box-table'

describe('boxTable', () => {
  it('draws a box with columns as wide as their widest cell, left-aligned unless told', () => {
    expect(
      boxTable(
        ['issue', 'A'],
        [
          ['Price (USD)', '31'],
          ['Term', '36 months'],
        ],
        ['left', 'right'],
      ),
    ).toBe(
      [
        '┌─────────────┬───────────┐',
        '│ issue       │         A │',
        '│ Price (USD) │        31 │',
        '│ Term        │ 36 months │',
        '└─────────────┴───────────┘',
      ].join('\n'),
    )
  })

  it('measures cells as a terminal shows them: colour takes no room, a Chinese character two columns', () => {
    const bold = createColors(true).bold
    const table = boxTable([bold('issue'), 'x'], [['北京', 'Ωμέγα ◆']]).split('\n')
    expect(table[1]).toBe(`│ ${bold('issue')} │ x       │`)
    expect(table[2]).toBe('│ 北京  │ Ωμέγα ◆ │')
  })

  it('gives a cell with several lines as many rows, and fills short rows', () => {
    expect(boxTable(['a', 'b'], [['one\ntwo'], ['three', 'x']])).toBe(
      [
        '┌───────┬───┐',
        '│ a     │ b │',
        '│ one   │   │',
        '│ two   │   │',
        '│ three │ x │',
        '└───────┴───┘',
      ].join('\n'),
    )
  })

  it('measures a cell as the width library does, on its shortcut alphabet and beyond it', () => {
    const signs = [...' ~Az09◆–—→←≥≤±·…×‘’“”€£°', '北', 'é', '✅', '\u0301', '\u001b[1m']
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...signs)), fc.string(), (parts, text) => {
        expect(cellWidth(parts.join(''))).toBe(stringWidth(parts.join('')))
        expect(cellWidth(text)).toBe(stringWidth(text))
      }),
    )
  })
})
