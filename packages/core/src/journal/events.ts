/**
 * The journal: a negotiation's history as an append-only list of typed events. State is always
 * derived by replaying them over the plan (`replay.ts`), never stored twice. Field names are a
 * contract other tools read: extend, do not rename. Every event has an id (a ULID or UUID made by
 * whoever writes it), a time, the side whose move it is, the round and the plan version it was made
 * against; `parley journal add` fills those in when they are missing.
 */
import { z } from 'zod'
import { LIMITS } from '../model/limits'
import { IssueIdSchema, LevelSchema, type Op, SIDES } from '../model/plan'

export const EVENT_TYPES = [
  'offer-sent',
  'bundle-chosen',
  'bundles-ranked',
  'offer-rejected',
  'interest-stated',
  'concession',
  'contingency-proposed',
  'contingency-accepted',
  'note',
  'agreed',
  'alternatives-offered',
  'debrief',
  'retract',
] as const
export type EventType = (typeof EVENT_TYPES)[number]

const text = z.string().max(LIMITS.textLength)
const label = z.string().min(1).max(8)

/** Terms as written in an event: a level per issue id (checked against the plan when replayed). */
const EventTermsSchema = z.record(z.string(), LevelSchema)

/** A ULID (26 Crockford base-32 characters) or a UUID. */
export const EventIdSchema = z
  .string()
  .regex(
    /^([0-9A-HJKMNP-TV-Z]{26}|[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})$/,
    {
      message: 'must be a ULID (26 characters, 0-9 and A-Z without I, L, O, U) or a UUID',
    },
  )

const common = {
  id: EventIdSchema,
  /** When it happened, ISO 8601. */
  at: z.iso.datetime({ offset: true }),
  /** Whose move it is. */
  side: z.enum(SIDES),
  /** One exchange: our offer and their answer. */
  round: z.number().int().min(0).max(100_000),
  /** The plan version the event was made against: the server's version number, or 12 hex digits of the plan file's SHA-256. */
  planVersion: z.union([z.string().min(1).max(64), z.number().int().min(0)]),
  /** Anything worth remembering about the move. Private. */
  note: text.optional(),
  /**
   * Where the move came from when not typed in by our team: `deal-room` for an answer the other
   * side gave through a share link (recorded by the server, never by a client's say-so).
   */
  source: z.enum(['deal-room']).optional(),
}

const OfferedBundleSchema = z.strictObject({
  label: label.optional(),
  name: text.optional(),
  terms: EventTermsSchema,
})

/** The comparisons a contingency's condition may make: a plan's operators without `in`. */
export const CONTINGENCY_OPS = ['<', '<=', '=', '>=', '>'] as const satisfies readonly Op[]
export type ContingencyOp = (typeof CONTINGENCY_OPS)[number]

/** If <metric> <op> <threshold> [within <period>] then the consequence: <issue> moves to <level>. */
const ContingencySchema = z.strictObject({
  id: z.string().min(1).max(64).optional(),
  metric: z.string().min(1).max(500),
  op: z.enum(CONTINGENCY_OPS),
  threshold: z.union([z.number().finite(), z.string().min(1).max(200)]),
  within: text.optional(),
  consequence: z.strictObject({ issue: IssueIdSchema, level: LevelSchema }),
  /** How the metric is measured and reported: without it, nobody can tell whether the condition occurred. */
  measurement: z.strictObject({ source: text.optional(), reporting: text.optional() }).optional(),
  /** Each side's probability that the condition occurs (theirs is our estimate). */
  beliefs: z.strictObject({ us: z.number().min(0).max(1), them: z.number().min(0).max(1) }).optional(),
  /** The wording both sides see. */
  text: text.optional(),
})
export type Contingency = z.infer<typeof ContingencySchema>

const MeasureSchema = z.strictObject({
  metric: z.string().min(1).max(500),
  threshold: z.union([z.number().finite(), z.string().min(1).max(200)]),
  reporting: text,
  remedy: text,
})

