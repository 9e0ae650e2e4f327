/**
 * The learning run: how well Parley's posterior finds a counterpart's true weights. R MESO sets
 * (`parley meso` with the journal so far, at its default target), each answered by the
 * counterpart — a ranking of the set by default, or a single pick — with nothing closed in
 * between. The error after k answers is e_k = sum_i |mean_i - w_i|, the L1 distance between the
 * posterior mean weight shares and the true shares (0 to 2); e_0 is the prior's. A round with no
 * set to offer leaves the error where it was.
 */
import type { Random } from '../random'
import { logitRanking } from './counterpart'
import { SimulatedJournal, termsOfLevels } from './journal'
import type { PreparedPlan } from './prepared'
import type { AnswerKind } from './settings'
import { parleyOffer, recordAnswer } from './strategies'
import { type CounterpartTruth, trueUtility } from './truth'

export function learningRun(
  prepared: PreparedPlan,
  truth: CounterpartTruth,
  rounds: number,
  answers: AnswerKind,
  random: Random,
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
  const errors = [error()]
  for (let round = 1; round <= rounds; round++) {
    const bundles = parleyOffer(prepared, journal)
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
    errors.push(error())
  }
  return errors
}
