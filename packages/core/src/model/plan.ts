/**
 * The plan file, format version 1: the whole preparation of one negotiation.
 * Field names are a contract (external tools and later formats rely on them); new optional
 * fields are added here, so unknown fields stay errors and typos never pass silently.
 * Structure is checked by these schemas; rules that need several fields at once live in
 * `plan/cross-check.ts`, which reports in the same shape.
 */
import { z } from 'zod'
import { LIMITS } from './limits'

export const CONTEXTS = ['sales', 'partnership', 'procurement', 'hiring', 'custom'] as const
export type Context = (typeof CONTEXTS)[number]

export const OPS = ['<', '<=', '=', '>=', '>', 'in'] as const
export type Op = (typeof OPS)[number]

export const SIDES = ['us', 'them'] as const
export type Side = (typeof SIDES)[number]

export const RISK_POSTURES = ['averse', 'neutral', 'seeking'] as const

const text = z.string().max(LIMITS.textLength)
const name = z.string().min(1).max(LIMITS.textLength)
const points = z.number().min(0).max(100)
const finite = z.number().finite()

export const ISSUE_ID_PATTERN = /^[a-z][a-z0-9_-]*$/
export const IssueIdSchema = z
  .string()
  .max(64)
  .regex(ISSUE_ID_PATTERN, { message: 'must start with a lowercase letter and use only a-z, 0-9, _ and -' })
  .describe('Issue id: a lowercase letter, then a-z, 0-9, _ or -')

/** One value an issue can take: an option (`premium`) or a point of a range (`120000`). */
export const LevelSchema = z.union([z.string().min(1).max(200), finite])
export type Level = z.infer<typeof LevelSchema>

/** How much an issue matters to one side and how that side scores its levels. */
export const PreferenceSchema = z.strictObject({
  /** Positive; normalised per side, so weights need not sum to 100. */
  weight: z
    .number()
    .positive()
    .finite()
    .describe('How much the issue matters to this side; normalised per side'),
  /** On a range or numeric options: score 100 at the preferred extreme, 0 at the other, linear between. */
  prefer: z
    .enum(['high', 'low'])
    .optional()
    .describe('Numeric levels: 100 at the preferred extreme, 0 at the other, linear between'),
  /** Per option, 0..100; every option must have one. */
  scores: z.record(z.string(), points).optional().describe('Options: a score 0..100 for every option'),
  /** Piecewise linear through [x, score] points, x increasing; outside them the end score holds. */
  points: z
    .array(z.tuple([finite, points]))
    .min(2)
    .max(LIMITS.levelsPerIssue)
    .optional()
    .describe('Numeric levels: [x, score] pairs, x increasing; piecewise linear, end scores hold outside'),
})
export type Preference = z.infer<typeof PreferenceSchema>

export const CONFIDENCES = ['low', 'medium', 'high'] as const
export type Confidence = (typeof CONFIDENCES)[number]

/** Our estimate of how they weigh and score an issue, with how sure we are of it. */
const TheirPreferenceSchema = PreferenceSchema.extend({
  /** How sure we are of the estimated weight: the prior's spread (the share times a Gamma factor of mean 1 and shape 3, 5 or 10: about ±58%, ±45%, ±32%). */
  confidence: z
    .enum(CONFIDENCES)
    .optional()
    .describe('How sure we are of this estimate: low, medium (default) or high. Private'),
  /** We are not sure which way they lean on this issue: the learner also weighs the reverse. */
  uncertain: z
    .boolean()
    .optional()
    .describe('We do not know which direction they prefer on this issue. Private'),
})
export type TheirPreference = z.infer<typeof TheirPreferenceSchema>

export const RangeSchema = z.strictObject({
  min: finite,
  max: finite,
  step: z.number().positive().finite(),
})
export type Range = z.infer<typeof RangeSchema>

/**
 * An issue with numeric levels (a range, or options that are all numbers) needs a unit: its numbers
 * mean nothing without one. Text options name themselves, so there the unit may be left out. The
 * cross-checks report a missing unit; this condition says the same to editors (JSON Schema).
 */
const NUMERIC_ISSUE_NEEDS_UNIT = {
  if: {
    anyOf: [
      { required: ['range'] },
      { required: ['options'], properties: { options: { items: { type: 'number' } } } },
    ],
  },
  // biome-ignore lint/suspicious/noThenProperty: JSON Schema's keyword, never awaited
  then: { required: ['unit'] },
}

