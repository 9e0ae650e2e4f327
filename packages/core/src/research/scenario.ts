/**
 * A research scenario — one domain and two linear additive profiles, read from GENIUS XML or
 * GeniusWeb JSON — and how it becomes a Parley plan. The readers apply their format's semantics
 * and hand over scores already in points, so the plan's U is 100 × the profile's own utility for
 * every bundle; this module only names things, derives issue ids and fills in the plan.
 */
import { LIMITS } from '../model/limits'
import type { Plan } from '../model/plan'

export type ResearchFormat = 'genius' | 'geniusweb'

export const RESEARCH_FORMAT_NAMES: Record<ResearchFormat, string> = {
  genius: 'GENIUS XML',
  geniusweb: 'GeniusWeb JSON',
}

/**
 * Limits on the files read, consistent with the plan format's (LIMITS): an XML file says in about
 * four times the bytes what a plan says, so a domain or profile may be four times a plan's size;
 * issues and items per issue are the plan's own limits, labels the length of a plan's option.
 */
export const RESEARCH_LIMITS = {
  fileBytes: 4 * LIMITS.planBytes,
  issues: LIMITS.issues,
  itemsPerIssue: LIMITS.levelsPerIssue,
  /** Longest option label (an option of a plan is at most this long). */
  labelLength: 200,
  /** Longest issue name (a plan's texts are at most this long). */
  nameLength: LIMITS.textLength,
} as const

export interface ScenarioIssue {
  /** The name in the domain, kept exactly. */
  name: string
  /** The item (GENIUS) or value (GeniusWeb) labels, kept exactly, in the domain's order. */
  options: string[]
}

export type ScenarioReservation =
  /** A reservation value in the profile's own utility, 0..1. */
  | { kind: 'value'; value: number }
  /** A reservation bid: one option index per issue (undefined where the bid leaves an issue open). */
  | { kind: 'bid'; levels: (number | undefined)[] }

export interface ScenarioProfile {
  /** The party's name: the profile's own name, else its file's name. */
  name: string
  /** One positive weight per issue, in the domain's order, as written (Parley normalises them). */
  weights: number[]
  /** Per issue, per option: the score in points, 0..100, with the format's semantics applied. */
  scores: number[][]
  reservation?: ScenarioReservation
}

export interface Scenario {
  format: ResearchFormat
  /** The domain's name. */
  name: string
  issues: ScenarioIssue[]
  us: ScenarioProfile
  them: ScenarioProfile
}

/** `data/adg_deal.xml` → `adg_deal`; the file's name without folders or extension. */
export function fileStem(file: string | undefined): string | undefined {
  if (file === undefined) return undefined
  const base = file.split(/[\\/]/).pop() ?? file
  const dot = base.lastIndexOf('.')
  const stem = dot > 0 ? base.slice(0, dot) : base
  return stem === '' ? undefined : stem
}

const ID_LENGTH = 64

/**
 * Issue ids from issue names, valid (`[a-z][a-z0-9_-]*`, at most 64 characters) and unique:
 * accents dropped, everything else outside a-z and 0-9 becomes `_` (`CD player` → `cd_player`),
 * a name not starting with a letter gets `issue_` before it (`0000-0300` → `issue_0000-0300`),
 * and a clash gets `_2`, `_3`, ... The name itself stays in the issue's `name`.
 */
export function issueIds(names: readonly string[]): string[] {
  const taken = new Set<string>()
  return names.map((name) => {
    let base = name
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z0-9-]+/g, '_')
      .replace(/^[_-]+|[_-]+$/g, '')
    if (base === '') base = 'issue'
    else if (!/^[a-z]/.test(base)) base = `issue_${base}`
    base = base.slice(0, ID_LENGTH)
    let id = base
    for (let n = 2; taken.has(id); n++) {
      const suffix = `_${n}`
      id = `${base.slice(0, ID_LENGTH - suffix.length)}${suffix}`
    }
    taken.add(id)
    return id
  })
}

/** The unit every imported issue gets: GENIUS and GeniusWeb issues have labels, not units. */
export const IMPORTED_UNIT = 'option'

/**
 * The plan for a scenario, before reservations are placed (they may need the compiled plan to
 * score a reservation bid; see `import.ts`). The result is checked by the plan's own validation.
 */
export function scenarioPlan(scenario: Scenario, title: string): Plan {
  const ids = issueIds(scenario.issues.map((issue) => issue.name))
  const format = RESEARCH_FORMAT_NAMES[scenario.format]
  return {
    parley: 1,
    title,
    context: 'custom',
    parties: { us: { name: scenario.us.name }, them: { name: scenario.them.name } },
    issues: scenario.issues.map((issue, i) => ({
      id: ids[i] ?? `issue_${i + 1}`,
      name: issue.name,
      unit: IMPORTED_UNIT,
      options: [...issue.options],
      us: { weight: scenario.us.weights[i] ?? 0, scores: scoresOf(issue, scenario.us.scores[i]) },
      them: { weight: scenario.them.weights[i] ?? 0, scores: scoresOf(issue, scenario.them.scores[i]) },
    })),
    notes:
      `Imported from ${format} (a domain and two linear additive profiles; the first is ours). ` +
      (scenario.format === 'genius'
        ? "As GENIUS reads them, each issue's evaluations are divided by the issue's highest, so scores are 100 × evaluation / highest"
        : 'As GeniusWeb reads them, scores are 100 × the value utilities') +
      ", and weights are normalised: a bundle's utility here is 100 × its utility in the profile.",
  }
}

// Object.fromEntries makes own properties for every label, `__proto__` included.
function scoresOf(issue: ScenarioIssue, scores: readonly number[] | undefined): Record<string, number> {
  return Object.fromEntries(issue.options.map((option, k) => [option, scores?.[k] ?? 0]))
}
