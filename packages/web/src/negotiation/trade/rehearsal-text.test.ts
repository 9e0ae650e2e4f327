import {
  formatPoints,
  type Rehearsal,
  type RehearsalMove,
  rehearsalFigures,
  startRehearsal,
  stepRehearsal,
} from '@parley/core'
import { describe, expect, it } from 'vitest'
import { bundleText, moveText, replyText } from './rehearsal-text'
import { salesSpace } from './sales-fixture'
import { termsText } from './terms-text'

const space = salesSpace()
const settings = { posteriorSamples: 300, deadline: 4 }

function play(rehearsal: Rehearsal, move: RehearsalMove): Rehearsal {
  const step = stepRehearsal(rehearsal, move)
  if (!step.ok) throw new Error(step.refusal.message)
  return step.rehearsal
}

describe('a rehearsal in words', () => {
  it('says what we did and what they answered, with our figures and the current estimate of theirs', () => {
    let rehearsal = startRehearsal(space, { seed: 3, settings })
    rehearsal = play(rehearsal, { kind: 'ask' })
    rehearsal = play(rehearsal, { kind: 'meso' })
    const [asked, offered] = rehearsal.exchanges
    if (!asked || !offered) throw new Error('expected two exchanges')
    expect(moveText(space.issues, asked.move)).toBe('You asked what matters most to them.')
    expect(replyText(space.issues, rehearsal, asked)).toMatch(
      /^They say what matters most to them: [A-Z].*\.$/,
    )
    expect(moveText(space.issues, offered.move)).toBe('You offered the MESO set Parley computed.')
    const reply = offered.reply
    if (reply.kind !== 'countered') throw new Error(`expected a counter, not ${reply.kind}`)
    const seen = rehearsalFigures(rehearsal, reply.counter.levels)
    expect(seen.them).toBeUndefined()
    expect(replyText(space.issues, rehearsal, offered)).toContain(
      `— ${formatPoints(seen.us)} to us, ${formatPoints(seen.estimate.them)} to them (est., learned from`,
    )
  })

  it('shows the person playing them their true utility, never our figures', () => {
    let rehearsal = startRehearsal(space, { seed: 3, as: 'them', settings })
    rehearsal = play(rehearsal, { kind: 'priorities', ranking: ['price', 'support'] })
    const bundle = rehearsal.onOffer[0]
    if (!bundle) throw new Error('expected an offer')
    const text = bundleText(space.issues, rehearsal, bundle)
    expect(text).toMatch(/^A: Annual subscription fee .* — worth \d+\.\d to you$/)
    expect(text).toContain(
      `worth ${formatPoints(rehearsalFigures(rehearsal, bundle.levels).them ?? -1)} to you`,
    )
    expect(moveText(space.issues, { kind: 'priorities', ranking: ['price', 'support'] })).toBe(
      'You said what matters most: Annual subscription fee, Support tier.',
    )
  })

  it('says what Parley offered before signing and what the person signed', () => {
    // Accept Parley's first bundle until the talks agree with alternatives to offer.
    const agreeing = (seed: number) => {
      let rehearsal = startRehearsal(space, { seed, as: 'them', settings })
      rehearsal = play(rehearsal, { kind: 'priorities', ranking: [] })
      const label = rehearsal.onOffer.length > 1 ? rehearsal.onOffer[0]?.label : undefined
      return play(rehearsal, label ? { kind: 'accept', label } : { kind: 'accept' })
    }
    const rehearsal = [1, 2, 3, 4, 5, 6, 7, 8].map(agreeing).find((candidate) => candidate.signing)
    if (!rehearsal?.signing) throw new Error('no seed gives alternatives before signing')
    const exchange = rehearsal.exchanges.at(-1)
    if (!exchange) throw new Error('expected an exchange')
    const text = replyText(space.issues, rehearsal, exchange)
    const { agreed, alternatives } = rehearsal.signing
    expect(text).toBe(
      `Agreed: ${termsText(space.issues, agreed.terms)}. Before signing, Parley offers ${alternatives.length === 1 ? 'an alternative' : `${alternatives.length} alternatives`} beside it, each at least as good for us.`,
    )
    expect(moveText(space.issues, { kind: 'sign', alternative: 2 })).toBe('You signed alternative 2 instead.')
    expect(moveText(space.issues, { kind: 'sign' })).toBe('You signed the agreement as it was.')
  })
})
