/**
 * The counterparty view: the one projection of a negotiation that may leave for the other side.
 * It is built from an allow-list — every field is copied by name from the shareable side of the
 * plan and the journal (title, party names, issue names, units and levels, the decision rule as
 * agreed, evidence, the anchor range and rationale, bundles offered with their terms, contingencies
 * proposed without anyone's beliefs, agreed terms, the bundle on the table now: its terms were
 * between the parties, and before signing the alternatives we offer beside the agreement, by terms)
 * — and never by spreading or filtering private objects. Phrases, call scripts, and later shared
 * links, documents and drafted messages are rendered from this view alone: what is not in it can
 * not leak, including figures derived from private ones. (The private list itself is in
 * `model/private-fields.ts`.)
 *
 * Evidence marked `shareable: false` (an internal source: win/loss interviews, our price book) is
 * left out, and the anchor's evidence indexes point into the shared list. Two things come from
 * private places, each copied as the one shareable part: the interests they stated in the journal
 * (their own words and the issues named, never a weight or ranking factor derived from them), and
 * the name and role of the decision maker(s) of the counterparty map — they are the people our
 * documents address, whom both sides name anyway; everything else of the map (interests we
 * noted, risk posture, face-saving needs, approval path, politics, limits) stays private.
 */
import { contingencyInWords } from '../journal/contingency'
import type { Contingency } from '../journal/events'
import type { NegotiationState } from '../journal/replay'
import { listAnd } from '../language/english'
import { formatLevelWithUnit, inSentence } from '../language/levels'
import { evidenceIssue } from '../model/evidence-issue'
import type { Context, Level, Terms } from '../model/plan'
import { constraintInWords, describeConstraint } from '../scoring/constraints'
import type { Offer } from '../scoring/offer'
import type { Space } from '../scoring/space'

export interface ViewIssue {
  id: string
  name: string
  unit: string
  levels: Level[]
}

export interface ViewEvidence {
  claim: string
  range: [number, number] | null
  unit: string | null
  /** The issue (id) its range speaks to (core's `evidenceIssue`), or null when none can be told. */
  issue: string | null
  source: string | null
  date: string | null
}

/**
 * An interest they stated, as the issues (by name) it concerns. Never its text: our team writes it
 * (`heard "…"`), and it may carry what their champion told us in confidence.
 */
export interface ViewInterest {
  /** Issue names, in the order they named them. */
  issues: string[]
}

/** A decision maker on their side, as we address them: name and role only. */
export interface ViewDecider {
  name: string
  role: string | null
}

export interface ViewBundle {
  label: string
  name: string | null
  /** Issue names where the bundle leans (a property of the offer, not of anyone's figures). */
  emphasis: string[]
  /**
   * Where `emphasis` comes from: `meso` when the set was proposed by MESO (the issues where the
   * bundle is most generous to them), `terms` when read from a recorded offer (the issues where its
   * level is its own in the set: a difference, which says nothing of who gains).
   */
  emphasisFrom: 'meso' | 'terms'
  /**
   * One line in the method's voice on which of their stated interests the bundle serves, built
   * from its terms and their stated interests only (null while nothing they said bears on it).
   */
  rationale: string | null
  terms: Terms
}

/**
 * The bundle on the table now: the latest single offer, the bundle they chose or ranked first, or
 * their counter, moved by concessions and accepted contingency exchanges. Every recap and
 * confirmation is read from it.
 */
export interface ViewTable {
  /** The label of the offered bundle it still is, or null once a counter or a move has changed it. */
  label: string | null
  terms: Terms
  /** Their counter, as they proposed it (nothing moved since): a recap says it is their proposal. */
  theirs: boolean
}

export interface ViewContingency {
  /** The wording both sides see. */
  wording: string
  metric: string
  op: string
  threshold: number | string
  within: string | null
  consequence: { issue: string; level: Level }
  measurement: { source: string | null; reporting: string | null }
  /** Whether they accepted it (or it is part of the agreement): then it is no longer proposed. */
  accepted: boolean
}

