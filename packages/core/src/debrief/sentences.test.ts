import { describe, expect, it } from 'vitest'
import { formatShare as percent, formatPoints as pts, formatSigned as signed } from '../scoring/figures'
import type { DebriefFigures } from './figures'
import { debriefSentences } from './sentences'

// Moved from the web app's debrief (packages/web/src/negotiation/close/debrief.test.ts): the
// sentences are core's now, and both `parley debrief` and the web app print them.
const figures: DebriefFigures = {
  agreed: true,
  agreement: { us: 61.25, them: 58.04 },
  distanceToFrontier: 0.02,
  nashShare: 0.9349,
  surplus: -2.25,
  reciprocity: { concessions: 3, reciprocated: 2, ratio: 2 / 3, valueRatio: 0.004 },
  rounds: 4,
  estimateShift: 0.2468,
  estimate: 'est., learned from 4 moves',
  misjudged: [
    { issue: 'rollout', estimate: 0.25, learned: 0.4 },
    { issue: 'price', estimate: 0.35, learned: 0.3 },
  ],
}

describe('the debrief figures', () => {
  it('reads line for line as parley debrief prints them', () => {
    expect(debriefSentences(figures)).toEqual({
      lines: [
        'Agreement: U_us 61.3, U_them 58.0 (est., learned from 4 moves)',
        'Distance to the Pareto frontier: 0.0 points for both sides (on the frontier)',
        'Share of the Nash product reached: 93%',
        'Our surplus over the reservation: -2.3 points',
        'Concessions reciprocated: 2 of 3 (we got back 0.4% of what we gave, in our points)',
        'Rounds taken: 4',
        'How well we had guessed them: their moves shifted 12.3% of the weight of their priorities from where we had put it (L1 0.25)',
      ],
      misjudged: [
        { issue: 'rollout', text: 'rollout: estimated 25%, learned 40%' },
        { issue: 'price', text: 'price: estimated 35%, learned 30%' },
      ],
    })
  })

  it('reads in plain words for the web app by default: no U_us, Nash, L1 or issue id', () => {
    const plain = debriefSentences(figures, {
      plain: { issueNames: { rollout: 'Rollout', price: 'Annual price' }, estimateMoves: 4 },
    })
    expect(plain).toEqual({
      lines: [
        'The agreement: worth 61 of 100 to us, worth 58 of 100 to them (our estimate after 4 moves)',
        'It is one of the best possible deals: nothing left on the table',
        'It reached 93% of the best joint deal',
        'Short of our walk-away point: 2.3 points',
        'Concessions reciprocated: 2 of 3 (we got back 0.4% of what we gave, in our points)',
        'Rounds taken: 4',
        'How well we had guessed them: their moves shifted 12.3% of the weight of their priorities from where we had put it',
      ],
      misjudged: [
        { issue: 'rollout', text: 'Rollout: estimated 25%, learned 40%' },
        { issue: 'price', text: 'Annual price: estimated 35%, learned 30%' },
      ],
    })
    const off = debriefSentences(
      { ...figures, distanceToFrontier: 3.21 },
      {
        plain: { issueNames: {}, estimateMoves: 4 },
      },
    )
    expect(off.lines[1]).toBe('Distance to the best possible deals: 3.2 points for both sides')
    expect(off.misjudged[0]?.text).toBe('rollout: estimated 25%, learned 40%')
  })

  it('says what is missing before an agreement', () => {
    const lines = debriefSentences({
      ...figures,
      agreed: false,
      agreement: null,
      distanceToFrontier: null,
      nashShare: null,
      surplus: null,
      reciprocity: { concessions: 0, reciprocated: 0, ratio: null, valueRatio: null },
    }).lines
    expect(lines[0]).toBe('No agreement recorded yet: efficiency and surplus need an agreed event.')
    expect(lines[1]).toBe('Concessions reciprocated: 0 of 0')
  })

  it('formats as the command line does', () => {
    expect(pts(3.04)).toBe('3.0')
    expect(signed(0)).toBe('+0.0')
    expect(signed(-3)).toBe('-3.0')
    expect(percent(0.384)).toBe('38%')
    expect(percent(0)).toBe('0%')
    expect(percent(0.0042)).toBe('0.4%')
  })
})
