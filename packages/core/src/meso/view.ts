/**
 * The MESO set as the command line's `--json` and the server's API both give it: chosen under what
 * the journal has taught us when there is one, or a failure that says what to change.
 */

import { BELIEF_SAMPLES, thinBeliefs } from '../inference/beliefs'
import type { Posterior } from '../inference/posterior'
import type { Space } from '../scoring/space'
import { type MesoFailure, type MesoOptions, type MesoSet, meso } from './meso'

export interface MesoView {
  target: number
  tolerance: number
  bundles: MesoSet['bundles']
  informativeness: number
  model: MesoSet['model']
}

export type MesoViewResult =
  | { ok: true; set: MesoSet; view: MesoView }
  | { ok: false; failure: MesoFailure; view: { ok: false } & MesoFailure }

/**
 * `learned`: the posterior from the journal; with it (and at least one event behind it) the set is
 * chosen under what their moves have taught us rather than under the plan's estimate alone.
 */
export function mesoView(
  space: Space,
  options: Omit<MesoOptions, 'beliefs'> = {},
  learned?: Posterior,
): MesoViewResult {
  const result = meso(space, {
    ...options,
    ...(learned ? { beliefs: thinBeliefs(learned.beliefs, BELIEF_SAMPLES) } : {}),
  })
  if (!result.ok) return { ok: false, failure: result.failure, view: { ok: false, ...result.failure } }
  const { set } = result
  return {
    ok: true,
    set,
    view: {
      target: set.target,
      tolerance: set.tolerance,
      bundles: set.bundles,
      informativeness: set.informativeness,
      model: set.model,
    },
  }
}