const IssueSchema = z
  .strictObject({
    id: IssueIdSchema,
    name,
    unit: name
      .optional()
      .describe(
        'What the levels are counted in (USD/year, days); required for numeric levels, optional for text options',
      ),
    description: text.optional(),
    range: RangeSchema.optional().describe('Levels min, min+step, ..., max (step must divide max - min)'),
    options: z
      .array(LevelSchema)
      .min(1)
      .max(LIMITS.levelsPerIssue)
      .optional()
      .describe('The levels, as texts or numbers'),
    us: PreferenceSchema.describe('Our weight and scores. Private'),
    /** Always our estimate of them. */
    them: TheirPreferenceSchema.describe('Our estimate of their weight and scores. Private'),
    /** Cheap for us and valuable to them: it funds trades. */
    tradeable: z.boolean().optional().describe('Cheap for us, valuable to them: it funds trades. Private'),
    notes: text.optional(),
  })
  .meta(NUMERIC_ISSUE_NEEDS_UNIT)
export type Issue = z.infer<typeof IssueSchema>

const SumTermSchema = z.strictObject({ issue: IssueIdSchema, times: finite })
export type SumTerm = z.infer<typeof SumTermSchema>

/**
 * One requirement on a bundle: a single issue compared with a value (`rollout <= 60`,
 * `support in [premium, enterprise]`), or a weighted sum of numeric issues compared with a number.
 */
export const ConstraintSchema = z.strictObject({
  issue: IssueIdSchema.optional(),
  sum: z.array(SumTermSchema).min(1).max(LIMITS.issues).optional(),
  op: z.enum(OPS),
  value: z.union([LevelSchema, z.array(LevelSchema).min(1).max(LIMITS.levelsPerIssue)]),
})
export type Constraint = z.infer<typeof ConstraintSchema>

const DecisionRuleSchema = z.strictObject({
  /** The rule in plain words, as both sides agreed it. */
  statement: text.optional(),
  require: z.array(ConstraintSchema).max(LIMITS.listItems).optional(),
})
export type DecisionRule = z.infer<typeof DecisionRuleSchema>

const StakeholderSchema = z.strictObject({
  name,
  role: text.optional(),
  decides: z.boolean().optional(),
  interests: z.array(text).max(LIMITS.listItems).optional(),
  riskPosture: z.enum(RISK_POSTURES).optional(),
  faceSaving: text.optional(),
  notes: text.optional(),
})
export type Stakeholder = z.infer<typeof StakeholderSchema>

/** What an approver on their side will or will not sign: a single issue or a sum, compared with a value. */
const ApprovalLimitSchema = ConstraintSchema.extend({
  /** Who holds the limit: `CFO`, `procurement board`. */
  approver: name,
})
export type ApprovalLimit = z.infer<typeof ApprovalLimitSchema>

const PartiesSchema = z.strictObject({
  us: z.strictObject({ name, notes: text.optional() }),
  them: z.strictObject({
    name,
    stakeholders: z.array(StakeholderSchema).max(LIMITS.listItems).optional(),
    approvalPath: text.optional(),
    budgetCycle: text.optional(),
    politics: text.optional(),
    notes: text.optional(),
    /** What their approvers will and will not sign (a discount cap, a budget ceiling this cycle). Private. */
    approvalLimits: z.array(ApprovalLimitSchema).max(LIMITS.listItems).optional(),
  }),
})
export type Parties = z.infer<typeof PartiesSchema>

const BatnaSchema = z.strictObject({
  description: text.optional(),
  /** What the alternative is worth in this plan's utility points, 0..100. */
  utility: points.describe("What the alternative is worth in this plan's utility points, 0..100"),
  cost: z.union([text, finite]).optional(),
  timing: text.optional(),
  risk: text.optional(),
  /** How we are improving it, in parallel with the negotiation. */
  improve: text.optional(),
})
export type Batna = z.infer<typeof BatnaSchema>

export const EvidenceSchema = z.strictObject({
  claim: name,
  range: z.tuple([finite, finite]).optional(),
  unit: text.optional(),
  /**
   * The issue (id) its range speaks to. Without it, the anchor's evidence speaks to the anchor's
   * issue, and other evidence to the one numeric issue in the same unit (none when several share it).
   */
  issue: z
    .string()
    .min(1)
    .max(64)
    .optional()
    .describe('The issue id its range speaks to, where the unit alone does not say (two issues in USD/year)'),
  source: text.optional(),
  // A bare year in YAML is a number; a month or a date stays a string under the YAML 1.2 core schema.
  date: z.union([text, z.number().int()]).optional(),
  url: text.optional(),
  /**
   * False for an internal source (win/loss interviews, our price book): we reason from it, but it
   * never reaches the other side (the counterparty view leaves it out). True when left out.
   */
  shareable: z
    .boolean()
    .optional()
    .describe('False for an internal source we never cite to them (win/loss interviews, our price book)'),
})
export type Evidence = z.infer<typeof EvidenceSchema>

