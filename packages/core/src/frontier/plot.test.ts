import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { compileSpace } from '../scoring/space'
import { acmePlan } from '../testing/plans'
import {
  bargainingMarkers,
  evenlySpaced,
  mesoMarkers,
  PLOT_TICKS,
  plotReferenceLines,
  plotReferences,
  plotScale,
  staircaseCorners,
} from './plot'
import { frontierReport } from './report'

const area = { left: 70, top: 70, width: 500, height: 510 }
const scale = plotScale(area)

describe('the scales', () => {
  it('puts 0 and 100 on the edges of the plot, value to them upwards', () => {
    expect(scale.x(0)).toBe(70)
    expect(scale.x(100)).toBe(570)
    expect(scale.y(0)).toBe(580)
    expect(scale.y(100)).toBe(70)
  })
  it('keeps values outside 0..100 on the edge', () => {
    expect(scale.x(130)).toBe(570)
    expect(scale.y(-5)).toBe(580)
  })
  it('ticks every 10 points', () => {
    expect(PLOT_TICKS).toEqual([0, 10, 20, 30, 40, 50, 60, 70, 80, 90, 100])
  })
  it('maps points linearly, as the definition of the axes says (property)', () => {
    fc.assert(
      fc.property(fc.double({ min: -50, max: 150, noNaN: true }), (value) => {
        const clamped = Math.min(100, Math.max(0, value))
        expect(scale.x(value)).toBeCloseTo(area.left + (area.width * clamped) / 100, 9)
        expect(scale.y(value)).toBeCloseTo(area.top + area.height * (1 - clamped / 100), 9)
      }),
    )
  })
})

describe('the frontier as a staircase', () => {
  it('turns at the dominated corner between each pair of points', () => {
    expect(
      staircaseCorners([
        { us: 90, them: 10 },
        { us: 70, them: 40 },
        { us: 40, them: 80 },
      ]),
    ).toEqual([
      { us: 90, them: 10 },
      { us: 70, them: 10 },
      { us: 70, them: 40 },
      { us: 40, them: 40 },
      { us: 40, them: 80 },
    ])
    expect(staircaseCorners([])).toEqual([])
  })
  it('passes through every point, and between two of them only through a corner both dominate (property)', () => {
    const frontier = fc
      .uniqueArray(fc.integer({ min: 0, max: 100 }), { minLength: 1, maxLength: 12 })
      .chain((us) =>
        fc
          .uniqueArray(fc.integer({ min: 0, max: 100 }), { minLength: us.length, maxLength: us.length })
          .map((them) => {
            const a = [...us].sort((x, y) => y - x)
            const b = [...them].sort((x, y) => x - y)
            return a.map((u, k) => ({ us: u, them: b[k] ?? 0 }))
          }),
      )
    fc.assert(
      fc.property(frontier, (points) => {
        const corners = staircaseCorners(points)
        expect(corners).toHaveLength(2 * points.length - 1)
        points.forEach((point, k) => {
          expect(corners[2 * k]).toEqual(point)
          const previous = points[k - 1]
          const corner = corners[2 * k - 1]
          if (previous && corner) {
            expect(corner.us).toBeLessThanOrEqual(Math.min(previous.us, point.us))
            expect(corner.them).toBeLessThanOrEqual(Math.min(previous.them, point.them))
          }
        })
      }),
    )
  })
})

describe('what the plan and the report put on the chart', () => {
  const space = compileSpace(acmePlan())
  it('takes the reference values from the plan, null where not given', () => {
    const { batna: _b, reservation: _r, ...bare } = acmePlan()
    expect(plotReferences(bare)).toEqual({ reservation: null, batnaUs: null, batnaThem: null })
    const lines = plotReferenceLines(plotReferences(space.plan))
    expect(lines.map((line) => [line.key, line.axis])).toEqual([
      ['batnaUs', 'us'],
      ['reservation', 'us'],
      ['batnaThem', 'them'],
    ])
    expect(lines.find((line) => line.key === 'reservation')?.value).toBe(space.plan.reservation)
  })
  it('marks the bargaining points that exist, and the bundles of a MESO set', () => {
    const report = frontierReport(space)
    if (!report.ok) throw new Error('no frontier')
    const markers = bargainingMarkers(report.report)
    expect(markers.map((m) => [m.key, m.label, m.legend, m.kind])).toEqual([
      ['nash', 'N', 'Nash', 'bargaining'],
      ['ks', 'KS', 'Kalai–Smorodinsky', 'bargaining'],
      ['joint', 'J', 'Max joint', 'bargaining'],
    ])
    expect(bargainingMarkers({ nash: null, kalaiSmorodinsky: null, maxJoint: null })).toEqual([])
    expect(mesoMarkers([{ label: 'A', name: 'price-optimised', utility: { us: 72, them: 55 } }])).toEqual([
      { key: 'meso-A', label: 'A', legend: 'A: price-optimised', us: 72, them: 55, kind: 'meso' },
    ])
  })
})

describe('which points a list shows', () => {
  it('shows all that fit, otherwise spreads them evenly keeping both ends', () => {
    expect(evenlySpaced(3, 20)).toEqual([0, 1, 2])
    expect(evenlySpaced(0, 20)).toEqual([])
    expect(evenlySpaced(10, 4)).toEqual([0, 3, 6, 9])
  })
  it('picks distinct points in order, each the nearest to its even place (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 5000 }), fc.integer({ min: 2, max: 60 }), (size, most) => {
        const picks = evenlySpaced(size, most)
        expect(picks).toHaveLength(Math.min(size, most))
        for (let k = 1; k < picks.length; k++) expect(picks[k]).toBeGreaterThan(picks[k - 1] ?? -1)
        if (size > 0) expect([picks[0], picks.at(-1)]).toEqual([0, size - 1])
        if (size > most)
          picks.forEach((pick, k) => {
            expect(Math.abs(pick - (k * (size - 1)) / (most - 1))).toBeLessThanOrEqual(0.5)
          })
      }),
    )
  })
})
