import { compileSpace, validatePlanValue } from '@parley/core'
import { describe, expect, it } from 'vitest'
import { anchorIssues, anchorPicture, newAnchor, withAnchorIssue } from './anchor-edits'
import { salesPlan } from './test-plans'

const space = compileSpace(salesPlan())
const price = space.byId.get('price')
const rollout = space.byId.get('rollout')

describe('anchor edits', () => {
  it('offers only numeric issues', () => {
    expect(anchorIssues(space.issues).map((issue) => issue.id)).toEqual([
      'price',
      'rollout',
      'credits',
      'term',
      'uplift',
    ])
  })

  it('starts on the money issue over its whole span, and core reads it', () => {
    const anchor = newAnchor(space.issues, 'price')
    expect(anchor).toEqual({ issue: 'price', low: 180000, high: 260000 })
    expect(newAnchor(space.issues)).toEqual(anchor)
    expect(newAnchor(space.issues, 'rollout')).toEqual({ issue: 'rollout', low: 30, high: 90 })
    expect(newAnchor(space.issues.filter((issue) => !issue.numeric))).toBeUndefined()
    expect(validatePlanValue({ ...salesPlan(), anchor }).ok).toBe(true)
  })

  it('restarts the span on another issue and keeps the rationale and citations', () => {
    const anchor = salesPlan().anchor
    if (!anchor || !rollout) throw new Error('fixture')
    const moved = withAnchorIssue(anchor, rollout)
    expect(moved).toEqual({ ...anchor, issue: 'rollout', low: 30, high: 90 })
    expect(validatePlanValue({ ...salesPlan(), anchor: moved }).ok).toBe(true)
  })
})

describe('the anchor picture', () => {
  it('puts the anchor, the levels and the cited ranges on one scale that holds them all', () => {
    if (!price) throw new Error('fixture')
    const picture = anchorPicture(price, { low: 240000, high: 255000 }, [
      { key: 'e0', label: 'Evidence 1', range: [210000, 270000] },
      { key: 'e2', label: 'Evidence 3', range: [38000, 52000] },
    ])
    expect(picture.min).toBe(38000)
    expect(picture.max).toBe(270000)
    expect(picture.anchor?.from).toBeCloseTo((240000 - 38000) / 232000)
    expect(picture.anchor?.to).toBeCloseTo((255000 - 38000) / 232000)
    expect(picture.evidence.map((band) => [band.key, band.low, band.high])).toEqual([
      ['e0', 210000, 270000],
      ['e2', 38000, 52000],
    ])
    expect(picture.levels).toHaveLength(9)
    expect(picture.better).toBe('high')
  })

  it('leaves out what is not a number yet, and marks the end we prefer', () => {
    if (!rollout) throw new Error('fixture')
    const picture = anchorPicture(rollout, { low: undefined, high: 60 }, [
      { key: 'e0', label: 'Evidence 1', range: [45, undefined] },
    ])
    expect(picture.anchor).toBeUndefined()
    expect(picture.evidence).toEqual([])
    expect([picture.min, picture.max]).toEqual([30, 90])
    expect(picture.levels[0]).toEqual({ level: 30, at: 0 })
    expect(picture.better).toBe('high')
    const credits = space.byId.get('credits')
    if (!credits) throw new Error('fixture')
    expect(anchorPicture(credits, { low: 5, high: 10 }, []).better).toBe('low')
  })
})
