/**
 * Starter plans for `parley init`: for each context, the issues the method maps for it, with
 * plausible numbers and `<...>` placeholders where only the user knows the answer, rendered as
 * commented YAML a first-time user can fill in. Every starter is a valid plan (a test says so), so
 * `parley check` passes from the start, warning once per placeholder; `parley lint` refuses the plan
 * until every placeholder is filled in. Applicability is left unanswered: only the user knows
 * whether the terms can be verified and there is time for discovery, and a pre-filled answer would
 * silence the check that asks.
 *
 * What every starter shares — the format, the parties, both BATNAs, the unanswered applicability, the
 * culture, the benchmark behind the anchor — is built by `starter`; each context's table gives only
 * what differs.
 */
import { Document, isMap, isSeq, type Node, visit } from 'yaml'
import type {
  Anchor,
  Constraint,
  Context,
  DecisionRule,
  Evidence,
  Issue,
  Level,
  Op,
  Parties,
  Plan,
  Preference,
  Stakeholder,
  TheirPreference,
} from '../model/plan'

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
    'Private, and yours to answer (`parley lint` asks until you do): can the terms be verified after\nsigning? Is there time for discovery before offers are due? Write, for example,\napplicability: { verifiable: true, timeForDiscovery: false }',
  culture:
    'Private. Their style (direct or indirect) and power distance (low or high): phrases and the timeline adapt.',
}

// One line per issue and person in the tables below.

const range = (min: number, max: number, step: number) => ({ range: { min, max, step } })
const options = (...levels: Level[]) => ({ options: levels })

/** How both sides value an issue: a weight each, and scores or a direction. */
interface Sides {
  us: Preference
  them: TheirPreference
}

/** Both sides want opposite ends of a numeric issue, as in every starter: we prefer `ours`. */
const opposed = (ours: 'high' | 'low', us: number, them: number): Sides => ({
  us: { weight: us, prefer: ours },
  them: { weight: them, prefer: ours === 'high' ? 'low' : 'high' },
})

/** Scores (0-100) per option for each side, after each side's weight. */
const scored = (
  us: number,
  usScores: Record<string, number>,
  them: number,
  themScores: Record<string, number>,
): Sides => ({ us: { weight: us, scores: usScores }, them: { weight: them, scores: themScores } })

function issue(
  id: string,
  name: string,
  unit: string,
  levels: ReturnType<typeof range> | ReturnType<typeof options>,
  sides: Sides,
  tradeable?: 'tradeable',
): Issue {
  return { id, name, unit, ...levels, ...sides, ...(tradeable ? { tradeable: true } : {}) }
}

function person(
  name: string,
  role: string,
  decides: boolean,
  interests: string[],
  more: Pick<Stakeholder, 'riskPosture' | 'faceSaving'> = {},
): Stakeholder {
  return { name, role, decides, interests, ...more }
}

/** The decision rule: its statement, and its one machine-checkable item when it has one. */
const rule = (statement: string, item?: [issue: string, op: Op, value: number]): DecisionRule =>
  item ? { statement, require: [{ issue: item[0], op: item[1], value: item[2] }] } : { statement }

const evidence = (
  claim: string,
  range: [number, number],
  unit: string,
  source: string,
  date?: string,
): Evidence => ({ claim, range, unit, source, ...(date ? { date } : {}) })

/** The opening range on one issue and the lines that justify it (it cites the one benchmark). */
const anchor = (issue: string, low: number, high: number, rationale: string): Anchor => ({
  issue,
  low,
  high,
  rationale,
  evidence: [0],
})

/** What a context's starter says; `starter` adds what every starter shares. */
interface StarterSpec {
  context: Context
  title: string
  /** Our name and theirs (placeholders). */
  names: [us: string, them: string]
  stakeholders: Stakeholder[]
  /** The rest of the counterparty map. */
  map?: Pick<Parties['them'], 'approvalPath' | 'budgetCycle' | 'politics'>
  decisionRule: DecisionRule
  issues: Issue[]
  /** Each side's BATNA: what it is (a placeholder) and its utility. */
  batna: [us: string, usUtility: number, them: string, themUtility: number]
  reservation: number
  limits: Constraint[]
  aspiration?: number
  /** The benchmark the anchor cites, and the anchor. */
  benchmark?: [Evidence, Anchor]
}

