/**
 * Offers and their answers: an offer of one or more bundles, their choice or ranking of its
 * bundles, and their rejection (with a counter, or without). Each answer is to the latest offer;
 * what they chose, ranked or countered becomes the bundle on the table and, with the bundles they
 * were offered, an observation of their priorities. A single bundle we offer is our latest
 * position; the bundle they pick from a set is both sides'; their counter is theirs.
 */

import type { Terms } from '../../model/plan'
import { type PathProblem, type PathSegment, pathError } from '../../model/problem'
import { type Offer, termsOf } from '../../scoring/offer'
import type { Space } from '../../scoring/space'
import { changedIssues, positionOf, withPosition } from '../positions'
import type { NegotiationState, OfferedBundle, OfferRecord, TableBundle } from '../replay'
import { applyTerms, readBundle } from '../terms'
import type { EventHandler } from './handler'

/**
 * What a counter that names only what they changed is read against: the bundle on the table, unless
 * a set of ours of several bundles awaits their answer (nothing chosen, ranked, countered or conceded
 * since it was sent): then only they can say which of its bundles they changed (or name every issue).
 * A table from before that set is not it: they are answering the set.
 */
export function counterBase(state: NegotiationState): TableBundle | undefined {
  if (!state.offers.at(-1) || setAwaitsAnswer(state)) return undefined
  return state.table
}

/**
 * What moves a round past our latest offer: their answer to it (a choice, a ranking or a rejection),
 * or a move of ours that changes the question (a concession, a contingency proposed or accepted, the
 * agreement). Notes and stated interests do not.
 */
const PAST_THE_OFFER: ReadonlySet<string> = new Set([
  'bundle-chosen',
  'bundles-ranked',
  'offer-rejected',
  'concession',
  'contingency-proposed',
  'contingency-accepted',
  'agreed',
])

/**
 * Whether our latest offer still waits for their answer: sent, and nothing since that answers it or
 * moves past it (`PAST_THE_OFFER`). The one notion the coach (present the set, or not), the reality
 * test (are the set's bundles still in play) and the web app (may another set be sent) share.
 */
export function offerAwaitsAnswer(state: Pick<NegotiationState, 'applied' | 'offers' | 'agreed'>): boolean {
  const latest = state.offers.at(-1)
  if (!latest || state.agreed) return false
  const at = state.applied.findIndex((event) => event.id === latest.eventId)
  return !state.applied.slice(at + 1).some((event) => PAST_THE_OFFER.has(event.type))
}

/**
 * The labels of our latest offer's bundles still in play: every one while it waits for their answer;
 * after it, only the one the table still is (their pick, untouched since); none once agreed.
 */
export function latestBundlesInPlay(
  state: Pick<NegotiationState, 'applied' | 'offers' | 'agreed' | 'table'>,
): string[] {
  const latest = state.offers.at(-1)
  if (!latest || state.agreed) return []
  if (offerAwaitsAnswer(state)) return latest.bundles.map((bundle) => bundle.label)
  const table = state.table?.offer.levelIndex
  return latest.bundles
    .filter(
      (bundle) => table !== undefined && bundle.offer.levelIndex.every((level, i) => level === table[i]),
    )
    .map((bundle) => bundle.label)
}

/** Whether our latest offer is a set of several bundles with nothing chosen, ranked, countered or conceded since. */
export function setAwaitsAnswer(state: Pick<NegotiationState, 'offers' | 'ourPositionFrom'>): boolean {
  const latest = state.offers.at(-1)
  return latest !== undefined && latest.bundles.length > 1 && state.ourPositionFrom === undefined
}

function noOffer(at: PathSegment[]): PathProblem[] {
  return [pathError('no_offer', at, 'no offer has been sent yet: record an offer-sent event first')]
}

function labelIndex(offer: OfferRecord, label: string): number {
  return offer.bundles.findIndex((bundle) => bundle.label === label)
}

/**
 * An event's bundles read against the plan, each with its label (`unlabelled(k)` when it has none),
 * or the problems at their paths: a level the plan does not have, a label used twice in `what`.
 */
export function readOfferedBundles(
  space: Space,
  written: readonly { label?: string | undefined; name?: string | undefined; terms: Terms }[],
  unlabelled: (k: number) => string,
  what: string,
): { problems: PathProblem[]; bundles: OfferedBundle[] } {
  const problems: PathProblem[] = []
  const bundles: OfferedBundle[] = []
  const labels = new Set<string>()
  written.forEach((bundle, k) => {
    const label = bundle.label ?? unlabelled(k)
    if (labels.has(label))
      problems.push(
        pathError('duplicate_label', ['bundles', k, 'label'], `label '${label}' is used twice in ${what}`),
      )
    labels.add(label)
    const read = readBundle(space, bundle.terms, ['bundles', k, 'terms'])
    if (!read.ok) problems.push(...read.errors)
    else
      bundles.push({
        label,
        ...(bundle.name ? { name: bundle.name } : {}),
        offer: read.offer,
        terms: termsOf(space, read.offer),
      })
  })
  return { problems, bundles }
}

