import { compileSpace } from '@parley/core'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { labelBox, type MatrixInput, priorityMatrix, shortLabel } from './priority-matrix'
import { salesPlan } from './test-plans'

function salesInputs(): MatrixInput[] {
  const space = compileSpace(salesPlan())
  return space.issues.map((issue) => ({
    id: issue.id,
    label: issue.name,
    us: space.share.us[issue.index] ?? 0,
    them: space.share.them[issue.index] ?? 0,
    tradeable: issue.tradeable,
  }))
}

function overlap(a: { x: number; y: number; width: number; height: number }, b: typeof a): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height
}

describe('the priorities chart', () => {
  it('places shares on round axes, more to the right and higher as the share grows', () => {
    const layout = priorityMatrix(salesInputs())
    expect(layout.max).toBe(0.4)
    expect(layout.ticks.map((t) => t.label)).toEqual(['0%', '10%', '20%', '30%', '40%'])
    const [price, rollout] = layout.points
    if (!price || !rollout) throw new Error('fixture')
    expect(price.cx).toBeGreaterThan(rollout.cx)
    expect(price.cy).toBeLessThan(rollout.cy)
    expect(layout.ticks[0]?.x).toBe(layout.plot.left)
    expect(layout.ticks[0]?.y).toBe(layout.plot.bottom)
  })

  it('marks the quarter below average for us and above average for them', () => {
    const layout = priorityMatrix(salesInputs())
    expect(layout.split.share).toBeCloseTo(1 / 7, 12)
    expect(layout.points.filter((p) => p.funded).map((p) => p.id)).toEqual(['rollout', 'billing', 'support'])
    for (const point of layout.points.filter((p) => p.funded)) {
      expect(point.cx).toBeLessThan(layout.quadrant.x + layout.quadrant.width)
      expect(point.cy).toBeLessThanOrEqual(layout.quadrant.y + layout.quadrant.height)
    }
  })

  it('keeps every label clear of the others on the sales example', () => {
    const layout = priorityMatrix(salesInputs())
    const boxes = layout.points.map(labelBox)
    boxes.forEach((a, i) => {
      for (const b of boxes.slice(i + 1)) expect(overlap(a, b)).toBe(false)
      expect(a.x).toBeGreaterThanOrEqual(0)
      expect(a.x + a.width).toBeLessThanOrEqual(layout.width)
    })
  })

  it("keeps labels clear of the corner's two-line caption", () => {
    const layout = priorityMatrix(salesInputs())
    const caption = { x: layout.caption.x, y: layout.caption.y - 10, width: 32 * 6.2, height: 26 }
    for (const point of layout.points) expect(overlap(labelBox(point), caption)).toBe(false)
  })

  it('keeps every point inside the plot and labels inside the chart (property)', () => {
    const input = fc.record({
      id: fc.string(),
      label: fc.string({ minLength: 1, maxLength: 40 }),
      us: fc.double({ min: 0, max: 1, noNaN: true }),
      them: fc.double({ min: 0, max: 1, noNaN: true }),
      tradeable: fc.boolean(),
    })
    fc.assert(
      fc.property(fc.array(input, { maxLength: 12 }), (inputs) => {
        const layout = priorityMatrix(inputs)
        for (const point of layout.points) {
          expect(point.cx).toBeGreaterThanOrEqual(layout.plot.left)
          expect(point.cx).toBeLessThanOrEqual(layout.plot.right)
          expect(point.cy).toBeGreaterThanOrEqual(layout.plot.top)
          expect(point.cy).toBeLessThanOrEqual(layout.plot.bottom)
          const box = labelBox(point)
          expect(box.x).toBeGreaterThanOrEqual(-1e-9)
          expect(box.x + box.width).toBeLessThanOrEqual(layout.width + 1e-9)
        }
      }),
    )
  })

  it('shortens long labels', () => {
    expect(shortLabel('Go-live for all claims teams everywhere')).toBe('Go-live for all claims te…')
    expect(shortLabel('Price')).toBe('Price')
  })
})
