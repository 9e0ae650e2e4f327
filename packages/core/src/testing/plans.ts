/** Plans for tests: the format's reference example, and a builder for small variations. */
import { stringify } from 'yaml'
import type { Plan } from '../model/plan'

/** The reference plan of the format's specification (Acme renewal 2027). */
export function acmePlan(): Plan {
  return {
    parley: 1,
    title: 'Acme renewal 2027',
    context: 'sales',
    parties: {
      us: { name: 'Vendor Co' },
      them: {
        name: 'Acme Corp',
        stakeholders: [
          {
            name: 'Dana Lee',
            role: 'CFO',
            decides: true,
            interests: ['budget predictability'],
            riskPosture: 'averse',
            faceSaving: 'needs a board-ready story',
          },
        ],
        approvalPath: 'CFO, then procurement',
        budgetCycle: 'FY starts in April',
        politics: 'IT wants speed, finance wants predictability',
      },
    },
    decisionRule: {
      statement: 'Time to value under 60 days',
      require: [{ issue: 'rollout', op: '<=', value: 60 }],
    },
    issues: [
      {
        id: 'price',
        name: 'Annual price',
        unit: 'USD/year',
        range: { min: 90000, max: 140000, step: 5000 },
        us: { weight: 40, prefer: 'high' },
        them: { weight: 35, prefer: 'low' },
      },
      {
        id: 'rollout',
        name: 'Rollout to all sites',
        unit: 'days',
        range: { min: 30, max: 120, step: 15 },
        us: { weight: 10, prefer: 'high' },
        them: { weight: 25, prefer: 'low' },
      },
      {
        id: 'support',
        name: 'Support tier',
        unit: 'tier',
        options: ['standard', 'premium', 'enterprise'],
        us: { weight: 10, scores: { standard: 100, premium: 60, enterprise: 0 } },
        them: { weight: 20, scores: { standard: 0, premium: 70, enterprise: 100 } },
        tradeable: true,
      },
    ],
    batna: {
      us: { description: 'Sell the capacity to the waitlist', utility: 40 },
      them: { description: 'Competitor X at 110k', utility: 35 },
    },
    reservation: 55,
    limits: [{ issue: 'price', op: '>=', value: 100000 }],
    aspiration: 85,
    evidence: [
      {
        claim: 'Market price for 500 seats',
        range: [95000, 125000],
        source: 'analyst report',
        date: '2026-09',
      },
    ],
    anchor: {
      issue: 'price',
      low: 120000,
      high: 135000,
      rationale: 'two lines we can say out loud',
      evidence: [0],
    },
  }
}

/** A plan as YAML text, for tests that read text. */
export function yamlOf(plan: unknown): string {
  return stringify(plan)
}
