/**
 * What every simulated negotiation on one plan shares, computed once: the requirements, our
 * reservation and BATNA, the opening target, our concession schedule, the frontier under our
 * estimate, and memo tables for the costly pure steps (posteriors and MESO sets are functions of
 * the journal alone, so counterparts whose talks start alike share them; results never depend on
 * what was remembered).
 *
 * Opening target O: our aspiration (at most the best U_us any bundle meeting the rule and our
 * limits gives), else midway between our reservation R and the best U_us among bundles meeting the
 * rule that give them their estimated BATNA — the target `parley meso` uses by default — and never
 * below R. Our schedule: tau(k) = R + (O - R)(1 - ((k-1)/(T-1))^(1/e)), k = 1..T, e = `ourExponent`.
 */
import { computeFrontier, type Frontier } from '../frontier/frontier'
import { disagreementPoint, effectiveReservation } from '../frontier/report'
import type { Posterior, PriorityLearner } from '../inference/posterior'
import { TOLERANCE } from '../model/limits'
import { type CompiledConstraint, compileRequirements, type Requirements } from '../scoring/constraints'
import type { Space } from '../scoring/space'
import type { SimulationSettings } from './settings'

/** A bounded memo table (least recently used entries go first); only for pure computations. */
export class Memo<T> {
  private readonly entries = new Map<string, T>()

  constructor(private readonly limit: number) {}

  get(key: string, make: () => T): T {
    const found = this.entries.get(key)
    if (found !== undefined) {
      this.entries.delete(key)
      this.entries.set(key, found)
      return found
    }
    const value = make()
    this.entries.set(key, value)
    if (this.entries.size > this.limit) this.entries.delete(this.entries.keys().next().value as string)
    return value
  }
}

export interface PreparedPlan {
  space: Space
  settings: SimulationSettings
  requirements: Requirements
  /** The decision rule and our limits. */
  constraints: CompiledConstraint[]
  /** Our reservation (R) and BATNA utility (d_us, 0 without one). */
  reservation: number
  batnaUs: number
  /** Opening target (O). */
  opening: number
  /** The frontier under our estimate of them, of bundles meeting the rule and our limits. */
  estimated: Frontier
  /** What the learner knows after each journal (a learner to fork, and its posterior); MESO answers by journal and target. */
  learners: Memo<{ learner: PriorityLearner; posterior: Posterior }>
  mesos: Memo<unknown>
}

export function preparePlan(space: Space, settings: SimulationSettings): PreparedPlan {
  const requirements = compileRequirements(space)
  const constraints = [...requirements.rule, ...requirements.limits]
  const reservation = effectiveReservation(space)
  const estimatedResult = computeFrontier(space, { constraints })
  const estimated = estimatedResult.ok ? estimatedResult.frontier : epsilonFrontier(space, constraints)
  const bestUs = estimated.size > 0 ? (estimated.us[0] ?? 0) : reservation
  let opening: number
  if (space.plan.aspiration !== undefined) opening = Math.min(space.plan.aspiration, bestUs)
  else {
    const ruleOnly = computeFrontier(space, { constraints: requirements.rule })
    const frontier = ruleOnly.ok ? ruleOnly.frontier : epsilonFrontier(space, requirements.rule)
    const theirs = disagreementPoint(space).them
    let reach = Number.NEGATIVE_INFINITY
    for (let k = 0; k < frontier.size; k++)
      if ((frontier.them[k] ?? 0) >= theirs - TOLERANCE) reach = Math.max(reach, frontier.us[k] ?? 0)
    opening = Number.isFinite(reach) ? (reservation + reach) / 2 : bestUs
  }
  return {
    space,
    settings,
    requirements,
    constraints,
    reservation,
    batnaUs: disagreementPoint(space).us,
    opening: Math.max(reservation, opening),
    estimated,
    learners: new Memo(1024),
    mesos: new Memo(512),
  }
}

function epsilonFrontier(space: Space, constraints: readonly CompiledConstraint[]): Frontier {
  const result = computeFrontier(space, { constraints, epsilon: 0.01 })
  if (!result.ok) throw new Error(`the frontier of this plan can not be computed (${result.code})`)
  return result.frontier
}

/** Our target at step k (1 = the opening, T = the reservation) of the time-based schedule. */
export function ourTarget(prepared: PreparedPlan, step: number): number {
  const { reservation, opening, settings } = prepared
  const T = settings.deadline
  const share = T <= 1 ? 1 : Math.min(1, Math.max(0, (step - 1) / (T - 1))) ** (1 / settings.ourExponent)
  return reservation + (opening - reservation) * (1 - share)
}

/** The bundle of a frontier best for them with U_us at least `target` (the highest U_us when none reaches it). */
export function bestForThemAbove(frontier: Frontier, target: number): Int32Array | undefined {
  if (frontier.size === 0) return undefined
  // Sorted by U_us descending, so U_them ascends: the last point reaching the target is best for them.
  let k = 0
  while (k + 1 < frontier.size && (frontier.us[k + 1] ?? 0) >= target - TOLERANCE) k++
  return frontier.levels.slice(k * frontier.issueCount, (k + 1) * frontier.issueCount)
}
