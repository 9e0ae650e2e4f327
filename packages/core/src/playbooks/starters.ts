/**
 * Starter plans for `parley init`: for each context, the issues the method maps for it, with
 * placeholder names and plausible numbers, rendered as commented YAML a first-time user can
 * fill in. Every starter is a valid plan (a test says so), so `parley check` passes from the start.
 */
import { Document, isMap, isSeq, type Node, visit } from 'yaml'
import type { Context, Plan } from '../model/plan'

interface Starter {
  plan: Plan
  /** Comments placed before a top-level field or an issue (key: field name or `issue:<id>`). */
  comments: Record<string, string>
}

const SHARED_COMMENTS: Record<string, string> = {
  parley: 'Parley plan, format 1. Replace every <...>; `parley check FILE` lists what is missing or wrong.',
  parties:
    'The counterparty map (everything under parties.them except the name is private): who decides, who\napproves, their interests, risk posture and what they need to save face.',
  decisionRule:
    'The test every offer must pass, agreed with them early. `require` makes it machine-checkable:\nops are <, <=, =, >=, > and in (a list); a rule may also bound a sum, e.g.\n- { sum: [{ issue: price, times: 1 }, { issue: setup_fee, times: 1 }], op: "<=", value: 150000 }',
  issues:
    'Each issue has a unit and either a range (min, max, step) or options. For each side: a weight\n(normalised, need not sum to 100) and one of prefer: high|low, scores per option (0-100), or\npoints [[x, score], ...]. `them` is always our estimate. tradeable: cheap for us, valuable to them.',
  batna: "Best alternative to a negotiated agreement, in this plan's utility points (0-100). Private.",
  reservation: 'Our walk-away utility (0-100). Private: never shown to them. Keep it at or above our BATNA.',
  limits: 'Our walk-away per issue, in its own unit. Private: nothing Parley proposes breaks them.',
  aspiration: 'The utility we aim for (0-100). Private. MESO bundles target it.',
  evidence: 'Benchmarks, cost drivers and references we can cite: claim, range, source, date.',
  anchor: 'Our opening range on one issue, the two lines that justify it, and the evidence (indexes above).',
  applicability:
    'Private. Can the terms be verified after signing? Is there time for discovery? (parley coach says\nwhen the method does not fit.)',
  culture:
    'Private. Their style (direct or indirect) and power distance (low or high): phrases and the timeline adapt.',
}

const pref = (weight: number, prefer: 'high' | 'low') => ({ weight, prefer })