/** An anchor as written: its issue may be left out (see `plan/defaults.ts` for what it defaults to). */
export const AnchorSchema = z.strictObject({
  issue: IssueIdSchema.optional().describe(
    'The issue anchored; when left out, the numeraire, else the one money issue of the plan',
  ),
  low: finite,
  high: finite,
  /** Two lines we can say out loud. */
  rationale: text.optional(),
  /** Indexes into the plan's evidence list. */
  evidence: z.array(z.number().int().min(0)).max(LIMITS.listItems).optional(),
})
/** An anchor once validated: its issue is always named (given, or its default). */
export type Anchor = z.infer<typeof AnchorSchema> & { issue: string }

/** How one side's numbers were elicited: kept so they can be revisited (see elicitation/elicitation.ts). */
const ElicitationSideSchema = z.strictObject({
  /** Issue ids, most important first (to that side). */
  ranking: z.array(IssueIdSchema).max(LIMITS.issues).optional(),
  /** Each option issue's options, best first (to that side). */
  orders: z.record(IssueIdSchema, z.array(LevelSchema).max(LIMITS.levelsPerIssue)).optional(),
  /** Swing comparisons answered: which issue's move from worst to best matters more, or both the same. */
  tradeoffs: z
    .array(
      z.strictObject({
        issues: z.tuple([IssueIdSchema, IssueIdSchema]),
        answer: z.enum(['first', 'second', 'equal']),
      }),
    )
    .max(LIMITS.listItems)
    .optional(),
})
export type ElicitationSide = z.infer<typeof ElicitationSideSchema>

export const PlanSchema = z.strictObject({
  /** Editors' schema reference for JSON plans; ignored by Parley. */
  $schema: z.string().optional(),
  parley: z.literal(1),
  title: name,
  context: z.enum(CONTEXTS),
  parties: PartiesSchema,
  decisionRule: DecisionRuleSchema.optional().describe('The agreed test every offer must pass'),
  issues: z
    .array(IssueSchema)
    .min(1)
    .max(LIMITS.issues)
    .describe('What is to be agreed; numeric issues with a unit'),
  batna: z
    .strictObject({ us: BatnaSchema.optional(), them: BatnaSchema.optional() })
    .optional()
    .describe('Best alternatives to a negotiated agreement (theirs is our estimate). Private'),
  /** Our walk-away utility, 0..100. Private. */
  reservation: points.optional().describe('Our walk-away utility, 0..100. Private'),
  /** Our walk-away per issue, in its own unit. Private. */
  limits: z
    .array(ConstraintSchema)
    .max(LIMITS.listItems)
    .optional()
    .describe('Our walk-away per issue, in its own unit. Private'),
  /** The utility we aim for, 0..100. Private. */
  aspiration: points.optional().describe('The utility we aim for, 0..100. Private'),
  evidence: z
    .array(EvidenceSchema)
    .max(LIMITS.listItems)
    .optional()
    .describe('Benchmarks, cost drivers, references we can cite'),
  anchor: AnchorSchema.optional().describe('Our opening range on one issue, its rationale and evidence'),
  /** The rankings, orderings and trade-offs the weights and scores were derived from. Private. */
  elicitation: z
    .strictObject({ us: ElicitationSideSchema.optional(), them: ElicitationSideSchema.optional() })
    .optional()
    .describe('The rankings, orderings and trade-off answers the numbers were derived from. Private'),
  /** What we could not compute from the plan about whether the method fits. Private. */
  applicability: z
    .strictObject({
      /** Can the terms be verified (measured, audited) after signing? */
      verifiable: z.boolean().optional(),
      /** Is there time for discovery before offers must be made? */
      timeForDiscovery: z.boolean().optional(),
    })
    .optional()
    .describe('Whether the terms can be verified and there is time for discovery. Private'),
  /** Their communication style and power distance: phrases and the timeline adapt. Private. */
  culture: z
    .strictObject({
      style: z.enum(['direct', 'indirect']).optional(),
      powerDistance: z.enum(['low', 'high']).optional(),
    })
    .optional()
    .describe('Their communication style (direct or indirect) and power distance (low or high). Private'),
  /** A money issue in which concession values are also shown (`price`): "about 4,200 USD/year", not "3.1 points". */
  numeraire: IssueIdSchema.optional().describe(
    'A numeric money issue; concession values are also shown in its unit',
  ),
  notes: text.optional(),
})
/** A plan as written, before defaults are filled in: what the schema accepts. */
export type WrittenPlan = z.infer<typeof PlanSchema>

/**
 * A valid plan, with the defaults a plan may leave out filled in (an anchor's issue): what
 * `validatePlanValue` returns and every computation reads.
 */
export type Plan = Omit<WrittenPlan, 'anchor'> & { anchor?: Anchor }

/** A bundle's terms: one level per issue, keyed by issue id. */
export type Terms = Record<string, Level>
