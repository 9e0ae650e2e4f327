/**
 * The MESO set as the command line's `--json` and the server's API both give it: chosen under what
 * the journal has taught us when there is one, or a failure that says what to change. With the
 * journal's state, the set is never worth less to them, under the current estimate, than their pick
 * (the bundle they chose or ranked first) or a bundle we put on the table ourselves (our single
 * offer, or what our concession left there), and never repeats a set already offered.
 */

import { BELIEF_SAMPLES, thinBeliefs } from '../inference/beliefs'
import { type CurrentEstimate, currentEstimate, levelTerms } from '../inference/estimate'
import type { Posterior } from '../inference/posterior'
import type { NegotiationState, TableSource } from '../journal/replay'
import type { Space } from '../scoring/space'
import { type MesoFailure, type MesoOptions, type MesoSet, meso } from './meso'

export interface MesoView {
  target: number
  tolerance: number
  bundles: MesoSet['bundles']
  informativeness: number
  model: MesoSet['model']
  /** Which estimate `utility.them` is under: `est., plan` or `est., learned from N moves`. */
  estimate: string
}

export type MesoViewResult =
  | { ok: true; set: MesoSet; view: MesoView; estimate: CurrentEstimate }
  | {
      ok: false
      failure: MesoFailure
      view: { ok: false } & MesoFailure & {
          failure: {
            code: MesoFailure['code']
            message: string
            suggestedTarget?: number | null
            suggestedTolerance?: number
          }
        }
    }

/**
 * The bundles on the table the next set must not be worth less than to them, by where the table
 * came from, as a failure names them: their pick, and what we put there ourselves. Their counter is
 * not one: a set worth at least their counter to them would grant it, while the method answers a
 * counter with a trade.
 */
const FLOOR_NAMES: Partial<Record<TableSource, string>> = {
  choice: 'the bundle they picked',
  offer: 'our offer on the table',
  concession: 'the bundle on the table after our concession',
  contingency: 'the bundle on the table with the contingency both sides accepted',
}

/** The journal's state as MESO needs it: what their moves taught us, what was offered, what is on the table. */
export type MesoJournal = Pick<NegotiationState, 'observations' | 'offers' | 'table'>

/**
 * `learned`: the posterior from the journal; with it (and at least one event behind it) the set is
 * chosen under what their moves have taught us rather than under the plan's estimate alone.
 * `state`: the journal's replayed state; with it, U_them is the current estimate, the set is worth
 * at least the floor to them (their pick, or what we put on the table: `FLOOR_NAMES`), and no set
 * already offered is proposed again.
 */
export function mesoView(
  space: Space,
  options: Omit<MesoOptions, 'beliefs' | 'theirUtility' | 'theirTerms' | 'theirPick' | 'answered'> = {},
  learned?: Posterior,
  state?: MesoJournal,
): MesoViewResult {
  const estimate = currentEstimate(space, { observations: state?.observations ?? [] }, learned)
  const table = state?.table
  // The floor of the next set: their pick (the bundle on the table when it came from their choice
  // or ranking), or what we have already put on the table ourselves (our offer, a concession of ours,
  // or a contingency both sides accepted). A set worth less to them than either is a step back.
  const floorName = table ? FLOOR_NAMES[table.source] : undefined
  const theirPick = table && floorName ? estimate.them(table.offer) : undefined
  const answered = (state?.offers ?? [])
    .filter((offer) => offer.bundles.length > 1)
    .map((offer) => offer.bundles.map((bundle) => bundle.offer.levelIndex))
  const result = meso(space, {
    ...options,
    ...(learned ? { beliefs: thinBeliefs(learned.beliefs, BELIEF_SAMPLES) } : {}),
    theirUtility: estimate.themOfLevels,
    ...(theirPick !== undefined
      ? { theirPick, pickName: floorName, theirTerms: levelTerms(space, estimate) }
      : {}),
    answered,
  })
  if (!result.ok) {
    const { failure } = result
    return {
      ok: false,
      failure,
      view: {
        ok: false,
        ...failure,
        failure: {
          code: failure.code,
          message: failure.message,
          ...(failure.suggestedTarget !== undefined ? { suggestedTarget: failure.suggestedTarget } : {}),
          ...(failure.suggestedTolerance !== undefined
            ? { suggestedTolerance: failure.suggestedTolerance }
            : {}),
        },
      },
    }
  }
  const { set } = result
  return {
    ok: true,
    set,
    estimate,
    view: {
      target: set.target,
      tolerance: set.tolerance,
      bundles: set.bundles,
      informativeness: set.informativeness,
      model: set.model,
      estimate: estimate.label,
    },
  }
}
