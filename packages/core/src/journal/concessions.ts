/**
 * The concession log, as the method's artifact: item | we give | we get | value to us / to them |
 * trigger or contingency. For every concession: what the give cost us, what the get earned us, the
 * net value to us and to them (under our current estimate of their weights), whether it was
 * reciprocated, and the running balance. Flags the method's warnings: a gift (a give with no get),
 * a get worth less to us than the give cost, and a run of one-way concessions; and a "give" that
 * in fact improves our utility (probably recorded the wrong way round). With a money issue
 * named as the plan's `numeraire`, each value is also given in that issue's unit.
 *
 * Each half is measured from where its side last stood, never from the table: a give from our
 * latest position (the last single bundle we offered, the bundle they chose or ranked first from
 * our latest set, or our last concession on the issue), a get from theirs (their counter or pick,
 * moved by later gets; the table where they have taken none). After their counter the table is
 * *their* counter, so meeting them halfway (34 → 32 when they said 31) is a give of what 34 → 32
 * costs us, not a gain of what 31 → 32 earns.
 */
import { type TheirValue, theirShares, theirValueOf } from '../inference/estimate'
import type { Terms } from '../model/plan'
import { type Offer, utilityOf } from '../scoring/offer'
import { type Space, scoreLevel } from '../scoring/space'
import type { ConcessionRecord } from './replay'

export type ConcessionFlag = 'gift' | 'get_worth_less' | 'one_way_run' | 'give_gains_us' | 'get_costs_us'

/**
 * Each flag in words, the same wherever it is shown: a short label (the command line's log, the web
 * app's badge) and why it is raised (the web app's explanation, the internal documents' log).
 */
export const CONCESSION_FLAG_WORDS: Record<ConcessionFlag, { label: string; why: string }> = {
  gift: { label: 'gift', why: 'a give with no get' },
  get_worth_less: { label: 'uneven', why: 'the get is worth less to us than the give cost' },
  one_way_run: { label: 'one-way run', why: 'gifts in a row: the next give needs an ask' },
  give_gains_us: {
    label: 'give gains us',
    why: 'the "give" improves our position: recorded the wrong way round?',
  },
  get_costs_us: {
    label: 'get costs us',
    why: 'the "get" lowers our position: a second give, or recorded the wrong way round?',
  },
}

export interface MoneyValues {
  unit: string
  giveCostUs: number
  getValueUs: number
  valueUs: number
  valueThem: number
}

export interface ConcessionLine {
  eventId: string
  round: number
  give: Terms
  get: Terms
  trigger?: string
  /**
   * U_us lost by our give, in points: U_us of our latest position minus U_us of that position with
   * the give applied. Negative when the "give" in fact improves our position.
   */
  giveCostUs: number
  /**
   * U_us gained by their get, in points: U_us of their latest position with the get applied minus
   * U_us of their latest position (their counter or pick; the table where they have taken none).
   */
  getValueUs: number
  /** Net value to us, in points: getValueUs − giveCostUs. */
  valueUs: number
  /**
   * Net value to them, in points, under our current estimate of their weights: what our give moves
   * U_them from our latest position, plus what their get moves it from theirs.
   */
  valueThem: number
  reciprocated: boolean
  gift: boolean
  flags: ConcessionFlag[]
  /** The same values in the numeraire's unit, when the plan names one. */
  money?: MoneyValues
  /** Running sums of valueUs and valueThem, this concession included. */
  balance: { us: number; them: number }
}

/** Their utility of a bundle under the current estimate, or under bare weight shares (their scores as estimated). */
export function theirUtility(space: Space, weights: TheirValue, offer: Offer): number {
  return theirValueOf(space, weights, offer)
}

/**
 * Points of utility per unit of the numeraire, for each side: its share times the average slope of
 * that side's score over the issue's range. Undefined when the plan names none (or it is flat).
 */
