/**
 * The glossary: every figure and term the web app and the command line show, in a salesperson's
 * words first (`plain`), with a one-line explanation for a hover or a tap, and the exact term an
 * expert looks for (`expert`, shown behind "Show the maths"). One source, so the app, the command
 * line and the docs never word the same figure two ways. The formatters below write a figure the
 * plain way: `plainUtility(72.4)` → `72 of 100`, `plainInformation(1.16)` → `a lot`.
 */
import type { Verdict } from '../journal/reality'
import type { Stage } from '../journal/replay'
import { formatDecimal } from '../scoring/figures'

export interface GlossaryEntry {
  /** The key the app and the command line look an entry up by. */
  term: GlossaryTerm
  /** The words on screen: `Worth to us`. */
  plain: string
  /** One line for a hover or a tap: what it means, without the maths. */
  explanation: string
  /** The exact term, for experts: `U_us (utility points, 0–100)`. */
  expert: string
}

export const FIGURE_TERMS = [
  'utility-us',
  'utility-them',
  'information',
  'nash-product',
  'nash-share',
  'joint-gain',
  'frontier',
  'disagreement',
  'batna',
  'reservation',
  'aspiration',
  'meso',
  'interval',
  'l1-error',
  'left-on-table',
] as const
export type FigureTerm = (typeof FIGURE_TERMS)[number]

/** Entry keys of the reality test's verdicts: `verdict-accept`, `verdict-counter`, `verdict-walk-away`. */
export type VerdictTerm = `verdict-${'accept' | 'counter' | 'walk-away'}`
/** Entry keys of the stages: `stage-prepare` … `stage-debrief`. */
export type StageTerm = `stage-${Stage}`
export type GlossaryTerm = FigureTerm | VerdictTerm | StageTerm

const FIGURES: Record<FigureTerm, Omit<GlossaryEntry, 'term'>> = {
  'utility-us': {
    plain: 'Worth to us',
    explanation: 'How good a deal is for us, out of 100: 100 is our best level on every issue.',
    expert: 'U_us: our utility, the weighted sum of our scores (points, 0–100)',
  },
  'utility-them': {
    plain: 'Worth to them',
    explanation: 'How good we think a deal is for them, out of 100: our estimate, never their own figure.',
    expert: 'U_them: their utility under the current estimate of their weights (points, 0–100)',
  },
  information: {
    plain: 'What we learned from their answer',
    explanation:
      'How much their answer told us about what matters to them: a lot, some or a little (a choice among three offers can tell at most a little over one yes-or-no answer).',
    expert:
      'Information gain about their weights, in bits (a choice among three tells at most log2 3 ≈ 1.58 bits)',
  },
  'nash-product': {
    plain: 'Best joint deal',
    explanation:
      'The deal that makes the most of what both sides gain over walking away, balanced so that neither gain is sacrificed to the other.',
    expert: 'Nash bargaining point: maximises (U_us − BATNA_us)(U_them − BATNA_them) on the frontier',
  },
  'nash-share': {
    plain: 'Share of the best joint deal reached',
    explanation: 'How close the deal came to the best joint deal: 100% means nothing was left on the table.',
    expert: 'Nash product of the deal over the largest Nash product on the frontier',
  },
  'joint-gain': {
    plain: 'Better for both',
    explanation: 'Another deal that is worth more to us and more to them than the one on the table.',
    expert: 'Joint gain: a frontier bundle dominating the table, chosen by the product of both gains',
  },
  frontier: {
    plain: 'Best possible deals',
    explanation: 'Deals where neither side can get more without the other getting less.',
    expert: 'Pareto frontier of the outcome space (under the decision rule when asked)',
  },
  disagreement: {
    plain: 'If nobody agrees',
    explanation: 'Where each side stands with no deal: our fallback and our estimate of theirs, out of 100.',
    expert: 'Disagreement point: (BATNA_us, BATNA_them), the origin of the Nash product',
  },
  batna: {
    plain: 'Our fallback',
    explanation: 'What we do if there is no deal, and what that is worth out of 100; theirs is our estimate.',
    expert: 'BATNA: best alternative to a negotiated agreement, with its utility',
  },
  reservation: {
    plain: 'Walk-away point',
    explanation: 'The least a deal must be worth to us; below it we walk away. Never tell them.',
    expert: 'Reservation point: our walk-away utility (private)',
  },
  aspiration: {
    plain: 'What we aim for',
    explanation: 'The value we aim to reach, out of 100; the offers we prepare start here.',
    expert: 'Aspiration: our target utility',
  },
  meso: {
    plain: 'Equal offers',
    explanation:
      'Two or three offers worth the same to us that meet the agreed rule in different ways: their choice shows what they value.',
    expert: 'MESO: multiple equivalent simultaneous offers',
  },
  interval: {
    plain: 'Likely range',
    explanation: 'Where the true figure most likely lies: we are 80% sure it is between the two ends.',
    expert: '80% credible interval (10th to 90th percentile of the posterior)',
  },
  'l1-error': {
    plain: 'How far off our estimate was',
    explanation:
      'How far our estimate of what matters to them was from what really mattered: 0 is spot on, 2 is as wrong as can be.',
    expert: 'L1 distance between estimated and true weight shares (0 to 2)',
  },
  'left-on-table': {
    plain: 'Left on the table',
    explanation:
      'How much more another deal would give them at no cost to us: value we give away without being paid for it.',
    expert: 'U_them gap to the estimated frontier at the same U_us',
  },
}