const STARTERS: Record<Context, Starter> = {
  sales: {
    plan: {
      parley: 1,
      title: '<Customer> subscription 2027',
      context: 'sales',
      parties: {
        us: { name: '<Our company>' },
        them: {
          name: '<Customer>',
          stakeholders: [
            {
              name: '<Economic buyer>',
              role: 'CFO',
              decides: true,
              interests: ['budget predictability'],
              riskPosture: 'averse',
              faceSaving: '<what they must be able to report upward>',
            },
            { name: '<Champion>', role: 'Head of IT', decides: false, interests: ['fast rollout'] },
          ],
          approvalPath: '<who signs, in which order>',
          budgetCycle: '<when their fiscal year starts>',
          politics: '<internal tensions that shape what is acceptable>',
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
          range: { min: 80000, max: 140000, step: 5000 },
          us: pref(40, 'high'),
          them: pref(35, 'low'),
        },
        {
          id: 'term',
          name: 'Contract term',
          unit: 'months',
          options: [12, 24, 36],
          us: pref(15, 'high'),
          them: pref(10, 'low'),
        },
        {
          id: 'payment',
          name: 'Payment terms',
          unit: 'days',
          options: [30, 45, 60, 90],
          us: pref(10, 'low'),
          them: pref(10, 'high'),
        },
        {
          id: 'rollout',
          name: 'Rollout to all sites',
          unit: 'days',
          range: { min: 30, max: 120, step: 15 },
          us: pref(10, 'high'),
          them: pref(25, 'low'),
        },
        {
          id: 'support',
          name: 'Support tier',
          unit: 'tier',
          options: ['standard', 'premium', 'enterprise'],
          us: { weight: 10, scores: { standard: 100, premium: 70, enterprise: 0 } },
          them: { weight: 15, scores: { standard: 0, premium: 70, enterprise: 100 } },
          tradeable: true,
        },
        {
          id: 'sla',
          name: 'Uptime commitment',
          unit: '% per month',
          options: [99.5, 99.9, 99.95],
          us: pref(15, 'low'),
          them: pref(5, 'high'),
        },
      ],
      batna: {
        us: { description: '<what we do without this deal>', utility: 40 },
        them: { description: "<their best alternative, e.g. a competitor's quote>", utility: 35 },
      },
      applicability: { verifiable: true, timeForDiscovery: true },
      culture: { style: 'direct', powerDistance: 'low' },
      reservation: 55,
      limits: [{ issue: 'price', op: '>=', value: 90000 }],
      aspiration: 75,
      evidence: [
        {
          claim: '<benchmark, e.g. market price for a deployment this size>',
          range: [95000, 125000],
          unit: 'USD/year',
          source: '<analyst report>',
          date: '<2026-09>',
        },
      ],
      anchor: {
        issue: 'price',
        low: 120000,
        high: 135000,
        rationale: '<two lines you can say out loud, tied to the evidence>',
        evidence: [0],
      },
    },
    comments: {},
  },
  partnership: {
    plan: {
      parley: 1,
      title: '<Partner> partnership',
      context: 'partnership',
      parties: {
        us: { name: '<Our company>' },
        them: {
          name: '<Partner>',
          stakeholders: [
            { name: '<Sponsor>', role: 'VP Partnerships', decides: true, interests: ['distribution reach'] },
            {
              name: '<Gatekeeper>',
              role: 'General Counsel',
              decides: false,
              interests: ['IP protection'],
              riskPosture: 'averse',
            },
          ],
          approvalPath: '<sponsor, then legal, then the board if exclusive>',
        },
      },
      decisionRule: {
        statement: 'Both sides can measure the pilot within two quarters',
        require: [{ issue: 'pilot', op: '<=', value: 6 }],
      },
      issues: [
        {
          id: 'revenue_share',
          name: 'Revenue share to us',
          unit: '%',
          range: { min: 10, max: 40, step: 5 },
          us: pref(30, 'high'),
          them: pref(30, 'low'),
        },
        {
          id: 'exclusivity',
          name: 'Exclusivity',
          unit: 'scope',
          options: ['none', 'field-of-use', 'full'],
          us: { weight: 15, scores: { none: 100, 'field-of-use': 70, full: 0 } },
          them: { weight: 20, scores: { none: 0, 'field-of-use': 60, full: 100 } },
        },
        {
          id: 'ip',
          name: 'IP in joint work',
          unit: 'ownership',
          options: ['ours', 'licensed', 'joint'],
          us: { weight: 20, scores: { ours: 100, licensed: 70, joint: 20 } },
          them: { weight: 15, scores: { ours: 0, licensed: 60, joint: 100 } },
        },
        {
          id: 'pilot',
          name: 'Pilot length',
          unit: 'months',
          range: { min: 3, max: 12, step: 3 },
          us: pref(10, 'low'),
          them: pref(10, 'high'),
        },
        {
          id: 'governance',
          name: 'Joint steering cadence',
          unit: 'meetings/year',
          options: [2, 4, 12],
          us: pref(5, 'low'),
          them: pref(10, 'high'),
          tradeable: true,
        },
        {
          id: 'co_marketing',
          name: 'Co-marketing',
          unit: 'commitment',
          options: ['none', 'case-study', 'joint-launch'],
          us: { weight: 20, scores: { none: 0, 'case-study': 60, 'joint-launch': 100 } },
          them: { weight: 15, scores: { none: 100, 'case-study': 70, 'joint-launch': 30 } },
        },
      ],
      batna: {
        us: { description: '<build the capability ourselves, or another partner>', utility: 35 },
        them: { description: '<their alternative partner or in-house option>', utility: 40 },
      },
      applicability: { verifiable: true, timeForDiscovery: true },
      culture: { style: 'direct', powerDistance: 'low' },
      reservation: 50,
      limits: [{ issue: 'exclusivity', op: 'in', value: ['none', 'field-of-use'] }],
      evidence: [
        {
          claim: '<revenue shares in comparable partnerships>',
          range: [15, 30],
          unit: '%',
          source: '<source>',
        },
      ],
      anchor: {
        issue: 'revenue_share',
        low: 30,
        high: 35,
        rationale: '<why this share is fair: what each side brings>',
        evidence: [0],
      },
    },
    comments: {},
  },
  procurement: {
    plan: {
      parley: 1,
      title: '<Service> RFP',
      context: 'procurement',
      parties: {
        us: { name: '<Our organisation>' },
        them: {
          name: '<Vendor>',
          stakeholders: [
            {
              name: '<Account executive>',
              role: 'Sales',
              decides: false,
              interests: ['deal size', 'reference customer'],
            },
            {
              name: '<Deal desk>',
              role: 'Pricing',
              decides: true,
              interests: ['margin'],
              riskPosture: 'averse',
            },
          ],
          approvalPath: '<account executive, then their deal desk>',
        },
      },
      decisionRule: {
        statement: 'Award on published weights: price 40, reliability 40, support 20',
        require: [{ issue: 'uptime', op: '>=', value: 99.9 }],
      },
      issues: [
        {
          id: 'price',
          name: 'Annual price',
          unit: 'USD/year',
          range: { min: 400000, max: 600000, step: 25000 },
          us: pref(40, 'low'),
          them: pref(40, 'high'),
        },
        {
          id: 'uptime',
          name: 'Uptime SLA',
          unit: '% per month',
          options: [99.5, 99.9, 99.95, 99.99],
          us: pref(25, 'high'),
          them: pref(20, 'low'),
        },
        {
          id: 'response',
          name: 'Priority-1 response time',
          unit: 'hours',
          options: [1, 4, 8],
          us: pref(15, 'low'),
          them: pref(10, 'high'),
        },
        {
          id: 'holdback',
          name: 'Performance holdback',
          unit: '% of fees',
          range: { min: 0, max: 10, step: 2.5 },
          us: pref(10, 'high'),
          them: pref(15, 'low'),
        },
        {
          id: 'off_ramp',
          name: 'Termination for convenience',
          unit: 'months notice',
          options: [3, 6, 12],
          us: pref(10, 'low'),
          them: pref(15, 'high'),
          tradeable: true,
        },
      ],
      batna: {
        us: { description: '<the runner-up bid, or extend the incumbent>', utility: 40 },
        them: { description: '<their next-best use of the capacity>', utility: 30 },
      },
      applicability: { verifiable: true, timeForDiscovery: true },
      culture: { style: 'direct', powerDistance: 'low' },
      reservation: 50,
      limits: [{ issue: 'price', op: '<=', value: 550000 }],
      evidence: [
        {
          claim: '<benchmark price for comparable scope>',
          range: [420000, 520000],
          unit: 'USD/year',
          source: '<source>',
        },
      ],
      anchor: {
        issue: 'price',
        low: 425000,
        high: 450000,
        rationale: '<the benchmark and cost drivers behind the number>',
        evidence: [0],
      },
    },
    comments: {},
  },
  hiring: {
    plan: {
      parley: 1,
      title: '<Candidate> offer',
      context: 'hiring',
      parties: {
        us: { name: '<Our company>' },
        them: {
          name: '<Candidate>',
          stakeholders: [
            {
              name: '<Candidate>',
              role: 'Candidate',
              decides: true,
              interests: ['growth path', 'total compensation'],
              faceSaving: '<what they must be able to tell their current team>',
            },
          ],
        },
      },
      decisionRule: {
        statement: 'Within the published band for the level',
        require: [{ issue: 'salary', op: '<=', value: 200000 }],
      },
      issues: [
        {
          id: 'salary',
          name: 'Base salary',
          unit: 'USD/year',
          range: { min: 160000, max: 210000, step: 5000 },
          us: pref(35, 'low'),
          them: pref(35, 'high'),
        },
        {
          id: 'level',
          name: 'Level at start',
          unit: 'level',
          options: ['senior', 'staff'],
          us: { weight: 15, scores: { senior: 100, staff: 30 } },
          them: { weight: 20, scores: { senior: 0, staff: 100 } },
        },
        {
          id: 'title_review',
          name: 'Title review on milestones',
          unit: 'months',
          options: [6, 12],
          us: pref(5, 'high'),
          them: pref(15, 'low'),
          tradeable: true,
        },
        {
          id: 'equity',
          name: 'Equity grant',
          unit: 'USD over 4 years',
          range: { min: 100000, max: 300000, step: 50000 },
          us: pref(20, 'low'),
          them: pref(15, 'high'),
        },
        {
          id: 'learning',
          name: 'Development budget',
          unit: 'USD/year',
          options: [2000, 5000, 10000],
          us: pref(5, 'low'),
          them: pref(10, 'high'),
          tradeable: true,
        },
        {
          id: 'remote',
          name: 'Remote days',
          unit: 'days/week',
          options: [1, 2, 3],
          us: pref(20, 'low'),
          them: pref(5, 'high'),
        },
      ],
      batna: {
        us: { description: '<the runner-up candidate, or a longer search>', utility: 40 },
        them: { description: '<their current role or competing offer>', utility: 45 },
      },
      applicability: { verifiable: true, timeForDiscovery: true },
      culture: { style: 'direct', powerDistance: 'low' },
      reservation: 50,
      limits: [{ issue: 'salary', op: '<=', value: 205000 }],
      evidence: [
        {
          claim: '<salary band for the level, from the level matrix>',
          range: [170000, 200000],
          unit: 'USD/year',
          source: '<market survey>',
        },
      ],
      anchor: {
        issue: 'salary',
        low: 175000,
        high: 185000,
        rationale: '<where the offer sits in the band and why>',
        evidence: [0],
      },
    },
    comments: {},
  },
  custom: {
    plan: {
      parley: 1,
      title: '<Negotiation title>',
      context: 'custom',
      parties: {
        us: { name: '<Us>' },
        them: {
          name: '<Them>',
          stakeholders: [
            {
              name: '<Decision maker>',
              role: '<role>',
              decides: true,
              interests: ['<what they care about>'],
            },
          ],
        },
      },
      decisionRule: { statement: '<how both sides will judge an offer>' },
      issues: [
        {
          id: 'price',
          name: 'Price',
          unit: 'USD',
          range: { min: 10000, max: 20000, step: 1000 },
          us: pref(50, 'high'),
          them: pref(50, 'low'),
        },
        {
          id: 'timing',
          name: 'Delivery',
          unit: 'weeks',
          range: { min: 2, max: 12, step: 2 },
          us: pref(20, 'high'),
          them: pref(30, 'low'),
          tradeable: true,
        },
        {
          id: 'scope',
          name: 'Scope',
          unit: 'package',
          options: ['basic', 'standard', 'extended'],
          us: { weight: 30, scores: { basic: 100, standard: 60, extended: 0 } },
          them: { weight: 20, scores: { basic: 0, standard: 60, extended: 100 } },
        },
      ],
      batna: {
        us: { description: '<what we do without a deal>', utility: 40 },
        them: { description: '<their best alternative>', utility: 40 },
      },
      applicability: { verifiable: true, timeForDiscovery: true },
      culture: { style: 'direct', powerDistance: 'low' },
      reservation: 50,
      limits: [{ issue: 'price', op: '>=', value: 12000 }],
    },
    comments: {},
  },
}