export interface ViewAgreement {
  terms: Terms
  contingencies: ViewContingency[]
  measures: { metric: string; threshold: number | string; reporting: string; remedy: string }[]
  changeControl: string | null
  exit: string | null
  governance: { reviewCadence: string | null; dataAccess: string | null; escalation: string | null }
  fairnessStory: string | null
}

export interface CounterpartyView {
  title: string
  context: Context
  parties: { us: string; them: string }
  issues: ViewIssue[]
  /** `require` as the plan writes it (issue ids); `requireInWords` with issue names and units, for documents. */
  decisionRule: { statement: string | null; require: string[]; requireInWords: string[] } | null
  /** Shareable evidence only (items marked `shareable: false` are left out). */
  evidence: ViewEvidence[]
  /** What they told us matters to them (`interest-stated` events), oldest first. */
  statedInterests: ViewInterest[]
  /** Their decision maker(s), when the counterparty map names one: name and role only. */
  decider: ViewDecider[]
  anchor: {
    issue: string
    issueName: string
    unit: string
    low: number
    high: number
    rationale: string | null
    /** Indexes into `evidence` (the shared list). */
    evidence: number[]
  } | null
  /** Bundles offered (the latest offer), or proposed to be offered next. */
  bundles: ViewBundle[]
  /** The bundle on the table now, if any. */
  table: ViewTable | null
  contingencies: ViewContingency[]
  /**
   * The concessions as both sides saw them on the table: the levels each side moved to, in order
   * (never what a move cost or earned anyone, nor its note or trigger).
   */
  moves: ViewMove[]
  agreement: ViewAgreement | null
  /**
   * Before signing, the alternatives we offer beside the agreement (the post-settlement step), by
   * their terms only: never what they are worth to anyone or how likely they are to be preferred.
   * Empty unless the caller passes them (the coach does at the close).
   */
  alternatives: Terms[]
}

/**
 * A concession as the table showed it: the levels we moved to (give) and they moved to (get), where
 * each side did move.
 */
export interface ViewMove {
  give: Terms
  get: Terms
}

/** A bundle about to be offered, as the view takes it (only what may be said about it). */
export interface ProposedBundle {
  label: string
  name?: string
  emphasis: readonly string[]
  terms: Terms
}

/** The terms of `terms` at a level other than `position`'s: the part of a give or get that moved someone. */
function movedFrom(space: Space, position: Offer, terms: Terms): Terms {
  const out: Terms = {}
  for (const [id, level] of Object.entries(terms)) {
    const issue = space.byId.get(id)
    if (issue && position.values[issue.index] === level) continue
    out[id] = level
  }
  return out
}

function contingencyView(space: Space, contingency: Contingency, accepted: boolean): ViewContingency {
  const { consequence } = contingency
  return {
    wording: contingencyInWords(space, contingency),
    metric: contingency.metric,
    op: contingency.op,
    threshold: contingency.threshold,
    within: contingency.within ?? null,
    consequence: { issue: consequence.issue, level: consequence.level },
    measurement: {
      source: contingency.measurement?.source ?? null,
      reporting: contingency.measurement?.reporting ?? null,
    },
    accepted,
  }
}

function sameTerms(a: Terms, b: Terms): boolean {
  const keys = Object.keys(a)
  return keys.length === Object.keys(b).length && keys.every((issue) => a[issue] === b[issue])
}

function copyTerms(terms: Terms): Terms {
  const out: Terms = {}
  for (const [issue, level] of Object.entries(terms)) out[issue] = level
  return out
}

/**
 * Per bundle of an offer, the issues (by id) where its level is its own: no other bundle of the
 * set has it. With one bundle nothing differs, so nothing is emphasised.
 */