function starter(spec: StarterSpec): Starter {
  const [us, them] = spec.names
  const [batnaUs, utilityUs, batnaThem, utilityThem] = spec.batna
  const plan: Plan = {
    parley: 1,
    title: spec.title,
    context: spec.context,
    parties: { us: { name: us }, them: { name: them, stakeholders: spec.stakeholders, ...spec.map } },
    decisionRule: spec.decisionRule,
    issues: spec.issues,
    batna: {
      us: { description: batnaUs, utility: utilityUs },
      them: { description: batnaThem, utility: utilityThem },
    },
    // Unanswered on purpose: see the comment above `applicability` in the YAML.
    applicability: {},
    culture: { style: 'direct', powerDistance: 'low' },
    reservation: spec.reservation,
    limits: spec.limits,
    ...(spec.aspiration !== undefined ? { aspiration: spec.aspiration } : {}),
    ...(spec.benchmark ? { evidence: [spec.benchmark[0]], anchor: spec.benchmark[1] } : {}),
  }
  return { plan, comments: {} }
}

const STARTERS: Record<Context, Starter> = {
  sales: starter({
    context: 'sales',
    title: '<Customer> subscription 2027',
    names: ['<Our company>', '<Customer>'],
    stakeholders: [
      person('<Economic buyer>', 'CFO', true, ['budget predictability'], {
        riskPosture: 'averse',
        faceSaving: '<what they must be able to report upward>',
      }),
      person('<Champion>', 'Head of IT', false, ['fast rollout']),
    ],
    map: {
      approvalPath: '<who signs, in which order>',
      budgetCycle: '<when their fiscal year starts>',
      politics: '<internal tensions that shape what is acceptable>',
    },
    decisionRule: rule('Time to value under 60 days', ['rollout', '<=', 60]),
    issues: [
      issue('price', 'Annual price', 'USD/year', range(80000, 140000, 5000), opposed('high', 40, 35)),
      issue('term', 'Contract term', 'months', options(12, 24, 36), opposed('high', 15, 10)),
      issue('payment', 'Payment terms', 'days', options(30, 45, 60, 90), opposed('low', 10, 10)),
      issue('rollout', 'Rollout to all sites', 'days', range(30, 120, 15), opposed('high', 10, 25)),
      issue(
        'support',
        'Support tier',
        'tier',
        options('standard', 'premium', 'enterprise'),
        scored(10, { standard: 100, premium: 70, enterprise: 0 }, 15, {
          standard: 0,
          premium: 70,
          enterprise: 100,
        }),
        'tradeable',
      ),
      issue('sla', 'Uptime commitment', '% per month', options(99.5, 99.9, 99.95), opposed('low', 15, 5)),
    ],
    batna: ['<what we do without this deal>', 40, "<their best alternative, e.g. a competitor's quote>", 35],
    reservation: 55,
    limits: [{ issue: 'price', op: '>=', value: 90000 }],
    aspiration: 75,
    benchmark: [
      evidence(
        '<benchmark, e.g. market price for a deployment this size>',
        [95000, 125000],
        'USD/year',
        '<analyst report>',
        '<2026-09>',
      ),
      anchor('price', 120000, 135000, '<two lines you can say out loud, tied to the evidence>'),
    ],
  }),
  partnership: starter({
    context: 'partnership',
    title: '<Partner> partnership',
    names: ['<Our company>', '<Partner>'],
    stakeholders: [
      person('<Sponsor>', 'VP Partnerships', true, ['distribution reach']),
      person('<Gatekeeper>', 'General Counsel', false, ['IP protection'], { riskPosture: 'averse' }),
    ],
    map: { approvalPath: '<sponsor, then legal, then the board if exclusive>' },
    decisionRule: rule('Both sides can measure the pilot within two quarters', ['pilot', '<=', 6]),
    issues: [
      issue('revenue_share', 'Revenue share to us', '%', range(10, 40, 5), opposed('high', 30, 30)),
      issue(
        'exclusivity',
        'Exclusivity',
        'scope',
        options('none', 'field-of-use', 'full'),
        scored(15, { none: 100, 'field-of-use': 70, full: 0 }, 20, {
          none: 0,
          'field-of-use': 60,
          full: 100,
        }),
      ),
      issue(
        'ip',
        'IP in joint work',
        'ownership',
        options('ours', 'licensed', 'joint'),
        scored(20, { ours: 100, licensed: 70, joint: 20 }, 15, { ours: 0, licensed: 60, joint: 100 }),
      ),
      issue('pilot', 'Pilot length', 'months', range(3, 12, 3), opposed('low', 10, 10)),
      issue(
        'governance',
        'Joint steering cadence',
        'meetings/year',
        options(2, 4, 12),
        opposed('low', 5, 10),
        'tradeable',
      ),
      issue(
        'co_marketing',
        'Co-marketing',
        'commitment',
        options('none', 'case-study', 'joint-launch'),
        scored(20, { none: 0, 'case-study': 60, 'joint-launch': 100 }, 15, {
          none: 100,
          'case-study': 70,
          'joint-launch': 30,
        }),
      ),
    ],
    batna: [
      '<build the capability ourselves, or another partner>',
      35,
      '<their alternative partner or in-house option>',
      40,
    ],
    reservation: 50,
    limits: [{ issue: 'exclusivity', op: 'in', value: ['none', 'field-of-use'] }],
    benchmark: [
      evidence('<revenue shares in comparable partnerships>', [15, 30], '%', '<source>'),
      anchor('revenue_share', 30, 35, '<why this share is fair: what each side brings>'),
    ],
  }),
  procurement: starter({
    context: 'procurement',
    title: '<Service> RFP',
    names: ['<Our organisation>', '<Vendor>'],
    stakeholders: [
      person('<Account executive>', 'Sales', false, ['deal size', 'reference customer']),
      person('<Deal desk>', 'Pricing', true, ['margin'], { riskPosture: 'averse' }),
    ],
    map: { approvalPath: '<account executive, then their deal desk>' },
    decisionRule: rule('Award on published weights: price 40, reliability 40, support 20', [
      'uptime',
      '>=',
      99.9,
    ]),
    issues: [
      issue('price', 'Annual price', 'USD/year', range(400000, 600000, 25000), opposed('low', 40, 40)),
      issue(
        'uptime',
        'Uptime SLA',
        '% per month',
        options(99.5, 99.9, 99.95, 99.99),
        opposed('high', 25, 20),
      ),
      issue('response', 'Priority-1 response time', 'hours', options(1, 4, 8), opposed('low', 15, 10)),
      issue('holdback', 'Performance holdback', '% of fees', range(0, 10, 2.5), opposed('high', 10, 15)),
      issue(
        'off_ramp',
        'Termination for convenience',
        'months notice',
        options(3, 6, 12),
        opposed('low', 10, 15),
        'tradeable',
      ),
    ],
    batna: ['<the runner-up bid, or extend the incumbent>', 40, '<their next-best use of the capacity>', 30],
    reservation: 50,
    limits: [{ issue: 'price', op: '<=', value: 550000 }],
    benchmark: [
      evidence('<benchmark price for comparable scope>', [420000, 520000], 'USD/year', '<source>'),
      anchor('price', 425000, 450000, '<the benchmark and cost drivers behind the number>'),
    ],
  }),
  hiring: starter({
    context: 'hiring',
    title: '<Candidate> offer',
    names: ['<Our company>', '<Candidate>'],
    stakeholders: [
      person('<Candidate>', 'Candidate', true, ['growth path', 'total compensation'], {
        faceSaving: '<what they must be able to tell their current team>',
      }),
    ],
    decisionRule: rule('Within the published band for the level', ['salary', '<=', 200000]),
    issues: [
      issue('salary', 'Base salary', 'USD/year', range(160000, 210000, 5000), opposed('low', 35, 35)),
      issue(
        'level',
        'Level at start',
        'level',
        options('senior', 'staff'),
        scored(15, { senior: 100, staff: 30 }, 20, { senior: 0, staff: 100 }),
      ),
      issue(
        'title_review',
        'Title review on milestones',
        'months',
        options(6, 12),
        opposed('high', 5, 15),
        'tradeable',
      ),
      issue(
        'equity',
        'Equity grant',
        'USD over 4 years',
        range(100000, 300000, 50000),
        opposed('low', 20, 15),
      ),
      issue(
        'learning',
        'Development budget',
        'USD/year',
        options(2000, 5000, 10000),
        opposed('low', 5, 10),
        'tradeable',
      ),
      issue('remote', 'Remote days', 'days/week', options(1, 2, 3), opposed('low', 20, 5)),
    ],
    batna: [
      '<the runner-up candidate, or a longer search>',
      40,
      '<their current role or competing offer>',
      45,
    ],
    reservation: 50,
    limits: [{ issue: 'salary', op: '<=', value: 205000 }],
    benchmark: [
      evidence(
        '<salary band for the level, from the level matrix>',
        [170000, 200000],
        'USD/year',
        '<market survey>',
      ),
      anchor('salary', 175000, 185000, '<where the offer sits in the band and why>'),
    ],
  }),
  custom: starter({
    context: 'custom',
    title: '<Negotiation title>',
    names: ['<Us>', '<Them>'],
    stakeholders: [person('<Decision maker>', '<role>', true, ['<what they care about>'])],
    decisionRule: rule('<how both sides will judge an offer>'),
    issues: [
      issue('price', 'Price', 'USD', range(10000, 20000, 1000), opposed('high', 50, 50)),
      issue('timing', 'Delivery', 'weeks', range(2, 12, 2), opposed('high', 20, 30), 'tradeable'),
      issue(
        'scope',
        'Scope',
        'package',
        options('basic', 'standard', 'extended'),
        scored(30, { basic: 100, standard: 60, extended: 0 }, 20, { basic: 0, standard: 60, extended: 100 }),
      ),
    ],
    batna: ['<what we do without a deal>', 40, '<their best alternative>', 40],
    reservation: 50,
    limits: [{ issue: 'price', op: '>=', value: 12000 }],
  }),
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