/** The starter plan for a context, as data. */
export function starterPlan(context: Context): Plan {
  return JSON.parse(JSON.stringify(STARTERS[context].plan)) as Plan
}

/** The starter plan as commented YAML; `schemaRef` adds the editor's schema hint. */
export function starterPlanYaml(context: Context, options: { schemaRef?: string } = {}): string {
  const starter = STARTERS[context]
  const doc = new Document(starter.plan)
  const comments = { ...SHARED_COMMENTS, ...starter.comments }
  // Short maps and lists read best on one line, as in the examples; sections stay in block style.
  // Top-level sections stay in block style so each reads as a heading.
  visit(doc, {
    Map(_, node, path) {
      if (path.length > 2 && isShort(node)) node.flow = true
    },
    Seq(_, node, path) {
      if (path.length > 2 && isShort(node)) node.flow = true
    },
  })
  const root = doc.contents
  if (isMap(root)) {
    for (const pair of root.items) {
      const key = String((pair.key as { value?: unknown }).value)
      const comment = comments[key]
      if (comment && pair.key && typeof pair.key === 'object') {
        ;(pair.key as Node).commentBefore = comment
          .split('\n')
          .map((line) => ` ${line}`)
          .join('\n')
        if (key !== 'parley') (pair.key as Node).spaceBefore = true
      }
    }
  }
  const header = options.schemaRef ? `# yaml-language-server: $schema=${options.schemaRef}\n` : ''
  return header + doc.toString({ lineWidth: 0, flowCollectionPadding: true })
}

function isShort(node: Node): boolean {
  if (!isMap(node) && !isSeq(node)) return false
  const json = JSON.stringify(node.toJSON())
  return (
    json.length <= 100 &&
    !(isMap(node) && node.items.some((pair) => isSeq(pair.value) && !isShort(pair.value as Node)))
  )
}
