import { describe, expect, it } from 'vitest'
import { meso } from '../meso/meso'
import type { Plan } from '../model/plan'
import { compileSpace } from '../scoring/space'
import { HIRING_OFFER, hiringSpace } from '../testing/hiring'
import { renewalSpace } from '../testing/renewal'
import { RENEWAL_B } from '../testing/renewal-bundles'
import { beyondOurRange } from './beyond-our-range'

const renewal = renewalSpace()

/** The renewal plan (anchor 240,000–255,000 on price) with changes. */
function variant(change: (plan: Plan) => Plan) {
  return compileSpace(change(JSON.parse(JSON.stringify(renewal.plan)) as Plan))
}

const at = (price: number) => [{ label: 'A', terms: { ...RENEWAL_B, price } }]

describe('levels beyond our anchor', () => {
  it('warns about a price above our own anchor, in words, with the anchor', () => {
    const [warning, ...rest] = beyondOurRange(renewal, at(260000))
    expect(rest).toEqual([])
    expect(warning).toMatchObject({
      code: 'beyond_anchor',
      severity: 'warning',
      bundle: 'A',
      issue: 'price',
      level: 260000,
      anchor: { low: 240000, high: 255000 },
    })
    expect(warning?.message).toBe(
      'Bundle A asks for annual subscription fee 260,000 USD/year, above our own anchor (240,000–255,000 USD/year): our rationale does not cover it, so expect to be asked why.',
    )
  })

  it('says nothing at the anchor, inside it, or below it (a concession, not an overreach)', () => {
    for (const price of [240000, 250000, 200000]) expect(beyondOurRange(renewal, at(price))).toEqual([])
  })

  it('reads "beyond" the way we score: below the low end when we prefer a low level', () => {
    const buyer = variant((plan) => ({
      ...plan,
      issues: plan.issues.map((issue) =>
        issue.id === 'price' ? { ...issue, us: { weight: 35, prefer: 'low' as const } } : issue,
      ),
      limits: [],
    }))
    expect(beyondOurRange(buyer, at(260000))).toEqual([])
    expect(beyondOurRange(buyer, at(230000)).map((w) => w.code)).toEqual(['beyond_anchor'])
    expect(beyondOurRange(buyer, at(230000))[0]?.message).toContain('below our own anchor')
  })

  it('says nothing without an anchor', () => {
    const { anchor: _, ...plan } = renewal.plan
    expect(beyondOurRange(compileSpace(plan), at(260000))).toEqual([])
  })
})

describe('levels beyond the evidence pack', () => {
  // The pack's figures in USD/year span 185,000–240,000 here; the one-off cost is another unit.
  const space = variant((plan) => ({
    ...plan,
    anchor: undefined,
    evidence: plan.evidence?.map((item, k) => (k === 0 ? { ...item, range: [210000, 240000] } : item)),
  }))

  it('warns about a price above every figure in our evidence for that issue, naming the claims', () => {
    const warnings = beyondOurRange(space, at(250000))
    expect(warnings.map((w) => w.code)).toEqual(['beyond_evidence'])
    expect(warnings[0]).toMatchObject({
      issue: 'price',
      level: 250000,
      range: [185000, 240000],
      evidence: [0, 1],
    })
    expect(warnings[0]?.message).toContain('above every figure in our evidence (185,000–240,000 USD/year')
    expect(warnings[0]?.message).toContain('benchmark price for claims workflow platforms')
  })

  it('says nothing within the evidence, or with no evidence in the issue’s unit', () => {
    expect(beyondOurRange(space, at(240000))).toEqual([])
    const other = variant((plan) => ({
      ...plan,
      anchor: undefined,
      evidence: plan.evidence?.map((item) => ({ ...item, unit: 'USD one-off' })),
    }))
    expect(beyondOurRange(other, at(260000))).toEqual([])
  })
})

describe('levels beyond the evidence on a plateau of our scores', () => {
  it('warns only of a level worth more to us than the range end it lies past', () => {
    // The hiring example: a Staff title review is worth as much to us at 12 months as at 18, and its
    // evidence (12–24 months to Staff at peers) names the issue. A 6-month review is a concession.
    const hiring = hiringSpace()
    const bundle = (title_review: number) => [{ label: 'B', terms: { ...HIRING_OFFER, title_review } }]
    const onTitle = (title_review: number) =>
      beyondOurRange(hiring, bundle(title_review)).filter(
        (w) => w.code === 'beyond_evidence' && w.issue === 'title_review',
      )
    expect(onTitle(6)).toEqual([])
    expect(onTitle(18)).toEqual([])
  })
})

describe('levels beyond an approver’s limit', () => {
  const space = variant((plan) => ({
    ...plan,
    anchor: undefined,
    parties: {
      ...plan.parties,
      them: {
        ...plan.parties.them,
        approvalLimits: [{ approver: 'CFO', issue: 'price', op: '<=' as const, value: 240000 }],
      },
    },
  }))

  it('warns with the approver and the limit in words, as MESO’s likelyBlocked does', () => {
    const warnings = beyondOurRange(space, at(250000))
    expect(warnings).toEqual([
      {
        code: 'beyond_approval',
        severity: 'warning',
        bundle: 'A',
        issue: 'price',
        approver: 'CFO',
        limit: 0,
        message:
          'Bundle A asks for annual subscription fee 250,000 USD/year, but their CFO signs only annual subscription fee at most 240,000 USD/year: it is likely to be blocked on their side.',
      },
    ])
    const set = meso(space)
    if (!set.ok) throw new Error(set.failure.message)
    const bundles = set.set.bundles.map(({ label, terms }) => ({ label, terms }))
    const blocked = set.set.bundles.filter((bundle) => bundle.likelyBlocked.length > 0).map((b) => b.label)
    expect(
      beyondOurRange(space, bundles)
        .filter((w) => w.code === 'beyond_approval')
        .map((w) => w.bundle),
    ).toEqual(blocked)
  })

  it('says nothing at the limit', () => {
    expect(beyondOurRange(space, at(240000))).toEqual([])
  })
})
