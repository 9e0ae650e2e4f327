/**
 * `parley import`'s work, text in and plan out: a domain and two profiles (ours first) in GENIUS
 * XML or GeniusWeb JSON become a checked Parley plan whose U, for every bundle and both sides, is
 * 100 × the profile's own utility. Every problem in any of the three files is reported with its
 * file, line and what is wrong; a plan comes back only when there are none.
 */
import { formatBytes, groupThousands, LIMITS } from '../model/limits'
import type { Batna, Plan } from '../model/plan'
import { formatPath, type Problem } from '../model/problem'
import { utf8Length } from '../plan/parse'
import { planToJson, planToYaml } from '../plan/rewrite'
import { validatePlanValue } from '../plan/validate'
import { compileSpace } from '../scoring/space'
import { type GeniusDomain, readGeniusDomain, readGeniusProfile } from './genius'
import { type GeniusWebDomain, readGeniusWebDomain, readGeniusWebProfile } from './geniusweb'
import { type Read, researchProblem } from './problems'
import {
  fileStem,
  RESEARCH_FORMAT_NAMES,
  RESEARCH_LIMITS,
  type ResearchFormat,
  type Scenario,
  type ScenarioProfile,
  type ScenarioReservation,
  scenarioPlan,
} from './scenario'

export interface ResearchFile {
  text: string
  /** The file's name as the user gave it: problems name it, and a party without a name is named after it. */
  file?: string
}

export interface ResearchImportInput {
  domain: ResearchFile
  /** Our profile. */
  us: ResearchFile
  /** Theirs. */
  them: ResearchFile
}

export type ResearchImport =
  | { ok: true; plan: Plan; format: ResearchFormat; warnings: Problem[] }
  | { ok: false; errors: Problem[]; warnings: Problem[] }

/** GENIUS XML starts with `<`, GeniusWeb JSON with `{`: the text says which, whatever the file's name. */
export function researchFormatOf(text: string): ResearchFormat | undefined {
  const first = text.replace(/^\uFEFF/, '').trimStart()[0]
  return first === '<' ? 'genius' : first === '{' ? 'geniusweb' : undefined
}

function fileProblems(input: ResearchImportInput): {
  formats: (ResearchFormat | undefined)[]
  errors: Problem[]
} {
  const errors: Problem[] = []
  const files = [input.domain, input.us, input.them]
  const formats = files.map(({ text, file }) => {
    const bytes = utf8Length(text)
    if (bytes > RESEARCH_LIMITS.fileBytes) {
      errors.push(
        researchProblem(
          'too_large',
          { file },
          `is ${groupThousands(bytes)} bytes; a domain or profile may be at most ${formatBytes(RESEARCH_LIMITS.fileBytes)}`,
        ),
      )
      return undefined
    }
    const format = researchFormatOf(text)
    if (!format) {
      errors.push(
        researchProblem(
          'not_research_format',
          { file, line: 1, column: 1 },
          'is neither GENIUS XML (it would start with <) nor GeniusWeb JSON (it would start with {)',
        ),
      )
    }
    return format
  })
  const [domainFormat] = formats
  if (domainFormat) {
    formats.slice(1).forEach((format, k) => {
      if (format && format !== domainFormat) {
        errors.push(
          researchProblem(
            'mixed_formats',
            { file: files[k + 1]?.file },
            `is ${RESEARCH_FORMAT_NAMES[format]} but the domain is ${RESEARCH_FORMAT_NAMES[domainFormat]}`,
          ),
        )
      }
    })
  }
  return { formats, errors }
}

export function importResearch(input: ResearchImportInput): ResearchImport {
  const checked = fileProblems(input)
  const format = checked.formats[0]
  if (checked.errors.length > 0 || !format) return { ok: false, errors: checked.errors, warnings: [] }
  const read = format === 'genius' ? readGenius(input) : readGeniusWeb(input)
  if (!read.ok) return read
  return planOf(read.value, input, read.warnings)
}

function partyName(file: ResearchFile, fallback: string): string {
  return fileStem(file.file) ?? fallback
}

function combine(
  domain: { name: string },
  us: Read<ScenarioProfile>,
  them: Read<ScenarioProfile>,
  format: ResearchFormat,
  issues: Scenario['issues'],
  warnings: Problem[],
): Read<Scenario> {
  const all = [...warnings, ...us.warnings, ...them.warnings]
  if (!us.ok || !them.ok) {
    return {
      ok: false,
      errors: [...(us.ok ? [] : us.errors), ...(them.ok ? [] : them.errors)],
      warnings: all,
    }
  }
  return {
    ok: true,
    value: { format, name: domain.name, issues, us: us.value, them: them.value },
    warnings: all,
  }
}

function readGenius(input: ResearchImportInput): Read<Scenario> {
  const domain = readGeniusDomain(input.domain.text, input.domain.file)
  if (!domain.ok) return domain
  const profile = (file: ResearchFile, fallback: string) =>
    readGeniusProfile(file.text, domain.value, {
      ...(file.file !== undefined ? { file: file.file } : {}),
      partyName: partyName(file, fallback),
    })
  const value: GeniusDomain = domain.value
  return combine(
    value,
    profile(input.us, 'Us'),
    profile(input.them, 'Them'),
    'genius',
    value.issues.map(({ name, options }) => ({ name, options })),
    domain.warnings,
  )
}

