/**
 * Reads GeniusWeb JSON: a domain (`{ "name", "issuesValues": { issue: { "values": [...] } } }`)
 * and `LinearAdditiveUtilitySpace` profiles on it (`issueUtilities` with `discreteutils` per
 * issue, `issueWeights`, and a `reservationBid`, or a `reservationValue` 0..1, which GeniusWeb
 * itself does not write). GeniusWeb's utility of a bid is Σ weight × value utility, with the
 * weights summing to 1 and every value utility in [0, 1]; nothing is rescaled per issue, so a
 * score here is 100 × the value utility.
 */
import type { PathSegment, Problem } from '../model/problem'
import { readSource, type SourceDocument } from '../plan/source'
import { nonNegativeNumber, quoted, quotedList, type Read, researchProblem } from './problems'
import { RESEARCH_LIMITS, type ScenarioIssue, type ScenarioProfile } from './scenario'

export interface GeniusWebDomain {
  name: string
  issues: ScenarioIssue[]
}

/** GeniusWeb requires the weights to sum to exactly 1; decimals read as binary numbers may not. */
const WEIGHT_SUM_TOLERANCE = 1e-6

interface Context {
  file: string | undefined
  source: SourceDocument
  errors: Problem[]
}

function fail(context: Context, code: string, path: readonly PathSegment[], message: string, key = false) {
  const position = context.source.locate(path, key ? 'key' : 'value')
  context.errors.push(researchProblem(code, { file: context.file, path, ...position }, message))
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function readJson(text: string, file: string | undefined): Context | Problem[] {
  const source = readSource(text, 'json', file)
  if (source.errors.length > 0) return source.errors
  return { file, source, errors: [] }
}

/** Reads a GeniusWeb domain file. */
export function readGeniusWebDomain(text: string, file?: string): Read<GeniusWebDomain> {
  const read = readJson(text, file)
  if (Array.isArray(read)) return { ok: false, errors: read, warnings: [] }
  const context = read
  const value = context.source.value
  const issuesValues = isRecord(value) ? value.issuesValues : undefined
  if (!isRecord(value) || !isRecord(issuesValues)) {
    fail(context, 'not_geniusweb', [], 'a GeniusWeb domain is an object with "issuesValues" (and a "name")')
    return { ok: false, errors: context.errors, warnings: [] }
  }
  const issues = readIssues(context, issuesValues, ['issuesValues'], 'the domain')
  if (context.errors.length > 0 || !issues) return { ok: false, errors: context.errors, warnings: [] }
  return {
    ok: true,
    value: { name: typeof value.name === 'string' ? value.name : '', issues },
    warnings: [],
  }
}

function readIssues(
  context: Context,
  issuesValues: Record<string, unknown>,
  path: readonly PathSegment[],
  what: string,
): ScenarioIssue[] | undefined {
  const names = Object.keys(issuesValues)
  if (names.length === 0) {
    fail(context, 'no_issues', path, `${what} has no issues`)
    return undefined
  }
  if (names.length > RESEARCH_LIMITS.issues) {
    fail(
      context,
      'too_many_issues',
      path,
      `${what} has ${names.length} issues; a plan may have at most ${RESEARCH_LIMITS.issues}`,
    )
    return undefined
  }
  const issues: ScenarioIssue[] = []
  for (const name of names) {
    const issuePath = [...path, name]
    if (name.trim() === '' || name.length > RESEARCH_LIMITS.nameLength) {
      fail(
        context,
        name.trim() === '' ? 'no_name' : 'too_long',
        issuePath,
        name.trim() === ''
          ? 'an issue has an empty name'
          : `an issue's name has ${name.length} characters; at most ${RESEARCH_LIMITS.nameLength} are allowed`,
        true,
      )
      continue
    }
    const set = issuesValues[name]
    if (isRecord(set) && 'range' in set) {
      fail(
        context,
        'not_discrete',
        issuePath,
        `issue ${quoted(name)} has a number range: only discrete value sets can be imported`,
      )
      continue
    }
    const values = isRecord(set) ? set.values : undefined
    if (!Array.isArray(values)) {
      fail(context, 'no_values', issuePath, `issue ${quoted(name)} needs "values": a list of texts`)
      continue
    }
    const options = readValues(context, values, [...issuePath, 'values'], name)
    if (options) issues.push({ name, options })
  }
  return issues
}

function readValues(
  context: Context,
  values: readonly unknown[],
  path: readonly PathSegment[],
  issue: string,
): string[] | undefined {
  if (values.length === 0) {
    fail(context, 'no_items', path, `issue ${quoted(issue)} has no values`)
    return undefined
  }
  if (values.length > RESEARCH_LIMITS.itemsPerIssue) {
    fail(
      context,
      'too_many_items',
      path,
      `issue ${quoted(issue)} has ${values.length} values; an issue may have at most ${RESEARCH_LIMITS.itemsPerIssue}`,
    )
    return undefined
  }
  const seen = new Set<string>()
  const options: string[] = []
  values.forEach((value, k) => {
    if (typeof value !== 'string' || value === '') {
      fail(context, 'not_text', [...path, k], `a value of issue ${quoted(issue)} must be a non-empty text`)
      return
    }
    if (value.length > RESEARCH_LIMITS.labelLength) {
      fail(
        context,
        'too_long',
        [...path, k],
        `a value of issue ${quoted(issue)} has ${value.length} characters; at most ${RESEARCH_LIMITS.labelLength} are allowed`,
      )
      return
    }
    if (seen.has(value)) {
      fail(
        context,
        'duplicate_item',
        [...path, k],
        `issue ${quoted(issue)} lists value ${quoted(value)} twice`,
      )
      return
    }
    seen.add(value)
    options.push(value)
  })
  return options
}

/** Keys of `record` against the names expected: unknown ones and missing ones are errors. */
function matchKeys(
  context: Context,
  record: Record<string, unknown>,
  expected: readonly string[],
  path: readonly PathSegment[],
  noun: { one: string; where: string },
): boolean {
  const known = new Set(expected)
  let ok = true
  for (const key of Object.keys(record)) {
    if (!known.has(key)) {
      fail(
        context,
        'unknown_item',
        [...path, key],
        `${noun.one} ${quoted(key)} is not in ${noun.where} (${quotedList(expected)})`,
        true,
      )
      ok = false
    }
  }
  const missing = expected.filter((name) => !(name in record))
  if (missing.length > 0) {
    fail(
      context,
      'missing_item',
      path,
      `no entry for ${noun.one}${missing.length === 1 ? '' : 's'} ${quotedList(missing)}`,
    )
    ok = false
  }
  return ok
}

/** Reads a GeniusWeb LinearAdditiveUtilitySpace profile on a domain already read. */
export function readGeniusWebProfile(
  text: string,
  domain: GeniusWebDomain,
  options: { file?: string; partyName: string },
): Read<ScenarioProfile> {
  const read = readJson(text, options.file)
  if (Array.isArray(read)) return { ok: false, errors: read, warnings: [] }
  const context = read
  const root = context.source.value
  const space = isRecord(root) ? root.LinearAdditiveUtilitySpace : undefined
  if (!isRecord(root) || !isRecord(space)) {
    const kinds = isRecord(root) ? Object.keys(root) : []
    fail(
      context,
      'not_linear_additive',
      [],
      `a GeniusWeb profile here is { "LinearAdditiveUtilitySpace": {...} }${kinds.length > 0 ? `, not ${quotedList(kinds)}` : ''}`,
    )
    return { ok: false, errors: context.errors, warnings: [] }
  }
  const base: PathSegment[] = ['LinearAdditiveUtilitySpace']
  const names = domain.issues.map((issue) => issue.name)
  checkEmbeddedDomain(context, space.domain, [...base, 'domain'], domain)

  const utilities = space.issueUtilities
  const scores: number[][] = domain.issues.map((issue) => issue.options.map(() => 0))
  if (!isRecord(utilities)) fail(context, 'no_utilities', [...base], 'needs "issueUtilities", per issue')
  else if (
    matchKeys(context, utilities, names, [...base, 'issueUtilities'], { one: 'issue', where: 'the domain' })
  ) {
    domain.issues.forEach((issue, i) => {
      const path = [...base, 'issueUtilities', issue.name]
      const entry = utilities[issue.name]
      if (isRecord(entry) && 'numberutils' in entry) {
        fail(
          context,
          'not_discrete',
          path,
          `issue ${quoted(issue.name)} has number utilities: only discrete ones can be imported`,
        )
        return
      }
      const valueUtilities =
        isRecord(entry) && isRecord(entry.discreteutils) ? entry.discreteutils.valueUtilities : undefined
      if (!isRecord(valueUtilities)) {
        fail(
          context,
          'no_utilities',
          path,
          `issue ${quoted(issue.name)} needs { "discreteutils": { "valueUtilities": {...} } }`,
        )
        return
      }
      const valuesPath = [...path, 'discreteutils', 'valueUtilities']
      if (
        !matchKeys(context, valueUtilities, issue.options, valuesPath, {
          one: 'value',
          where: `issue ${quoted(issue.name)} of the domain`,
        })
      )
        return
      issue.options.forEach((option, k) => {
        const utility = readUtility(
          context,
          valueUtilities[option],
          [...valuesPath, option],
          `the utility of value ${quoted(option)} of issue ${quoted(issue.name)}`,
        )
        const row = scores[i]
        if (utility !== undefined && row) row[k] = 100 * utility
      })
    })
  }

  const weights = readWeights(context, space.issueWeights, [...base, 'issueWeights'], names)
  const reservation = readReservation(context, space, base, domain)
  if (context.errors.length > 0 || !weights) return { ok: false, errors: context.errors, warnings: [] }
  const name = typeof space.name === 'string' && space.name.trim() !== '' ? space.name : options.partyName
  return {
    ok: true,
    value: { name, weights, scores, ...(reservation ? { reservation } : {}) },
    warnings: [],
  }
}

function readUtility(
  context: Context,
  raw: unknown,
  path: readonly PathSegment[],
  what: string,
): number | undefined {
  if (typeof raw !== 'number') {
    fail(context, 'not_a_number', path, `${what} must be a number from 0 to 1`)
    return undefined
  }
  const number = nonNegativeNumber(raw, what)
  if (!number.ok) {
    fail(context, number.code, path, number.message)
    return undefined
  }
  if (number.value > 1) {
    fail(context, 'too_large', path, `${what} is ${raw}; GeniusWeb value utilities run from 0 to 1`)
    return undefined
  }
  return number.value
}

function readWeights(
  context: Context,
  raw: unknown,
  path: readonly PathSegment[],
  names: readonly string[],
): number[] | undefined {
  if (!isRecord(raw)) {
    fail(context, 'no_weights', path, 'needs "issueWeights": a weight per issue')
    return undefined
  }
  if (!matchKeys(context, raw, names, path, { one: 'issue', where: 'the domain' })) return undefined
  const before = context.errors.length
  const weights = names.map((name) => {
    const value = raw[name]
    const what = `the weight of issue ${quoted(name)}`
    if (typeof value !== 'number') {
      fail(context, 'not_a_number', [...path, name], `${what} must be a number`)
      return 0
    }
    const number = nonNegativeNumber(value, what)
    if (!number.ok) {
      fail(context, number.code, [...path, name], number.message)
      return 0
    }
    if (number.value === 0) {
      fail(
        context,
        'zero_weight',
        [...path, name],
        `${what} is 0: in a Parley plan every issue counts for both sides (weights are positive); remove the issue from the domain and both profiles, or give it a small weight`,
      )
    }
    return number.value
  })
  if (context.errors.length > before) return undefined
  let sum = 0
  for (const weight of weights) sum += weight
  if (Math.abs(sum - 1) > WEIGHT_SUM_TOLERANCE) {
    fail(context, 'weights_sum', path, `the weights sum to ${sum}; GeniusWeb requires them to sum to 1`)
    return undefined
  }
  return weights
}

function readReservation(
  context: Context,
  space: Record<string, unknown>,
  base: readonly PathSegment[],
  domain: GeniusWebDomain,
): ScenarioProfile['reservation'] {
  const bid = space.reservationBid
  const value = space.reservationValue
  if (bid !== undefined && bid !== null && value !== undefined) {
    fail(
      context,
      'two_reservations',
      [...base, 'reservationValue'],
      'give a reservationBid or a reservationValue, not both',
      true,
    )
    return undefined
  }
  if (value !== undefined) {
    const utility = readUtility(context, value, [...base, 'reservationValue'], 'the reservation value')
    return utility === undefined ? undefined : { kind: 'value', value: utility }
  }
  if (bid === undefined || bid === null) return undefined
  const path = [...base, 'reservationBid', 'issuevalues']
  const issueValues = isRecord(bid) ? bid.issuevalues : undefined
  if (!isRecord(issueValues)) {
    fail(
      context,
      'bad_bid',
      [...base, 'reservationBid'],
      'a reservation bid is { "issuevalues": { issue: value } }',
    )
    return undefined
  }
  const byName = new Map(domain.issues.map((issue, i) => [issue.name, i]))
  const levels: (number | undefined)[] = domain.issues.map(() => undefined)
  for (const [name, chosen] of Object.entries(issueValues)) {
    const i = byName.get(name)
    const issue = i === undefined ? undefined : domain.issues[i]
    if (i === undefined || !issue) {
      fail(context, 'unknown_issue', [...path, name], `issue ${quoted(name)} is not in the domain`, true)
      continue
    }
    const k = typeof chosen === 'string' ? issue.options.indexOf(chosen) : -1
    if (k < 0) {
      fail(
        context,
        'unknown_item',
        [...path, name],
        `${quoted(String(chosen))} is not a value of issue ${quoted(name)} (${quotedList(issue.options)})`,
      )
      continue
    }
    levels[i] = k
  }
  return { kind: 'bid', levels }
}

/** A profile carries a copy of its domain; one that differs from the domain file is refused. */
function checkEmbeddedDomain(
  context: Context,
  embedded: unknown,
  path: readonly PathSegment[],
  domain: GeniusWebDomain,
): void {
  if (embedded === undefined) return
  const issuesValues = isRecord(embedded) ? embedded.issuesValues : undefined
  if (!isRecord(issuesValues)) {
    fail(context, 'bad_domain', path, 'the profile\'s "domain" has no "issuesValues"')
    return
  }
  const names = domain.issues.map((issue) => issue.name)
  if (
    !matchKeys(context, issuesValues, names, [...path, 'issuesValues'], {
      one: 'issue',
      where: 'the domain file',
    })
  )
    return
  for (const issue of domain.issues) {
    const set = issuesValues[issue.name]
    const values = isRecord(set) && Array.isArray(set.values) ? set.values : []
    // The same values, in any order: GeniusWeb compares value sets, not lists.
    const options = new Set(issue.options)
    const same =
      values.length === options.size &&
      new Set(values).size === options.size &&
      values.every((value) => typeof value === 'string' && options.has(value))
    if (!same) {
      fail(
        context,
        'domain_mismatch',
        [...path, 'issuesValues', issue.name],
        `issue ${quoted(issue.name)} has other values here than in the domain file (${quotedList(issue.options)})`,
      )
    }
  }
}
