import { describe, expect, it } from 'vitest'
import { replay } from '../journal/replay'
import { compileSpace } from '../scoring/space'
import { event } from '../testing/events'
import { acmePlan } from '../testing/plans'
import { counterpartyView } from './counterparty-view'

const space = compileSpace(acmePlan())
const A = { price: 130000, rollout: 45, support: 'premium' }
const B = { price: 110000, rollout: 60, support: 'enterprise' }
const offered = event('offer-sent', {
  bundles: [
    { label: 'A', terms: A },
    { label: 'B', terms: B },
  ],
})
const view = (...events: ReturnType<typeof event>[]) => counterpartyView(space, replay(space, events))

describe('the bundle on the table, in the counterparty view', () => {
  it('is absent before anything is on the table, and a set offered is not yet one', () => {
    expect(view().table).toBeNull()
    expect(view(offered).table).toBeNull()
  })

  it('is the bundle they ranked first, with its label', () => {
    expect(view(offered, event('bundles-ranked', { order: ['B', 'A'] })).table).toEqual({
      label: 'B',
      terms: B,
    })
  })

  it('loses its label once a concession or an accepted exchange has changed it', () => {
    const chose = event('bundle-chosen', { label: 'A' })
    const moved = view(
      offered,
      chose,
      event('concession', { give: { support: 'enterprise' }, get: { price: 135000 } }),
    )
    expect(moved.table).toEqual({ label: null, terms: { price: 135000, rollout: 45, support: 'enterprise' } })
    const exchanged = view(
      offered,
      chose,
      event('contingency-proposed', {
        contingency: {
          id: 'uptime',
          metric: 'monthly uptime',
          op: '<',
          threshold: 99.9,
          consequence: { issue: 'price', level: 120000 },
          beliefs: { us: 0.1, them: 0.4 },
        },
        exchange: { rollout: 30 },
      }),
      event('contingency-accepted', { target: 'uptime' }),
    )
    expect(exchanged.table).toEqual({ label: null, terms: { ...A, rollout: 30 } })
    expect(exchanged.contingencies.map((contingency) => contingency.accepted)).toEqual([true])
  })

  it('words a contingency with the issue name and the level as the plan writes them, and no belief', () => {
    const proposed = view(
      offered,
      event('bundle-chosen', { label: 'A' }),
      event('contingency-proposed', {
        contingency: {
          metric: 'monthly uptime',
          op: '>=',
          threshold: 99.9,
          within: 'the first quarter',
          consequence: { issue: 'price', level: 135000 },
          beliefs: { us: 0.37, them: 0.61 },
        },
      }),
    )
    expect(proposed.contingencies[0]?.wording).toBe(
      'if monthly uptime is at least 99.9 within the first quarter, then annual price moves to 135,000 USD/year',
    )
    expect(proposed.contingencies[0]?.accepted).toBe(false)
    expect(JSON.stringify(proposed)).not.toMatch(/0\.37|0\.61|beliefs/)
  })
})