function readGeniusWeb(input: ResearchImportInput): Read<Scenario> {
  const domain = readGeniusWebDomain(input.domain.text, input.domain.file)
  if (!domain.ok) return domain
  const profile = (file: ResearchFile, fallback: string) =>
    readGeniusWebProfile(file.text, domain.value, {
      ...(file.file !== undefined ? { file: file.file } : {}),
      partyName: partyName(file, fallback),
    })
  const value: GeniusWebDomain = domain.value
  return combine(
    value,
    profile(input.us, 'Us'),
    profile(input.them, 'Them'),
    'geniusweb',
    value.issues,
    domain.warnings,
  )
}

/** GENIUS leaves most domains' objective named `root`; the file's name says more. */
function titleOf(scenario: Scenario, input: ResearchImportInput): string {
  const name = scenario.name.trim()
  if (name !== '' && name !== 'root') return scenario.name
  return fileStem(input.domain.file) ?? `${RESEARCH_FORMAT_NAMES[scenario.format]} domain`
}

function planOf(scenario: Scenario, input: ResearchImportInput, warnings: Problem[]): ResearchImport {
  // Notes are put back last, after the reservations, where a reader of the file looks for them.
  const { notes, ...withoutNotes } = scenarioPlan(scenario, titleOf(scenario, input))
  const validation = validatePlanValue(withoutNotes)
  if (!validation.ok) {
    // The readers refuse everything a plan would; this is the last guard, not the usual path.
    const errors = validation.errors.map((problem) =>
      researchProblem(
        problem.code,
        { file: input.domain.file },
        `the plan made from it: ${formatPath(problem.at)}: ${problem.message}`,
      ),
    )
    return { ok: false, errors, warnings }
  }
  const space = compileSpace(validation.plan)
  const worth = (profile: ScenarioProfile, side: 'us' | 'them'): number | undefined => {
    const reservation = profile.reservation
    if (!reservation) return undefined
    if (reservation.kind === 'value') return 100 * reservation.value
    // GeniusWeb counts an issue a reservation bid leaves open as 0; the sum runs in the same
    // order as Parley's scoring, so the reservation is exactly the bid's U.
    let gain = 0
    space.issues.forEach((issue, i) => {
      const k = reservation.levels[i]
      if (k !== undefined) gain += issue.gain[side][k] ?? 0
    })
    return gain / space.totalWeight[side]
  }
  const batna: { us?: Batna; them?: Batna } = {}
  const usWorth = worth(scenario.us, 'us')
  const themWorth = worth(scenario.them, 'them')
  if (usWorth !== undefined && scenario.us.reservation)
    batna.us = { description: describeReservation(scenario, scenario.us.reservation), utility: usWorth }
  if (themWorth !== undefined && scenario.them.reservation)
    batna.them = { description: describeReservation(scenario, scenario.them.reservation), utility: themWorth }
  const plan: Plan = {
    ...validation.plan,
    ...(batna.us || batna.them ? { batna } : {}),
    ...(usWorth !== undefined ? { reservation: usWorth } : {}),
    ...(notes !== undefined ? { notes } : {}),
  }
  return { ok: true, plan, format: scenario.format, warnings }
}

function describeReservation(scenario: Scenario, reservation: ScenarioReservation): string {
  const format = scenario.format === 'genius' ? 'GENIUS' : 'GeniusWeb'
  // The value itself is the BATNA's utility (in points); written here too, it would not survive
  // an export and re-import digit for digit.
  if (reservation.kind === 'value') return `No agreement: the reservation value of the ${format} profile`
  const terms = scenario.issues
    .map((issue, i) => {
      const k = reservation.levels[i]
      return k === undefined ? undefined : `${issue.name}: ${issue.options[k]}`
    })
    .filter((term) => term !== undefined)
  return `No agreement: the reservation bid of the ${format} profile (${terms.join('; ')})`
}

export type ImportedPlanText = { ok: true; text: string } | { ok: false; errors: Problem[] }

/**
 * The imported plan as the file `parley import -o` writes, YAML or JSON, refused when it is larger
 * than a plan may be (LIMITS.planBytes): an import must give a plan every command then reads.
 */
export function importedPlanText(plan: Plan, format: 'yaml' | 'json', file?: string): ImportedPlanText {
  const text =
    format === 'json'
      ? planToJson(plan)
      : `# Imported by parley import. Private: it holds our weights and reservation and our estimate of theirs.\n${planToYaml(plan)}`
  const bytes = utf8Length(text)
  if (bytes > LIMITS.planBytes) {
    return {
      ok: false,
      errors: [
        researchProblem(
          'too_large',
          { file },
          `the plan would be ${groupThousands(bytes)} bytes; a plan may be at most ${formatBytes(LIMITS.planBytes)} (${groupThousands(LIMITS.planBytes)} bytes)`,
        ),
      ],
    }
  }
  return { ok: true, text }
}
