/**
 * The one walk every parsed input gets before any schema: its limits let every valid plan through
 * (the densest the plan limits allow) and stop hostile shapes early, and its text rule names where
 * a U+0000 or a lone surrogate sits.
 */
import { LIMITS, validatePlanValue } from '@parley/core'
import { describe, expect, it } from 'vitest'
import { shapeLimits } from './http/body'
import { inspectInput, textFault } from './input-limits'
import { DEFAULT_OPTIONS } from './options'

const limits = shapeLimits(DEFAULT_OPTIONS)

function plan(issues: unknown[]) {
  return {
    parley: 1,
    title: 'Dense',
    context: 'custom',
    parties: { us: { name: 'Us' }, them: { name: 'Them' } },
    issues,
  }
}

/** The most issues, each with the most options and a score for every option on both sides. */
function densestOptionsPlan() {
  const levels = Array.from({ length: LIMITS.levelsPerIssue }, (_, k) => `o${k}`)
  const scores = Object.fromEntries(levels.map((level, k) => [level, k % 101]))
  return plan(
    Array.from({ length: LIMITS.issues }, (_, i) => ({
      id: `i${i}`,
      name: `Issue ${i}`,
      unit: 'choice',
      options: levels,
      us: { weight: 1, scores },
      them: { weight: 1, scores },
    })),
  )
}

/** The most issues, each a range of the most levels scored through the most points on both sides. */
function densestPointsPlan() {
  const points = Array.from({ length: LIMITS.levelsPerIssue }, (_, k) => [k, k % 101])
  return plan(
    Array.from({ length: LIMITS.issues }, (_, i) => ({
      id: `i${i}`,
      name: `Issue ${i}`,
      unit: 'units',
      range: { min: 0, max: LIMITS.levelsPerIssue - 1, step: 1 },
      us: { weight: 1, points },
      them: { weight: 1, points },
    })),
  )
}

describe('the default limits', () => {
  it('let the densest valid plans through', () => {
    for (const dense of [densestOptionsPlan(), densestPointsPlan()]) {
      expect(validatePlanValue(dense).ok).toBe(true)
      expect(inspectInput(dense, limits)).toBeUndefined()
    }
  })

  it('allow as many values as the smallest JSON of the largest plan holds, and nest far deeper than a plan', () => {
    // `[0,0,...]`: two bytes a value, the densest JSON there is.
    expect(DEFAULT_OPTIONS.maxJsonValues * 2).toBeGreaterThanOrEqual(LIMITS.planBytes)
    expect(DEFAULT_OPTIONS.maxJsonValues * 2).toBeGreaterThanOrEqual(DEFAULT_OPTIONS.bodyLimit)
    expect(DEFAULT_OPTIONS.maxJsonFields).toBe(LIMITS.levelsPerIssue)
    expect(DEFAULT_OPTIONS.maxJsonDepth).toBeLessThanOrEqual(LIMITS.nesting)
    const densest = Array.from({ length: DEFAULT_OPTIONS.bodyLimit / 2 - 1 }, () => 0)
    expect(JSON.stringify(densest).length).toBeLessThanOrEqual(DEFAULT_OPTIONS.bodyLimit)
    expect(inspectInput(densest, limits)).toBeUndefined()
  })
})

describe('inspectInput', () => {
  it('refuses an object with too many fields, naming it, without looking further', () => {
    const many = Object.fromEntries(Array.from({ length: 50_000 }, (_, k) => [`k${k}`, 'x']))
    const started = performance.now()
    expect(inspectInput({ issues: [{ us: { scores: many } }] }, limits)).toEqual({
      code: 'too_many_fields',
      path: 'issues[0].us.scores',
      at: ['issues', 0, 'us', 'scores'],
      message: 'has 50000 fields; one object may have at most 1000',
    })
    expect(performance.now() - started).toBeLessThan(200)
  })

  it('refuses too many values in all, and nesting past the limit, naming where', () => {
    expect(
      inspectInput(
        [
          [1, 2],
          [3, 4],
        ],
        { ...limits, maxValues: 6 },
      ),
    ).toMatchObject({
      code: 'too_many_values',
      message: 'holds more than 6 values (texts, numbers, lists and objects in all), the most accepted',
    })
    expect(inspectInput([[1, 2], [3]], { ...limits, maxValues: 6 })).toBeUndefined()
    let deep: unknown = 1
    for (let k = 0; k < 100_000; k++) deep = { a: [deep] }
    expect(inspectInput(deep, limits)).toMatchObject({
      code: 'too_deep',
      path: `a[0]${'.a[0]'.repeat(31)}`,
      message: 'nests more than 64 levels deep, the most accepted',
    })
  })

  it('names a U+0000 or a lone surrogate in a text or a field name, and lets paired surrogates be', () => {
    expect(inspectInput({ issues: [{ name: 'Price\u0000' }] })).toEqual({
      code: 'invalid_text',
      path: 'issues[0].name',
      at: ['issues', 0, 'name'],
      message: 'contains U+0000 (a NUL character), which text may not hold at character 6',
    })
    expect(inspectInput({ notes: ['ok', 'bad \udc00'] })).toMatchObject({
      path: 'notes[1]',
      message: 'contains a lone surrogate (U+DC00); send well-formed Unicode at character 5',
    })
    expect(inspectInput({ terms: { 'a\ud83d': 1 } })).toMatchObject({
      path: 'terms',
      message: 'a field name contains a lone surrogate (U+D83D); send well-formed Unicode at character 2',
    })
    expect(inspectInput({ name: 'Ünïcode 😀 ✓', list: ['\ud83d\ude00'] })).toBeUndefined()
  })
})

describe('textFault', () => {
  it('finds the first fault and where it is', () => {
    expect(textFault('plain')).toBeUndefined()
    expect(textFault('😀😀')).toBeUndefined()
    expect(textFault('ab\u0000')).toMatchObject({ index: 2 })
    expect(textFault('\ud800')).toMatchObject({ index: 0, problem: expect.stringContaining('U+D800') })
    // A low surrogate first, then a high one at the end: both lone.
    expect(textFault('x\udc00\ud800')).toMatchObject({ index: 1 })
    expect(textFault('😀\ud800')).toMatchObject({ index: 2 })
  })
})
