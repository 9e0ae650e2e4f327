/** Plans for the tests of this folder: the sales example (examples/sales-saas-renewal.yaml), trimmed of prose. */
import type { Plan } from '@parley/core'

export function salesPlan(): Plan {
  return {
    parley: 1,
    title: 'Calder Mutual claims platform renewal',
    context: 'sales',
    parties: {
      us: { name: 'Brightline Systems' },
      them: {
        name: 'Calder Mutual Insurance',
        stakeholders: [{ name: 'Dana Okafor', role: 'CFO', decides: true, riskPosture: 'averse' }],
      },
    },
    decisionRule: {
      statement: 'All claims teams live within 60 days of signature.',
      require: [{ issue: 'rollout', op: '<=', value: 60 }],
    },
    issues: [
      {
        id: 'price',
        name: 'Annual subscription fee',
        unit: 'USD/year',
        range: { min: 180000, max: 260000, step: 10000 },
        us: { weight: 35, prefer: 'high' },
        them: { weight: 25, prefer: 'low' },
      },
      {
        id: 'rollout',
        name: 'Go-live for all claims teams',
        unit: 'days after signature',
        range: { min: 30, max: 90, step: 15 },
        us: {
          weight: 8,
          points: [
            [30, 0],
            [45, 60],
            [60, 90],
            [90, 100],
          ],
        },
        them: { weight: 20, prefer: 'low' },
      },
      {
        id: 'billing',
        name: 'Billing schedule',
        unit: 'schedule',
        options: ['annual-upfront', 'quarterly', 'milestone'],
        us: { weight: 10, scores: { 'annual-upfront': 100, quarterly: 70, milestone: 45 } },
        them: { weight: 15, scores: { 'annual-upfront': 20, quarterly: 60, milestone: 100 } },
      },
      {
        id: 'support',
        name: 'Support tier',
        unit: 'tier',
        options: ['standard', 'premium', 'enterprise'],
        us: { weight: 6, scores: { standard: 100, premium: 85, enterprise: 35 } },
        them: { weight: 15, scores: { standard: 0, premium: 70, enterprise: 100 } },
        tradeable: true,
      },
      {
        id: 'credits',
        name: 'Service credit cap',
        unit: '% of monthly fee',
        options: [5, 10, 15, 20],
        us: { weight: 8, prefer: 'low' },
        them: { weight: 8, prefer: 'high' },
      },
      {
        id: 'term',
        name: 'Contract term',
        unit: 'months',
        options: [12, 24, 36],
        us: { weight: 20, scores: { '12': 0, '24': 70, '36': 100 } },
        them: { weight: 7, scores: { '12': 40, '24': 100, '36': 60 } },
      },
      {
        id: 'uplift',
        name: 'Renewal price cap',
        unit: '% per year',
        options: [0, 3, 5, 7],
        us: { weight: 13, prefer: 'high' },
        them: { weight: 10, prefer: 'low' },
      },
    ],
    batna: {
      us: { description: 'Let the current 300-seat contract run to its end in March.', utility: 35 },
      them: { description: "Vantora's quote at about 195,000 USD a year.", utility: 38 },
    },
    numeraire: 'price',
    reservation: 48,
    limits: [
      { issue: 'price', op: '>=', value: 190000 },
      { issue: 'rollout', op: '>=', value: 45 },
      { issue: 'credits', op: '<=', value: 15 },
    ],
    aspiration: 72,
    evidence: [
      { claim: 'Benchmark price at 400 to 500 seats', range: [210000, 270000], unit: 'USD/year' },
      { claim: 'Competing quote they hold', range: [185000, 205000], unit: 'USD/year' },
      { claim: 'Our cost to deliver in 45 days', range: [38000, 52000], unit: 'USD one-off' },
    ],
    anchor: {
      issue: 'price',
      low: 240000,
      high: 255000,
      rationale: 'Benchmarks run 210 to 270.',
      evidence: [0, 2],
    },
  }
}
