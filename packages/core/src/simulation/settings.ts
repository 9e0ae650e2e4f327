/**
 * Every parameter of the simulator — the counterpart's hidden preferences, its strategy, our three
 * strategies and the learning run — with its default, in one object. `parley simulate --help`, and
 * docs/cli.md generated from it (`npm run docs`), list them from `SIMULATION_PARAMETERS` below, so
 * the documentation never drifts from the numbers the code uses.
 */

export const GENERATOR_NAMES = ['prior', 'perturbed', 'reordered'] as const
/** How a counterpart's hidden true preferences are drawn (a truth file is the fourth way). */
export type GeneratorName = (typeof GENERATOR_NAMES)[number]

export const STRATEGY_NAMES = ['parley', 'single-offer', 'split-difference'] as const
/** Our side's strategies the simulator compares. */
export type StrategyName = (typeof STRATEGY_NAMES)[number]

export const ANSWER_KINDS = ['rank', 'pick'] as const
/** How a counterpart answers a MESO set: ranking all its bundles, or picking one. */
export type AnswerKind = (typeof ANSWER_KINDS)[number]

export interface SimulationSettings {
  /** Rounds (one offer from us and one answer from them) before the talks end without agreement; both sides know it. */
  deadline: number
  /**
   * Their true BATNA utility is drawn uniformly within this many points of our estimate of it
   * (`batna.them.utility`, 0 when the plan gives none), then kept within 0..100.
   */
  batnaSpread: number
  /** `perturbed`: each estimated weight times an independent factor uniform in [low, high], renormalised; scores as estimated. */
  perturbedLow: number
  perturbedHigh: number
  /**
   * `reordered`: this share of the issues (rounded, at least two) is picked at random and their
   * estimated weights are permuted among them (never left as they were); the rest keep theirs.
   */
  reorderedShare: number
  /** `reordered`: each issue marked `them.uncertain` has its scores reversed (s -> 100 - s) with this probability. */
  reorderedReverse: number
  /** The counterpart's choice noise: logit (Gumbel) scale in points on its true utility; 0 always picks and ranks by true utility. */
  choiceScale: number
  /**
   * Its concession curve: aspiration a(t) = B + (M - B)(1 - (t/T)^(1/e)), from its best bundle M down to
   * its BATNA B at the deadline T; e < 1 concedes late (Boulware), e > 1 early (conceder), 1 linearly.
   */
  theirExponent: number
  /** Share of our concessions (the rise in its true utility of the best bundle we offer) it gives back by lowering its aspiration. */
  reciprocity: number
  /** Share of its discovery answers that are noise: issues picked and ordered at random instead of its true top issues. */
  discoveryNoise: number
  /** How many issues it ranks when asked what matters most. */
  statedIssues: number
  /** Our time-based concession: target tau(t) = R + (O - R)(1 - ((t-1)/(T-1))^(1/e)) from our opening O to our reservation R. */
  ourExponent: number
  /** Parley's MESO sets: bundles per set (2 or 3) and tolerance around the round's target, in points. */
  mesoCount: number
  mesoTolerance: number
  /**
   * Samples of the posterior Parley's learner keeps. The product keeps 2,000; half as many gives the
   * same errors within a point (20.5% against 19.9% down on the sales example) at half the cost, which
   * keeps 200 counterparts on the synthetic 10x5 plan within a minute on two cores. 2000 reproduces
   * `parley status` exactly.
   */
  posteriorSamples: number
}

/** The defaults. */
export const SIMULATION_DEFAULTS: Readonly<SimulationSettings> = {
  deadline: 10,
  batnaSpread: 10,
  perturbedLow: 0.2,
  perturbedHigh: 1.8,
  reorderedShare: 0.5,
  reorderedReverse: 0.5,
  choiceScale: 2,
  theirExponent: 0.5,
  reciprocity: 0.5,
  discoveryNoise: 0.2,
  statedIssues: 3,
  ourExponent: 1,
  mesoCount: 3,
  mesoTolerance: 2,
  posteriorSamples: 1000,
}

export interface SimulationParameter {
  name: keyof SimulationSettings
  /** One line for help texts. */
  text: string
  min: number
  max: number
  integer: boolean
}

