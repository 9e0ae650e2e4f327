import { describe, expect, it } from 'vitest'
import { currentEstimate } from '../inference/estimate'
import { negotiation } from '../journal/status'
import { event } from '../testing/events'
import { renewalSpace } from '../testing/renewal'
import { FAR_SHIFT, THIN_EVIDENCE_MOVES, thinEvidence } from './thin-evidence'

const space = renewalSpace()
/** They say two small issues of our estimate matter three times as much as price: shares move far. */
const surprise = () =>
  event('interest-stated', {
    text: 'the uplift cap and credits matter far more than the fee',
    relative: [
      { issue: 'uplift', over: 'price', factor: 3 },
      { issue: 'credits', over: 'price', factor: 3 },
    ],
  })

function warningsAfter(moves: number) {
  const events = Array.from({ length: moves }, surprise)
  const learned = negotiation(space, events)
  const estimate = currentEstimate(space, learned.state, learned.posterior)
  return {
    estimate,
    posterior: learned.posterior,
    warnings: thinEvidence(space, estimate, learned.posterior),
  }
}

describe('an estimate that moved far on little evidence', () => {
  it('says nothing before any move: the estimate is the plan’s', () => {
    expect(warningsAfter(0).warnings).toEqual([])
  })

  it('warns for exactly the issues whose share moved far after one move, with the interval', () => {
    const { estimate, posterior, warnings } = warningsAfter(1)
    expect(warnings.length).toBeGreaterThan(0)
    for (const issue of space.issues) {
      const before = space.share.them[issue.index] ?? 0
      const after = estimate.shares[issue.index] ?? 0
      const shift = Math.abs(after - before)
      const far =
        shift >= FAR_SHIFT.absolute ||
        (shift >= FAR_SHIFT.relativeFloor && shift >= FAR_SHIFT.relative * before)
      const warning = warnings.find((w) => w.issue === issue.id)
      expect(warning !== undefined, issue.id).toBe(far)
      if (!warning) continue
      expect(warning.before).toBe(before)
      expect(warning.after).toBe(after)
      expect(warning.moves).toBe(1)
      expect(warning.interval).toEqual([posterior.issues[issue.id]?.low, posterior.issues[issue.id]?.high])
      expect(warning.message).toContain(issue.name.toLowerCase().slice(0, 8))
      expect(warning.message).toContain('only one of their moves')
      expect(warning.message).not.toMatch(/bits|U_them|posterior/)
    }
  })

  it(`stops once ${THIN_EVIDENCE_MOVES} moves are behind the estimate`, () => {
    expect(warningsAfter(THIN_EVIDENCE_MOVES - 1).estimate.moves).toBe(THIN_EVIDENCE_MOVES - 1)
    expect(warningsAfter(THIN_EVIDENCE_MOVES).warnings).toEqual([])
  })
})
