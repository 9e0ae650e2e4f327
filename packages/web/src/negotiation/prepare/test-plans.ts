/**
 * Plans for the tests of this folder: the sales example (examples/sales-saas-renewal.yaml), trimmed
 * of prose. Its issues and numbers are read from the example rather than copied, so these tests run
 * on the plan a first-time user opens and can not drift from it; the words are the shorter ones
 * these tests were written with.
 */
import { type Plan, parsePlanText } from '@parley/core'
import salesYaml from '../../../../../examples/sales-saas-renewal.yaml?raw'

function salesExample(): Plan {
  const parsed = parsePlanText(salesYaml, { format: 'yaml', file: 'sales-saas-renewal.yaml' })
  if (!parsed.ok) throw new Error('the sales example no longer parses')
  return parsed.plan
}

/** The evidence claims, in the example's order, as these tests name them. */
const SHORT_CLAIMS = [
  'Benchmark price at 400 to 500 seats',
  'Competing quote they hold',
  'Our cost to deliver in 45 days',
]

export function salesPlan(): Plan {
  const {
    parties,
    decisionRule,
    issues,
    batna,
    numeraire,
    reservation,
    limits,
    aspiration,
    evidence,
    anchor,
  } = salesExample()
  if (!batna?.us || !batna.them || !evidence || !anchor)
    throw new Error('the sales example no longer has both BATNAs, its evidence and its anchor')
  return {
    parley: 1,
    title: 'Calder Mutual claims platform renewal',
    context: 'sales',
    parties: {
      us: { name: parties.us.name },
      them: {
        name: parties.them.name,
        stakeholders: [{ name: 'Dana Okafor', role: 'CFO', decides: true, riskPosture: 'averse' }],
      },
    },
    decisionRule: { ...decisionRule, statement: 'All claims teams live within 60 days of signature.' },
    issues: issues.map(({ notes: _notes, description: _description, ...issue }) => issue),
    batna: {
      us: {
        description: 'Let the current 300-seat contract run to its end in March.',
        utility: batna.us.utility,
      },
      them: { description: "Vantora's quote at about 195,000 USD a year.", utility: batna.them.utility },
    },
    numeraire,
    reservation,
    limits,
    aspiration,
    evidence: evidence.map(({ claim, range, unit }, k) => ({ claim: SHORT_CLAIMS[k] ?? claim, range, unit })),
    anchor: { ...anchor, rationale: 'Benchmarks run 210 to 270.' },
  }
}