function pointsPerUnit(
  space: Space,
  estimate: TheirValue,
): { us: number; them: number; unit: string } | undefined {
  const theirWeights = theirShares(estimate)
  const id = space.plan.numeraire
  const issue = id ? space.byId.get(id) : undefined
  if (!issue?.numeric || !(issue.max > issue.min)) return undefined
  const span = issue.max - issue.min
  const slope = (side: 'us' | 'them') =>
    Math.abs(scoreLevel(issue, side, issue.max) - scoreLevel(issue, side, issue.min)) / span
  let total = 0
  for (let i = 0; i < space.issues.length; i++) total += theirWeights[i] ?? 0
  const us = (space.share.us[issue.index] ?? 0) * slope('us')
  const them = ((theirWeights[issue.index] ?? 0) / (total || 1)) * slope('them')
  return us > 0 ? { us, them, unit: issue.unit } : undefined
}

/** What our give costs us, in points of our utility: from our latest position to it with the give applied. */
export function giveCost(space: Space, record: ConcessionRecord): number {
  return utilityOf(space, record.ourPosition).us - utilityOf(space, record.ourPositionAfterGive).us
}

/**
 * A gift: a give that costs us something, with no get. A give that costs us nothing is no gift;
 * more likely it was recorded the wrong way round.
 */
export function isGiftOf(record: ConcessionRecord, giveCostUs: number): boolean {
  return Object.keys(record.give).length > 0 && Object.keys(record.get).length === 0 && giveCostUs > 1e-9
}

/** Whether a concession is a gift (the method's warning), as the concession log flags it. */
export function isGift(space: Space, record: ConcessionRecord): boolean {
  return isGiftOf(record, giveCost(space, record))
}

/**
 * The log of the negotiation's concessions, in journal order, each valued from the sides' latest
 * positions (see `ConcessionLine`), with its flags and the running balance. `theirWeights` is the
 * current estimate of what they value (the same one every other figure uses).
 */
export function concessionLog(
  space: Space,
  records: readonly ConcessionRecord[],
  theirWeights: TheirValue,
): ConcessionLine[] {
  const rate = pointsPerUnit(space, theirWeights)
  let balanceUs = 0
  let balanceThem = 0
  let oneWay = 0
  const them = (offer: Offer) => theirUtility(space, theirWeights, offer)
  return records.map((record) => {
    const giveCostUs = giveCost(space, record)
    const getValueUs =
      utilityOf(space, record.theirPositionAfterGet).us - utilityOf(space, record.theirPosition).us
    const valueUs = getValueUs - giveCostUs
    const valueThem =
      them(record.ourPositionAfterGive) -
      them(record.ourPosition) +
      them(record.theirPositionAfterGet) -
      them(record.theirPosition)
    const gave = Object.keys(record.give).length > 0
    const got = Object.keys(record.get).length > 0
    const costly = giveCostUs > 1e-9
    const gift = isGiftOf(record, giveCostUs)
    const flags: ConcessionFlag[] = []
    if (gave && giveCostUs < -1e-9) flags.push('give_gains_us')
    if (got && getValueUs < -1e-9) flags.push('get_costs_us')
    if (gift) flags.push('gift')
    else if (gave && costly && getValueUs < giveCostUs - 1e-9) flags.push('get_worth_less')
    oneWay = gift ? oneWay + 1 : 0
    if (oneWay >= 2) flags.push('one_way_run')
    balanceUs += valueUs
    balanceThem += valueThem
    const line: ConcessionLine = {
      eventId: record.eventId,
      round: record.round,
      give: record.give,
      get: record.get,
      ...(record.trigger !== undefined ? { trigger: record.trigger } : {}),
      giveCostUs,
      getValueUs,
      valueUs,
      valueThem,
      reciprocated: got && getValueUs > 0,
      gift,
      flags,
      balance: { us: balanceUs, them: balanceThem },
    }
    if (rate) {
      line.money = {
        unit: rate.unit,
        giveCostUs: giveCostUs / rate.us,
        getValueUs: getValueUs / rate.us,
        valueUs: valueUs / rate.us,
        valueThem: rate.them > 0 ? valueThem / rate.them : 0,
      }
    }
    return line
  })
}
