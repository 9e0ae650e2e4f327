/**
 * Contingent terms: "if <metric> <op> <threshold> [within <period>] then <issue> moves to <level>".
 * Each side may believe differently that the condition occurs. A contingency creates joint value
 * when both sides expect to gain from it (with whatever it is traded for) — a bet both prefer
 * because their beliefs differ. A contingency nobody can verify (no measurement source or
 * reporting) is a pitfall, and is flagged.
 */
import type { TheirValue } from '../inference/estimate'
import { formatLevel, formatLevelWithUnit, inSentence } from '../language/levels'
import { formatPoints } from '../scoring/figures'
import { utilityOf } from '../scoring/offer'
import type { Space } from '../scoring/space'
import { theirUtility } from './concessions'
import type { Contingency } from './events'
import type { ContingencyRecord } from './replay'
import { applyTerms } from './terms'

export interface ContingencyValue {
  eventId: string
  id: string
  /** `if uptime is below 99.9 within a quarter, then service credit cap moves to 15 % of monthly fee` */
  text: string
  accepted: boolean
  /** Each side's probability that the condition occurs (theirs is our estimate); null when not given. */
  beliefs: { us: number; them: number } | null
  /** Expected utility, in points, without and with the contingency (and what comes with it). */
  us: { without: number; with: number; gain: number } | null
  them: { without: number; with: number; gain: number } | null
  /** Both sides expect to gain. */
  jointValue: boolean
  /** The metric has a measurement source and a reporting arrangement. */
  verifiable: boolean
}

/** How a contingency's comparison reads in a sentence: `if uptime is below 99.9`. */
const COMPARISON: Record<Contingency['op'], string> = {
  '<': 'is below',
  '<=': 'is at most',
  '=': 'is',
  '>=': 'is at least',
  '>': 'is above',
}

/**
 * A contingency as both sides read it (our status and the web app, and everything for the other
 * side): its own wording when it has one, else built from its parts in words, with the issue's name
 * and the level as the plan writes it (never an issue id).
 */
export function contingencyInWords(space: Space, contingency: Contingency): string {
  if (contingency.text) return contingency.text
  const { consequence } = contingency
  const issue = space.byId.get(consequence.issue)
  const threshold =
    typeof contingency.threshold === 'number' ? formatLevel(contingency.threshold) : contingency.threshold
  const within = contingency.within ? ` within ${contingency.within}` : ''
  const level = formatLevelWithUnit(consequence.level, issue?.unit)
  return `if ${contingency.metric} ${COMPARISON[contingency.op]} ${threshold}${within}, then ${inSentence(issue?.name ?? consequence.issue)} moves to ${level}`
}

export function evaluateContingency(
  space: Space,
  record: ContingencyRecord,
  theirWeights: TheirValue,
): ContingencyValue {
  const { contingency } = record
  const verifiable = Boolean(contingency.measurement?.source && contingency.measurement?.reporting)
  const base = record.base
  const exchanged = record.exchange
    ? applyTerms(space, base, record.exchange, [])
    : { ok: true as const, offer: base }
  const withTerms = exchanged.ok ? exchanged.offer : base
  const consequence = applyTerms(
    space,
    withTerms,
    { [contingency.consequence.issue]: contingency.consequence.level },
    [],
  )
  const common = {
    eventId: record.eventId,
    id: contingency.id ?? record.eventId,
    text: contingencyInWords(space, contingency),
    accepted: record.accepted,
    verifiable,
  }
  if (!contingency.beliefs || !consequence.ok)
    return { ...common, beliefs: null, us: null, them: null, jointValue: false }
  const { us: pUs, them: pThem } = contingency.beliefs
  const withoutUs = utilityOf(space, base).us
  const withoutThem = theirUtility(space, theirWeights, base)
  const withUs = (1 - pUs) * utilityOf(space, withTerms).us + pUs * utilityOf(space, consequence.offer).us
  const withThem =
    (1 - pThem) * theirUtility(space, theirWeights, withTerms) +
    pThem * theirUtility(space, theirWeights, consequence.offer)
  const gainUs = withUs - withoutUs
  const gainThem = withThem - withoutThem
  return {
    ...common,
    beliefs: { us: pUs, them: pThem },
    us: { without: withoutUs, with: withUs, gain: gainUs },
    them: { without: withoutThem, with: withThem, gain: gainThem },
    jointValue: gainUs > 1e-9 && gainThem > 1e-9,
  }
}

/**
 * Whether the bet is worth proposing as it stands, in words (status and the web app's midgame say
 * the same): a joint value when both sides expect to gain; otherwise who expects to lose, and by how
 * much (once accepted, not that they are unlikely to accept it). Undefined without both sides' beliefs.
 */
export function contingencyVerdict(value: ContingencyValue): string | undefined {
  if (!value.us || !value.them) return undefined
  if (value.jointValue)
    return 'joint value: both sides expect to gain, a bet both prefer because beliefs differ'
  const us = value.us.gain
  const them = value.them.gain
  const loses = (gain: number) => gain < -1e-9
  if (loses(us) && loses(them)) return 'no joint value: both sides expect to lose by it'
  if (loses(them))
    return `no joint value: by our estimate of their belief they expect to lose ${formatPoints(-them)} points by it, ${value.accepted ? 'yet they accepted it (their belief may be nearer ours than we estimated)' : 'so as it stands they are unlikely to accept'}`
  if (loses(us)) return `no joint value: we expect to lose ${formatPoints(-us)} points by it`
  return 'no joint value: at least one side expects nothing from it'
}