export const EventSchemas = {
  'offer-sent': z.strictObject({
    ...common,
    type: z.literal('offer-sent'),
    bundles: z.array(OfferedBundleSchema).min(1).max(5),
  }),
  'bundle-chosen': z.strictObject({
    ...common,
    type: z.literal('bundle-chosen'),
    label,
    /** What they said with their choice, in their words: shared between the sides, not a private note. */
    comment: text.optional(),
  }),
  'bundles-ranked': z.strictObject({
    ...common,
    type: z.literal('bundles-ranked'),
    order: z.array(label).min(2).max(5),
    /** What they said with their ranking, in their words: shared between the sides, not a private note. */
    comment: text.optional(),
  }),
  'offer-rejected': z.strictObject({
    ...common,
    type: z.literal('offer-rejected'),
    counter: z.strictObject({ terms: EventTermsSchema }).optional(),
    reason: text.optional(),
  }),
  'interest-stated': z.strictObject({
    ...common,
    type: z.literal('interest-stated'),
    text,
    /** Their priorities, most important first; issues not listed are unknown, not least important. */
    ranking: z.array(IssueIdSchema).max(LIMITS.issues).optional(),
    /** Relative statements: `issue` matters at least `factor` times as much as `over`. */
    relative: z
      .array(
        z.strictObject({ issue: IssueIdSchema, over: IssueIdSchema, factor: z.number().positive().max(100) }),
      )
      .max(LIMITS.issues)
      .optional(),
  }),
  concession: z.strictObject({
    ...common,
    type: z.literal('concession'),
    /** Levels we move to. */
    give: EventTermsSchema,
    /** Levels they move to in return; empty is a gift. */
    get: EventTermsSchema,
    /** What the concession hinges on, if anything (a contingency id or words). */
    trigger: text.optional(),
  }),
  'contingency-proposed': z.strictObject({
    ...common,
    type: z.literal('contingency-proposed'),
    contingency: ContingencySchema,
    /** A change that comes with the contingency (what it is traded for), applied to the bundle on the table. */
    exchange: EventTermsSchema.optional(),
  }),
  'contingency-accepted': z.strictObject({
    ...common,
    type: z.literal('contingency-accepted'),
    /** The id of the contingency-proposed event (or of the contingency). */
    target: z.string().min(1).max(64),
  }),
  note: z.strictObject({ ...common, type: z.literal('note'), text }),
  agreed: z.strictObject({
    ...common,
    type: z.literal('agreed'),
    terms: EventTermsSchema,
    contingencies: z.array(ContingencySchema).max(50).optional(),
    measures: z.array(MeasureSchema).max(50).optional(),
    changeControl: text.optional(),
    exit: text.optional(),
    governance: z
      .strictObject({
        reviewCadence: text.optional(),
        dataAccess: text.optional(),
        escalation: text.optional(),
      })
      .optional(),
    fairnessStory: text.optional(),
  }),
  'alternatives-offered': z.strictObject({
    ...common,
    type: z.literal('alternatives-offered'),
    /**
     * Before signing: bundles we would sign instead of the agreement recorded (a post-settlement
     * settlement), each at least as good for us; they keep the agreement if they prefer it. Labelled
     * 1, 2, ... unless labels are given.
     */
    bundles: z.array(OfferedBundleSchema).min(1).max(4),
  }),
  debrief: z.strictObject({
    ...common,
    type: z.literal('debrief'),
    answers: z.record(z.string().min(1).max(64), text),
  }),
  retract: z.strictObject({
    ...common,
    type: z.literal('retract'),
    target: EventIdSchema,
    reason: z.string().min(1).max(LIMITS.textLength),
  }),
} as const

export type EventOf<T extends EventType> = z.infer<(typeof EventSchemas)[T]>
export type JournalEvent = { [T in EventType]: EventOf<T> }[EventType]
export type EventTerms = z.infer<typeof EventTermsSchema>

/** Which side's move each event type is by default. */
export const DEFAULT_SIDE: Record<EventType, 'us' | 'them'> = {
  'offer-sent': 'us',
  'bundle-chosen': 'them',
  'bundles-ranked': 'them',
  'offer-rejected': 'them',
  'interest-stated': 'them',
  concession: 'us',
  'contingency-proposed': 'us',
  'contingency-accepted': 'them',
  note: 'us',
  agreed: 'us',
  'alternatives-offered': 'us',
  debrief: 'us',
  retract: 'us',
}