function differingIssues(bundles: readonly { terms: Terms }[]): string[][] {
  if (bundles.length < 2) return bundles.map(() => [])
  return bundles.map((bundle, k) =>
    Object.keys(bundle.terms).filter((issue) =>
      bundles.every((other, j) => j === k || other.terms[issue] !== bundle.terms[issue]),
    ),
  )
}

function statedInterests(space: Space, state: NegotiationState | undefined): ViewInterest[] {
  return (state?.interests ?? []).map((event) => {
    // Only which issues they named, in their order: a factor is a weight, and weights are private.
    const ids = [
      ...(event.ranking ?? []),
      ...(event.relative ?? []).flatMap((relation) => [relation.issue, relation.over]),
    ]
    return {
      issues: [...new Set(ids)].map((id) => space.byId.get(id)?.name ?? id),
    }
  })
}

/**
 * The rationale line of a bundle, from its terms, its emphasis and their stated interests only
 * (never a utility): the emphasised issues they said matter ("Puts rollout first, as you asked:
 * 45 days."), else the emphasis alone ("Leans on support tier and term: support tier premium; term
 * 36 months."),
 * else nothing to say. A recorded offer's emphasis is only where the bundles differ, so it is
 * said as a difference ("On rollout, which you raised: ...", "Where it differs: ...").
 */
export function bundleRationale(
  issues: readonly ViewIssue[],
  bundle: Pick<ViewBundle, 'emphasis' | 'emphasisFrom' | 'terms'>,
  interests: readonly ViewInterest[],
): string | null {
  const asked = new Set(interests.flatMap((interest) => interest.issues))
  const levelOf = (name: string): [string, string] | undefined => {
    const issue = issues.find((candidate) => candidate.name === name)
    const level = issue ? bundle.terms[issue.id] : undefined
    return level === undefined ? undefined : [inSentence(name), formatLevelWithUnit(level, issue?.unit)]
  }
  // One issue: its level alone (the name was just said); several: each name with its level.
  const said = (names: string[]) => {
    const parts = names.map(levelOf).filter((part): part is [string, string] => part !== undefined)
    if (parts.length === 1) return parts[0]?.[1] ?? ''
    return parts.map(([name, level]) => `${name} ${level}`).join('; ')
  }
  const served = bundle.emphasis.filter((name) => asked.has(name))
  const meso = bundle.emphasisFrom === 'meso'
  if (served.length > 0) {
    const names = listAnd(served.map(inSentence))
    const terms = said(served)
    const lead = meso ? `Puts ${names} first, as you asked` : `On ${names}, which you raised`
    return `${lead}${terms ? `: ${terms}` : ''}.`
  }
  if (bundle.emphasis.length > 0) {
    const terms = said(bundle.emphasis)
    if (!terms) return null
    return meso
      ? `Leans on ${listAnd(bundle.emphasis.map(inSentence))}: ${terms}.`
      : `Where it differs: ${terms}.`
  }
  return null
}

