import type { PlotData } from '@parley/core'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  cloudPath,
  PLOT,
  placeLabels,
  plottedRows,
  referenceLines,
  staircasePath,
  xOf,
  yOf,
} from './frontier-geometry'

const data = (change: Partial<PlotData> = {}): PlotData => ({
  frontier: [
    { us: 90, them: 10 },
    { us: 70, them: 40 },
    { us: 40, them: 80 },
  ],
  reservation: 48,
  batnaUs: 35,
  batnaThem: 38,
  markers: [],
  ...change,
})

describe('scales', () => {
  it('puts 0 and 100 on the plot’s edges, value to them upwards', () => {
    expect(xOf(0)).toBe(PLOT.left)
    expect(xOf(100)).toBe(PLOT.right)
    expect(yOf(0)).toBe(PLOT.bottom)
    expect(yOf(100)).toBe(PLOT.top)
  })
  it('keeps values outside 0..100 on the edge', () => {
    expect(xOf(130)).toBe(PLOT.right)
    expect(yOf(-5)).toBe(PLOT.bottom)
  })
  it('is monotone', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 100, noNaN: true }),
        fc.double({ min: 0, max: 100, noNaN: true }),
        (a, b) => {
          if (a < b) {
            expect(xOf(a)).toBeLessThanOrEqual(xOf(b))
            expect(yOf(a)).toBeGreaterThanOrEqual(yOf(b))
          }
        },
      ),
    )
  })
})

describe('the frontier as a staircase', () => {
  it('turns at the dominated corner between each pair of points', () => {
    const path = staircasePath(data().frontier)
    const x = (v: number) => Math.round(xOf(v) * 10) / 10
    const y = (v: number) => Math.round(yOf(v) * 10) / 10
    expect(path).toBe(
      `M${x(90)} ${y(10)} L${x(70)} ${y(10)} L${x(70)} ${y(40)} L${x(40)} ${y(40)} L${x(40)} ${y(80)}`,
    )
  })
  it('draws nothing for an empty frontier', () => {
    expect(staircasePath([])).toBe('')
  })
})

describe('the cloud', () => {
  it('keeps one dot per pixel', () => {
    const path = cloudPath({ us: [10, 10.01, 50], them: [10, 10.01, 50] })
    expect(path.match(/M/g)?.length).toBe(2)
  })
})

describe('reference lines', () => {
  it('draws our lines upright and theirs across, with their values', () => {
    const lines = referenceLines(data())
    expect(lines.map((line) => [line.key, line.x1 === line.x2])).toEqual([
      ['batnaUs', true],
      ['reservation', true],
      ['batnaThem', false],
    ])
    expect(lines[1]?.label).toBe('our reservation 48.0')
  })
  it('leaves out what the plan does not give', () => {
    expect(referenceLines(data({ reservation: null, batnaUs: null, batnaThem: null }))).toEqual([])
  })
  it('labels a line near the right edge on its left', () => {
    expect(referenceLines(data({ reservation: 95 })).find((line) => line.key === 'reservation')?.anchor).toBe(
      'end',
    )
  })
})

describe('marker labels', () => {
  it('pushes apart labels that would overlap, in their original order', () => {
    const placed = placeLabels([
      { key: 'N', x: 300, y: 100 },
      { key: 'KS', x: 302, y: 101 },
      { key: 'J', x: 305, y: 99 },
      { key: 'A', x: 500, y: 100 },
    ])
    expect(placed.map((label) => label.key)).toEqual(['N', 'KS', 'J', 'A'])
    expect(placed.find((label) => label.key === 'A')?.y).toBe(100)
  })
  it('never leaves two nearby labels closer than the gap', () => {
    const anchor = fc.record({ x: fc.integer({ min: 60, max: 600 }), y: fc.integer({ min: 20, max: 380 }) })
    fc.assert(
      fc.property(fc.array(anchor, { maxLength: 8 }), (anchors) => {
        const placed = placeLabels(anchors.map((a, k) => ({ key: String(k), ...a })))
        for (const a of placed)
          for (const b of placed)
            if (a !== b && Math.abs(a.x - b.x) < 40 && a.y > PLOT.top + 10 && b.y > PLOT.top + 10)
              expect(Math.abs(a.y - b.y)).toBeGreaterThanOrEqual(13 - 1e-9)
      }),
    )
  })
})

describe('the table for screen readers', () => {
  it('lists markers, lines and every frontier point of a small frontier', () => {
    const { rows, shown } = plottedRows(
      data({
        markers: [{ key: 'nash', label: 'N', legend: 'Nash', kind: 'bargaining', us: 64.25, them: 58.1 }],
      }),
    )
    expect(shown).toBe(3)
    expect(rows[0]).toEqual({ what: 'Nash', us: '64.3', them: '58.1' })
    expect(rows.map((row) => row.what)).toContain('Their BATNA (estimated)')
    expect(rows.at(-1)).toEqual({ what: 'Frontier point 3 of 3', us: '40.0', them: '80.0' })
  })
  it('samples a large frontier evenly, keeping both ends', () => {
    const frontier = Array.from({ length: 1000 }, (_, k) => ({ us: 100 - k / 10, them: k / 10 }))
    const { rows, shown } = plottedRows(
      data({ frontier, reservation: null, batnaUs: null, batnaThem: null }),
      40,
    )
    expect(shown).toBe(40)
    expect(rows[0]?.what).toBe('Frontier point 1 of 1000')
    expect(rows.at(-1)?.what).toBe('Frontier point 1000 of 1000')
  })
})
