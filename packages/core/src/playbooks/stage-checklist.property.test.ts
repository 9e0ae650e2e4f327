/**
 * The checklist over random plans and random journals: every stage lists the same asks whatever has
 * happened (only their states move), the plan's stages are judged from the plan alone, the ask
 * against gifts agrees with the concession log's flags, the debrief's count adds up, and no ask
 * carries a figure or an engine word.
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { concessionLog } from '../journal/concessions'
import { replay, STAGES } from '../journal/replay'
import { compileSpace } from '../scoring/space'
import { planArb } from '../testing/arbitraries'
import { journalArb } from '../testing/journals'
import { runs } from '../testing/property-runs'
import { stageChecklist } from './stage-checklist'

const negotiationArb = planArb({ maxIssues: 4, maxLevels: 4, constraints: true }).chain((plan) =>
  journalArb(plan).map((events) => ({ plan, events })),
)

/** Words of the engine a salesperson does not use, and figures, which the checklist never quotes. */
const ENGINE_WORDS = /U_us|U_them|Nash|Pareto|utility|posterior|\bbits?\b|\bids?\b|\d/

describe('stageChecklist over random negotiations', () => {
  it('keeps each stage its asks, judges the plan stages from the plan alone, and agrees with the concession log', () => {
    fc.assert(
      fc.property(negotiationArb, ({ plan, events }) => {
        const space = compileSpace(plan)
        const state = replay(space, events)
        const before = replay(space, [])
        for (const stage of STAGES) {
          const items = stageChecklist(space, state, stage)
          const fresh = stageChecklist(space, before, stage)
          expect(items.map((item) => item.id)).toEqual(fresh.map((item) => item.id))
          for (const item of items) expect(item.text).not.toMatch(ENGINE_WORDS)
          if (stage === 'prepare' || stage === 'setup') expect(items).toEqual(fresh)
        }
        const gifts = concessionLog(space, state.concessions, space.share.them).filter((line) =>
          line.flags.includes('gift'),
        )
        const noGifts = stageChecklist(space, state, 'midgame').find((item) => item.id === 'no-gifts')
        expect(noGifts?.done).toBe(gifts.length === 0)
        const all = stageChecklist(space, state, 'debrief').find((item) => item.id === 'all-answered')
        expect(all?.progress?.done).toBeLessThanOrEqual(all?.progress?.of ?? 0)
        expect(all?.done).toBe(all?.progress?.done === all?.progress?.of)
      }),
      { numRuns: runs(300) },
    )
  })
})