export function counterpartyView(
  space: Space,
  state?: NegotiationState,
  proposed?: readonly ProposedBundle[],
  alternatives: readonly { terms: Terms }[] = [],
): CounterpartyView {
  const { plan } = space
  const issueName = (id: string) => space.byId.get(id)?.name ?? id
  const latest = state?.offers.at(-1)
  const recorded = latest?.bundles ?? []
  const recordedEmphasis = differingIssues(recorded)
  const bundles: ViewBundle[] = proposed
    ? proposed.map((bundle) => ({
        label: bundle.label,
        name: bundle.name ?? null,
        emphasis: bundle.emphasis.map(issueName),
        emphasisFrom: 'meso' as const,
        rationale: null,
        terms: copyTerms(bundle.terms),
      }))
    : recorded.map((bundle, k) => ({
        label: bundle.label,
        name: bundle.name ?? null,
        emphasis: (recordedEmphasis[k] ?? []).map(issueName),
        emphasisFrom: 'terms' as const,
        rationale: null,
        terms: copyTerms(bundle.terms),
      }))
  const issues: ViewIssue[] = space.issues.map((issue) => ({
    id: issue.id,
    name: issue.name,
    unit: issue.unit,
    levels: [...issue.levels],
  }))
  const interests = statedInterests(space, state)
  for (const bundle of bundles) bundle.rationale = bundleRationale(issues, bundle, interests)
  // The shared list, and where each plan index landed in it (internal items have no place).
  const shared = (plan.evidence ?? []).flatMap((item, index) =>
    item.shareable === false ? [] : [{ item, index }],
  )
  const sharedIndex = new Map(shared.map(({ index }, k) => [index, k]))
  const agreed = state?.agreed?.event
  // The table keeps the label of the offered bundle it still is, so a recap can say "option B".
  const table = state?.table
  const tableLabel = table
    ? (latest?.bundles.find((bundle) => sameTerms(bundle.terms, table.terms))?.label ?? null)
    : null
  return {
    title: plan.title,
    context: plan.context,
    parties: { us: plan.parties.us.name, them: plan.parties.them.name },
    issues,
    decisionRule: plan.decisionRule
      ? {
          statement: plan.decisionRule.statement ?? null,
          require: (plan.decisionRule.require ?? []).map(describeConstraint),
          requireInWords: (plan.decisionRule.require ?? []).map((constraint) =>
            constraintInWords(space, constraint),
          ),
        }
      : null,
    evidence: shared.map(({ item, index }) => ({
      claim: item.claim,
      range: item.range ? [item.range[0], item.range[1]] : null,
      unit: item.unit ?? null,
      issue: evidenceIssue(plan, space.issues, index) ?? null,
      source: item.source ?? null,
      date: item.date === undefined ? null : String(item.date),
    })),
    statedInterests: interests,
    decider: (plan.parties.them.stakeholders ?? [])
      .filter((person) => person.decides === true)
      .map((person) => ({ name: person.name, role: person.role ?? null })),
    anchor: plan.anchor
      ? {
          issue: plan.anchor.issue,
          issueName: issueName(plan.anchor.issue),
          unit: space.byId.get(plan.anchor.issue)?.unit ?? '',
          low: plan.anchor.low,
          high: plan.anchor.high,
          rationale: plan.anchor.rationale ?? null,
          evidence: (plan.anchor.evidence ?? []).flatMap((index) => {
            const at = sharedIndex.get(index)
            return at === undefined ? [] : [at]
          }),
        }
      : null,
    bundles,
    table: table
      ? { label: tableLabel, terms: copyTerms(table.terms), theirs: table.source === 'counter' }
      : null,
    contingencies: (state?.contingencies ?? []).map((record) =>
      contingencyView(space, record.contingency, record.accepted),
    ),
    // A move is what changed: a give at a level we already held, or a get at one they already
    // held, moved nobody (the story would thank them for a step they never took).
    moves: (state?.concessions ?? []).map((record) => ({
      give: movedFrom(space, record.ourPosition, record.give),
      get: movedFrom(space, record.theirPosition, record.get),
    })),
    agreement: agreed
      ? {
          terms: copyTerms(agreed.terms),
          contingencies: (agreed.contingencies ?? []).map((contingency) =>
            contingencyView(space, contingency, true),
          ),
          measures: (agreed.measures ?? []).map((measure) => ({
            metric: measure.metric,
            threshold: measure.threshold,
            reporting: measure.reporting,
            remedy: measure.remedy,
          })),
          changeControl: agreed.changeControl ?? null,
          exit: agreed.exit ?? null,
          governance: {
            reviewCadence: agreed.governance?.reviewCadence ?? null,
            dataAccess: agreed.governance?.dataAccess ?? null,
            escalation: agreed.governance?.escalation ?? null,
          },
          fairnessStory: agreed.fairnessStory ?? null,
        }
      : null,
    alternatives: agreed ? alternatives.map((alternative) => copyTerms(alternative.terms)) : [],
  }
}
