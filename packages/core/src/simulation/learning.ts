/**
 * The learning run: how well Parley's posterior finds a counterpart's true weights. R MESO sets
 * (`parley meso` with the journal so far, at its default target), each answered by the
 * counterpart — a ranking of the set by default, or a single pick — with nothing closed in
 * between. The error after k answers is e_k = sum_i |mean_i - w_i|, the L1 distance between the
 * posterior mean weight shares and the true shares (0 to 2); e_0 is the plan's estimate's (what every view
 * shows before the first move, and the prior's centre).
 *
 * When `parley meso` finds no set, the run does what its message tells the user to do: after
 * `below-their-pick`, it asks again at the suggested target; when too few bundles lie within the
 * tolerance, it widens the tolerance step by step (2, 3, 4, 5, 7.5, 10 points); when none of those
 * helps ("try another target"), it moves the target by twice the tolerance, up to three steps
 * either way (lower first: lower for us leaves more room for them). Without this, most
 * third rounds offered nothing (every set at the default target was a step back from their pick)
 * and the run measured two answers, not three. A round with still no set leaves the error where it was.
 */
import { type MesoViewResult, mesoView } from '../meso/view'
import type { Random } from '../random'
import { readOffer } from '../scoring/offer'
import { logitRanking } from './counterpart'
import { SimulatedJournal, termsOfLevels } from './journal'
import type { PreparedPlan } from './prepared'
import type { AnswerKind } from './settings'
import { recordAnswer } from './strategies'
import { type CounterpartTruth, trueUtility } from './truth'

/** Tolerances the run widens to, in points, when too few bundles lie within the set's tolerance. */
const WIDER = [3, 4, 5, 7.5, 10]

/** The MESO set `parley meso` gives for the journal, following its advice when it finds none (see the header). */
export function learningOffer(prepared: PreparedPlan, journal: SimulatedJournal): Int32Array[] {
  const { space, settings } = prepared
  const posterior = journal.posterior()
  const learned = journal.events.length > 0 ? posterior : undefined
  const ask = (count: number, tolerance: number, target?: number) =>
    prepared.mesos.get(`learn|${journal.key}|${target ?? 'default'}|${count}|${tolerance}`, () =>
      mesoView(
        space,
        { count, tolerance, ...(target !== undefined ? { target } : {}) },
        learned,
        journal.state,
      ),
    ) as MesoViewResult
  const read = (result: MesoViewResult) =>
    result.ok
      ? result.set.bundles.map((bundle) => {
          const offer = readOffer(space, bundle.terms)
          if (!offer.ok) throw new Error('a MESO bundle does not read back')
          return Int32Array.from(offer.offer.levelIndex)
        })
      : undefined
  for (let count = settings.mesoCount; count >= 2; count--) {
    let target: number | undefined
    for (const tolerance of [
      settings.mesoTolerance,
      ...WIDER.filter((value) => value > settings.mesoTolerance),
    ]) {
      let result = ask(count, tolerance)
      if (
        !result.ok &&
        result.failure.code === 'below-their-pick' &&
        typeof result.failure.suggestedTarget === 'number'
      )
        result = ask(count, tolerance, result.failure.suggestedTarget)
      target ??= result.ok ? undefined : result.failure.target
      const bundles = read(result)
      if (bundles) return bundles
    }
    // "Try another --target": a few steps of the tolerance on either side of the default.
    if (target === undefined) continue
    for (const step of [-1, 1, -2, 2, -3, 3]) {
      const bundles = read(ask(count, settings.mesoTolerance, target + step * 2 * settings.mesoTolerance))
      if (bundles) return bundles
    }
  }
  return []
}

/** A set the learning run offered and the counterpart's answer to it (its order of the set, best first). */
export interface LearningAnswer {
  /** 1..R. */
  round: number
  bundles: Int32Array[]
  order: number[]
}

export function learningRun(
  prepared: PreparedPlan,
  truth: CounterpartTruth,
  rounds: number,
  answers: AnswerKind,
  random: Random,
  /** Called with each set and its answer, as recorded (the oracle's bound learns from the same). */
  onAnswer?: (answer: LearningAnswer) => void,
): number[] {
  const { space } = prepared
  const journal = new SimulatedJournal(prepared)
  const error = () => {
    const posterior = journal.posterior()
    let total = 0
    for (const issue of space.issues)
      total += Math.abs((posterior.issues[issue.id]?.mean ?? 0) - (truth.weights[issue.index] ?? 0))
    return total
  }
  // e_0 is the plan's estimate's error: what every view shows before the first move (the prior's
  // centre; the prior's own mean lies a little off it, by how its readings spread).
  let estimateError = 0
  for (const issue of space.issues)
    estimateError += Math.abs((space.share.them[issue.index] ?? 0) - (truth.weights[issue.index] ?? 0))
  const errors = [estimateError]
  for (let round = 1; round <= rounds; round++) {
    const bundles = learningOffer(prepared, journal)
    if (bundles.length < 2) {
      errors.push(errors.at(-1) ?? 0)
      continue
    }
    const labels = bundles.map((_, k) => String.fromCharCode(65 + k))
    journal.add('offer-sent', {
      bundles: bundles.map((levels, k) => ({
        label: labels[k] as string,
        terms: termsOfLevels(space, levels),
      })),
    })
    const order = logitRanking(
      bundles.map((levels) => trueUtility(truth, levels)),
      prepared.settings.choiceScale,
      random,
    )
    recordAnswer(journal, labels, order, answers)
    onAnswer?.({ round, bundles, order })
    errors.push(error())
  }
  return errors
}