export const offerSent: EventHandler<'offer-sent'> = (space, state, event) => {
  // Unlabelled bundles are A, B, C... by position.
  const { problems, bundles } = readOfferedBundles(
    space,
    event.bundles,
    (k) => String.fromCharCode(65 + k),
    'this offer',
  )
  if (problems.length > 0) return problems
  state.offers.push({ eventId: event.id, round: event.round, bundles })
  const single = bundles.length === 1 ? bundles[0] : undefined
  if (single) {
    state.table = { offer: single.offer, terms: single.terms, source: 'offer', eventId: event.id }
    state.ourPosition = positionOf(space, single.offer)
    state.ourPositionFrom = single.label
  } else state.ourPositionFrom = undefined
  state.counter = undefined
  return []
}

export const bundleChosen: EventHandler<'bundle-chosen'> = (space, state, event) => {
  const latest = state.offers.at(-1)
  if (!latest) return noOffer(['label'])
  const k = labelIndex(latest, event.label)
  const chosen = latest.bundles[k]
  if (!chosen)
    return [
      pathError(
        'unknown_label',
        ['label'],
        `the latest offer has no bundle '${event.label}' (it has ${latest.bundles.map((b) => b.label).join(', ')})`,
      ),
    ]
  state.table = { offer: chosen.offer, terms: chosen.terms, source: 'choice', eventId: event.id }
  // The bundle they pick from our set is where both sides now stand.
  state.ourPosition = positionOf(space, chosen.offer)
  state.ourPositionFrom = chosen.label
  state.theirPosition = positionOf(space, chosen.offer)
  // A choice from one bundle says nothing about what they value.
  if (latest.bundles.length > 1) {
    state.observations.push({
      kind: 'choice',
      eventId: event.id,
      offered: latest.bundles.map((b) => b.offer),
      chosen: k,
    })
  }
  return []
}

export const bundlesRanked: EventHandler<'bundles-ranked'> = (space, state, event) => {
  const latest = state.offers.at(-1)
  if (!latest) return noOffer(['order'])
  const problems: PathProblem[] = []
  const order: number[] = []
  event.order.forEach((label, position) => {
    const k = labelIndex(latest, label)
    if (k < 0)
      problems.push(
        pathError('unknown_label', ['order', position], `the latest offer has no bundle '${label}'`),
      )
    else if (order.includes(k))
      problems.push(pathError('duplicate_label', ['order', position], `'${label}' is ranked twice`))
    else order.push(k)
  })
  if (problems.length > 0) return problems
  const top = latest.bundles[order[0] ?? 0]
  if (!top) throw new Error('a ranking of the latest offer names none of its bundles')
  state.table = { offer: top.offer, terms: top.terms, source: 'choice', eventId: event.id }
  state.ourPosition = positionOf(space, top.offer)
  state.ourPositionFrom = top.label
  state.theirPosition = positionOf(space, top.offer)
  state.observations.push({
    kind: 'ranking',
    eventId: event.id,
    offered: latest.bundles.map((b) => b.offer),
    order,
  })
  return []
}

export const offerRejected: EventHandler<'offer-rejected'> = (space, state, event) => {
  const latest = state.offers.at(-1)
  if (!latest) return noOffer([])
  if (!event.counter) return []
  const problems: PathProblem[] = []
  const offered = latest.bundles
  const complete = readBundle(space, event.counter.terms, ['counter', 'terms'])
  let counter: Offer | undefined = complete.ok ? complete.offer : undefined
  if (!counter) {
    // A counter may name only what they changed: on the bundle on the table, unless a set awaits.
    const base = counterBase(state)?.offer
    if (base) {
      const moved = applyTerms(space, base, event.counter.terms, ['counter', 'terms'])
      if (moved.ok) counter = moved.offer
      else problems.push(...moved.errors)
    } else if (!complete.ok) {
      problems.push(
        ...complete.errors.map((error) =>
          error.code === 'missing_issue'
            ? { ...error, message: `${error.message}; a counter to several bundles must name every issue` }
            : error,
        ),
      )
    }
  }
  if (problems.length > 0 || !counter) return problems
  const terms = termsOf(space, counter)
  if (state.ourPositionFrom === undefined) {
    // They countered our set without choosing from it: we stood on the bundle they moved least from.
    const least = leastChanged(space, offered, counter)
    state.ourPosition = positionOf(space, least.offer)
    state.ourPositionFrom = least.label
  }
  state.counter = {
    eventId: event.id,
    offer: counter,
    terms,
    against: { label: state.ourPositionFrom, offer: withPosition(space, counter, state.ourPosition) },
  }
  state.table = { offer: counter, terms, source: 'counter', eventId: event.id }
  state.theirPosition = positionOf(space, counter)
  state.observations.push({
    kind: 'counter',
    eventId: event.id,
    offered: offered.map((b) => b.offer),
    counter,
  })
  return []
}

/** The bundle of a set that a counter changes on the fewest issues (the first of them on a tie). */
function leastChanged(space: Space, offered: readonly OfferedBundle[], counter: Offer): OfferedBundle {
  let best: OfferedBundle | undefined
  let fewest = Number.POSITIVE_INFINITY
  for (const bundle of offered) {
    const changed = changedIssues(space, bundle.offer, counter).length
    if (changed < fewest) {
      best = bundle
      fewest = changed
    }
  }
  if (!best) throw new Error('a counter answers an offer with no bundles')
  return best
}