/** Every setting with its range and a one-line description, in the order help texts list them. */
export const SIMULATION_PARAMETERS: readonly SimulationParameter[] = [
  {
    name: 'deadline',
    text: 'rounds before the talks end without agreement',
    min: 1,
    max: 100,
    integer: true,
  },
  {
    name: 'batnaSpread',
    text: 'their true BATNA: uniform within this many points of our estimate',
    min: 0,
    max: 100,
    integer: false,
  },
  {
    name: 'perturbedLow',
    text: 'perturbed: lowest factor on each estimated weight',
    min: 0.001,
    max: 100,
    integer: false,
  },
  {
    name: 'perturbedHigh',
    text: 'perturbed: highest factor on each estimated weight',
    min: 0.001,
    max: 100,
    integer: false,
  },
  {
    name: 'reorderedShare',
    text: 'reordered: share of issues whose weights are permuted among them (at least 2)',
    min: 0,
    max: 1,
    integer: false,
  },
  {
    name: 'reorderedReverse',
    text: 'reordered: probability that an issue marked uncertain has its scores reversed',
    min: 0,
    max: 1,
    integer: false,
  },
  {
    name: 'choiceScale',
    text: 'their choice noise: logit scale in points on true utility (0: always the best)',
    min: 0,
    max: 100,
    integer: false,
  },
  {
    name: 'theirExponent',
    text: 'their concession curve exponent e (<1 Boulware, concedes late; >1 conceder)',
    min: 0.01,
    max: 100,
    integer: false,
  },
  {
    name: 'reciprocity',
    text: 'share of our concessions (in their true utility) they give back',
    min: 0,
    max: 1,
    integer: false,
  },
  {
    name: 'discoveryNoise',
    text: 'share of their discovery answers that are noise',
    min: 0,
    max: 1,
    integer: false,
  },
  {
    name: 'statedIssues',
    text: 'issues they rank when asked what matters most',
    min: 2,
    max: 64,
    integer: true,
  },
  {
    name: 'ourExponent',
    text: 'our time-based concession exponent (single-offer, and the targets of parley)',
    min: 0.01,
    max: 100,
    integer: false,
  },
  { name: 'mesoCount', text: "bundles in each of Parley's MESO sets", min: 2, max: 3, integer: true },
  {
    name: 'mesoTolerance',
    text: "tolerance of Parley's MESO sets around the round's target, in points",
    min: 0.001,
    max: 100,
    integer: false,
  },
  {
    name: 'posteriorSamples',
    text: "samples of Parley's posterior over their weights (the product keeps 2000)",
    min: 100,
    max: 20_000,
    integer: true,
  },
]

/** What is wrong with some settings, one sentence each (unknown names, values out of range); empty when nothing is. */
export function settingsProblems(overrides: Readonly<Record<string, number>>): string[] {
  const problems: string[] = []
  for (const [name, value] of Object.entries(overrides)) {
    const parameter = SIMULATION_PARAMETERS.find((item) => item.name === name)
    if (!parameter) problems.push(`unknown setting '${name}'`)
    else if (
      !Number.isFinite(value) ||
      value < parameter.min ||
      value > parameter.max ||
      (parameter.integer && !Number.isInteger(value))
    )
      problems.push(
        `${name} must be ${parameter.integer ? 'a whole number' : 'a number'} from ${parameter.min} to ${parameter.max}, not ${value}`,
      )
  }
  const low = overrides.perturbedLow ?? SIMULATION_DEFAULTS.perturbedLow
  const high = overrides.perturbedHigh ?? SIMULATION_DEFAULTS.perturbedHigh
  if (low > high) problems.push(`perturbedLow (${low}) must not be above perturbedHigh (${high})`)
  return problems
}

/** The defaults with some settings replaced; throws on a problem (the edges report them first with `settingsProblems`). */
export function simulationSettings(overrides: Partial<SimulationSettings> = {}): SimulationSettings {
  const problems = settingsProblems(overrides)
  if (problems.length > 0) throw new Error(problems.join('; '))
  return { ...SIMULATION_DEFAULTS, ...overrides }
}