const VERDICTS: Record<Verdict, Omit<GlossaryEntry, 'term'>> = {
  accept: {
    plain: 'Can accept',
    explanation: 'Worth at least our walk-away point and our fallback, and it meets the agreed rule.',
    expert: 'Reality test verdict: accept',
  },
  counter: {
    plain: 'Counter',
    explanation: 'Not good enough as it stands, but close: answer with a trade rather than a yes.',
    expert: 'Reality test verdict: counter',
  },
  'walk away': {
    plain: 'Walk away',
    explanation: 'Worth less to us than our fallback: no deal is better than this one.',
    expert: 'Reality test verdict: walk away (below our BATNA)',
  },
}

/**
 * The method's stages as the app names them (its stage rail and page titles) and what each is for:
 * the one source of those names, read by the web app's stage pages.
 */
export const STAGE_WORDS: Record<Stage, { title: string; goal: string; expert: string }> = {
  prepare: {
    title: 'Prepare',
    goal: 'BATNA, reservation, issues and what each is worth to both sides',
    expert: 'Stage: prepare',
  },
  setup: {
    title: 'Set up',
    goal: 'Agree a decision rule and the scope of what can be traded',
    expert: 'Stage: setup',
  },
  'first-move': {
    title: 'First move',
    goal: 'Discover their interests, then offer equivalent bundles',
    expert: 'Stage: first-move',
  },
  midgame: {
    title: 'Midgame',
    goal: 'Trade, never gift; test offers against the BATNAs',
    expert: 'Stage: midgame',
  },
  close: {
    title: 'Close',
    goal: 'Measurable terms, governance and a fairness story',
    expert: 'Stage: close',
  },
  debrief: {
    title: 'Debrief',
    goal: 'What worked, the figures, lessons for next time',
    expert: 'Stage: debrief',
  },
}

function verdictTerm(verdict: Verdict): VerdictTerm {
  return `verdict-${verdict === 'walk away' ? 'walk-away' : verdict}`
}

/** Every entry, figures first, then the verdicts, then the stages in the method's order. */
export const GLOSSARY: readonly GlossaryEntry[] = [
  ...FIGURE_TERMS.map((term) => ({ term, ...FIGURES[term] })),
  ...(Object.keys(VERDICTS) as Verdict[]).map((verdict) => ({
    term: verdictTerm(verdict),
    ...VERDICTS[verdict],
  })),
  ...(Object.keys(STAGE_WORDS) as Stage[]).map((stage) => {
    const words = STAGE_WORDS[stage]
    return {
      term: `stage-${stage}` as const,
      plain: words.title,
      explanation: words.goal,
      expert: words.expert,
    }
  }),
]

