/** `parley simulate`: Parley's method and two baselines against simulated counterparts whose true preferences are known. */
import {
  ANSWER_KINDS,
  type AnswerKind,
  SIMULATE_DEFAULTS,
  SIMULATION_DEFAULTS,
  SIMULATION_PARAMETERS,
  type SimulationSettings,
  settingsProblems,
} from '@parley/core'
import { InvalidArgumentError } from 'commander'
import { simulateCommand } from '../commands/simulate'
import { integerIn } from '../options'
import type { Verb } from './verb'

function answers(value: string): AnswerKind {
  if (!(ANSWER_KINDS as readonly string[]).includes(value))
    throw new InvalidArgumentError(`must be ${ANSWER_KINDS.join(' or ')}, not '${value}'`)
  return value as AnswerKind
}

/** `--set name=value`, repeatable: one setting of the counterpart model or of our strategies. */
export function setting(
  value: string,
  previous: Partial<SimulationSettings> = {},
): Partial<SimulationSettings> {
  const match = /^([A-Za-z]+)=(.+)$/.exec(value.trim())
  if (!match) throw new InvalidArgumentError(`must be NAME=VALUE (for example choiceScale=3), not '${value}'`)
  const name = match[1] as string
  const number = Number(match[2])
  const next = { ...previous, [name]: number }
  const problems = settingsProblems(next)
  if (problems.length > 0) throw new InvalidArgumentError(problems.join('; '))
  return next
}

const PARAMETERS = SIMULATION_PARAMETERS.map(
  (parameter) =>
    `  ${`${parameter.name}=${SIMULATION_DEFAULTS[parameter.name]}`.padEnd(24)} ${parameter.text}`,
).join('\n')

const HELP = `
Each counterpart has hidden true preferences (weights and scores) and a BATNA drawn around our
estimate of theirs; every strategy meets the same counterparts:
  parley            discovery, then sets chosen under the posterior learned from the journal: the
                    bundle best for them at our target under the current estimate (within a
                    point of it, the one best for us), the bundles most likely to be their best
                    under the posterior, MESO bundles; our target
                    steps down half a step only when their counter conceded (trade, don't gift);
                    the reality test decides their counter: a one-sided or lopsided one (giving
                    back under a quarter of what it takes) is answered with its proposed trade
  single-offer      one bundle a round, best for them under the plan's estimate at our target, which
                    falls on a time schedule from the opening to our reservation
  split-difference  opens like single-offer, then meets each counter halfway on every issue
Generators: prior (the learner's own prior around the estimate), perturbed (each estimated weight times a factor
drawn from [perturbedLow, perturbedHigh], renormalised), reordered (a share of the issues have their
weights permuted; issues marked uncertain reversed with a probability), or a truth file:
  issues: { price: { weight: 30, prefer: low }, support: { weight: 20, scores: { standard: 0, premium: 100 } } }
  batna: 40   # optional
The counterpart ranks what we offer by true utility plus Gumbel noise (logit, scale choiceScale), concedes
from its best bundle to its BATNA on a(t) = B + (M - B)(1 - (t/T)^(1/theirExponent)), lowered by reciprocity
times our concession, agrees to a bundle worth a(t), and otherwise counters by moving our bundle issue by
issue towards what it values. Settings (--set NAME=VALUE, repeatable), with their defaults:
${PARAMETERS}
Columns: agreement rate over all counterparts; over agreements only, rounds, U_us, U_them (true), joint
(U_us + U_them), share of the best Nash product on the true frontier of the deals we could make (bundles
meeting the rule and keeping our limits; disagreement point: both true BATNAs), distance to the nearest
true frontier point (points); posterior error e0 -> eR of the learning run (parley).
Exit codes: 0 done, 1 invalid plan, truth file or flag value, 2 bad usage.`

export const simulateVerb: Verb = (program, { context, exit }) => {
  program
    .command('simulate')
    .description(
      "plays Parley's method, a single offer and splitting the difference against simulated counterparts whose true preferences are known",
    )
    .argument('<plan>', 'plan file (.yaml, .yml or .json)')
    .option(
      '--counterparts <n>',
      `counterparts to play (default ${SIMULATE_DEFAULTS.counterparts})`,
      integerIn(1, 100_000),
    )
    .option(
      '--generator <name|file>',
      `prior, perturbed, reordered or a truth file (default ${SIMULATE_DEFAULTS.generator})`,
    )
    .option(
      '--rounds <r>',
      `MESO sets answered in the learning run (default ${SIMULATE_DEFAULTS.rounds})`,
      integerIn(1, 20),
    )
    .option(
      '--answers <kind>',
      `how they answer a set: rank or pick (default ${SIMULATE_DEFAULTS.answers})`,
      answers,
    )
    .option('--seed <s>', `the run's seed (default ${SIMULATE_DEFAULTS.seed})`, integerIn(0, 4_294_967_295))
    .option(
      '--workers <w>',
      'worker threads (default 1); the results are the same for any number',
      integerIn(1, 64),
    )
    .option('--set <name=value>', 'a setting of the model (repeatable; see below)', setting)
    .option('--json', 'machine-readable output on stdout')
    .addHelpText('after', HELP)
    .action(
      async (
        plan: string,
        options: {
          counterparts?: number
          generator?: string
          rounds?: number
          answers?: AnswerKind
          seed?: number
          workers?: number
          set?: Partial<SimulationSettings>
          json?: boolean
        },
      ) => {
        exit(await simulateCommand(context, plan, options))
      },
    )
}