const BY_TERM = new Map(GLOSSARY.map((entry) => [entry.term, entry]))

/** The entry of a term (every `GlossaryTerm` has one). */
export function glossaryEntry(term: GlossaryTerm): GlossaryEntry {
  const entry = BY_TERM.get(term)
  if (!entry) throw new Error(`no glossary entry for ${term}`)
  return entry
}

/** The entry of a reality test's verdict. */
export function verdictEntry(verdict: Verdict): GlossaryEntry {
  return glossaryEntry(verdictTerm(verdict))
}

/** The entry of a stage. */
export function stageEntry(stage: Stage): GlossaryEntry {
  return glossaryEntry(`stage-${stage}`)
}

/**
 * A utility as a salesperson says it: `72.4` → `72 of 100`. Whole points: a tenth of a point is
 * never a reason to prefer one deal to another at the table (the maths view keeps the decimal).
 */
export function plainUtility(points: number): string {
  return `${Math.round(points)} of 100`
}

/** `worth 72 of 100 to us`, `worth 55 of 100 to them`. */
export function plainWorth(points: number, side: 'us' | 'them'): string {
  return `worth ${plainUtility(points)} to ${side}`
}

/**
 * Bits of information in words. A choice among three offers tells at most log2 3 ≈ 1.58 bits, and
 * one bit is what a straight yes-or-no answer tells:
 * - `a lot` from 1 bit (at least a yes-or-no answer's worth: two-thirds of the most a choice can tell);
 * - `some` from 0.3 bits (about a fifth of that most; what a choice among offers that differ
 *   clearly to them tells);
 * - `a little` above 0.01 bits, `nothing` below (a rounding of nothing, as a repeated answer gives).
 */
export const INFORMATION_THRESHOLDS = { aLot: 1, some: 0.3, aLittle: 0.01 } as const

export type PlainInformation = 'a lot' | 'some' | 'a little' | 'nothing'

export function plainInformation(bits: number): PlainInformation {
  if (bits >= INFORMATION_THRESHOLDS.aLot) return 'a lot'
  if (bits >= INFORMATION_THRESHOLDS.some) return 'some'
  if (bits >= INFORMATION_THRESHOLDS.aLittle) return 'a little'
  return 'nothing'
}

/** `we learned a lot from their answer`, `we learned nothing new from their answer`. */
export function plainLearned(bits: number): string {
  const amount = plainInformation(bits)
  return `we learned ${amount === 'nothing' ? 'nothing new' : amount} from their answer`
}

/** A share of the best joint deal: `0.853` → `85% of the best joint deal`. */
export function plainNashShare(share: number): string {
  return `${formatDecimal(Math.round(share * 100), 0)}% of the best joint deal`
}

/**
 * Which estimate of their side a figure is under, as a salesperson says it: `our estimate` (the
 * plan's) or `our estimate after 3 moves`. The exact label is core's `estimateLabel`
 * (`est., plan`, `est., learned from 3 moves`), shown with the maths.
 */
export function plainEstimateLabel(moves: number): string {
  return moves === 0 ? 'our estimate' : `our estimate after ${moves} ${moves === 1 ? 'move' : 'moves'}`
}

/**
 * A MESO bundle's name in words: `price-optimised` → `led by Annual price` (the issue it is most
 * generous to them on, by its name), `balanced-b` → `balanced`. `issueNames` maps issue ids to
 * names; a name of another shape is kept as it is.
 */
export function plainBundleName(name: string, issueNames: Readonly<Record<string, string>>): string {
  const led = /^(.+)-optimised$/.exec(name)?.[1]
  if (led !== undefined) return `led by ${issueNames[led] ?? led}`
  if (/^balanced-[a-z0-9]+$/.test(name)) return 'balanced'
  return name
}
