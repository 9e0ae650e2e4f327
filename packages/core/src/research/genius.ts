/**
 * Reads GENIUS XML: a domain (`<negotiation_template>` or `<utility_space>` with one
 * `<objective>` of discrete `<issue>`s and their `<item value=...>`s) and utility-space profiles on
 * it (per issue a `<weight index value>`, per item an `evaluation`, optionally a `<reservation
 * value>`; a discount factor is ignored). Scores follow GENIUS's EvaluatorDiscrete: each issue's
 * evaluations are divided by that issue's highest (all 0 when the highest is below 0.00001), so
 * a profile's utility of a bundle is Σ (normalised weight × evaluation / highest), and its score
 * here is 100 × evaluation / highest.
 */
import type { PathSegment, Problem } from '../model/problem'
import { nonNegativeNumber, type Place, quoted, quotedList, type Read, researchProblem } from './problems'
import { RESEARCH_LIMITS, type ScenarioIssue, type ScenarioProfile } from './scenario'
import { childrenNamed, readXml, type XmlAttribute, type XmlElement } from './xml-tree'

export interface GeniusIssue extends ScenarioIssue {
  /** The number weights and profiles refer to it by: its `index`, else its position from 1. */
  number: number
  /** Where it is in the domain file, for messages about a profile that lacks it. */
  line: number
}

export interface GeniusDomain {
  /** The objective's name (`Car`); GENIUS often leaves it `root`. */
  name: string
  issues: GeniusIssue[]
}

/** GENIUS treats an issue whose highest evaluation is below this as scoring 0 everywhere. */
export const NEGLIGIBLE_MAXIMUM = 0.00001

/** Weights summing this far from 1 get a warning: GENIUS uses them as written, Parley normalises. */
const WEIGHT_SUM_TOLERANCE = 1e-6

interface Context {
  file: string | undefined
  errors: Problem[]
  warnings: Problem[]
}

function at(context: Context, element: XmlElement, path: readonly PathSegment[]): Place {
  return { file: context.file, line: element.line, column: element.column, path }
}

function atAttribute(context: Context, attribute: XmlAttribute, path: readonly PathSegment[]): Place {
  return { file: context.file, line: attribute.line, column: attribute.column, path }
}

/** The `<utility_space>` and its single `<objective>`, from a root that is either. */
function objectiveOf(
  context: Context,
  root: XmlElement,
  role: 'domain' | 'profile',
): { space: XmlElement; objective: XmlElement; path: PathSegment[] } | undefined {
  let space = root
  let path: PathSegment[] = [root.name]
  if (root.name === 'negotiation_template') {
    const spaces = childrenNamed(root, 'utility_space')
    const first = spaces[0]
    if (!first) {
      context.errors.push(
        researchProblem(
          'no_utility_space',
          at(context, root, path),
          `a GENIUS ${role} needs a <utility_space> inside <negotiation_template>`,
        ),
      )
      return undefined
    }
    space = first
    path = [...path, 'utility_space']
  } else if (root.name !== 'utility_space') {
    context.errors.push(
      researchProblem(
        'not_genius',
        at(context, root, path),
        `a GENIUS ${role} starts with <negotiation_template> or <utility_space>, not <${root.name}>`,
      ),
    )
    return undefined
  }
  const objectives = childrenNamed(space, 'objective')
  const objective = objectives[0]
  if (!objective || objectives.length > 1) {
    context.errors.push(
      researchProblem(
        objective ? 'several_objectives' : 'no_objective',
        at(context, objectives[1] ?? space, path),
        objective
          ? `has ${objectives.length} <objective>s; a GENIUS ${role} has one, holding the issues`
          : `has no <objective>; a GENIUS ${role} has one, holding the issues`,
      ),
    )
    return undefined
  }
  path = [...path, 'objective']
  for (const nested of childrenNamed(objective, 'objective')) {
    context.errors.push(
      researchProblem(
        'nested_objective',
        at(context, nested, [...path, 'objective']),
        'objectives inside the objective are not supported: only a flat list of issues can be imported',
      ),
    )
  }
  return { space, objective, path }
}

/** Refuses issues of a type other than discrete (integer and real issues are not supported). */
function checkDiscrete(
  context: Context,
  issue: XmlElement,
  path: readonly PathSegment[],
  name: string,
): boolean {
  for (const key of ['type', 'etype', 'vtype']) {
    const attribute = issue.attributes.get(key)
    if (attribute && attribute.value !== 'discrete') {
      context.errors.push(
        researchProblem(
          'not_discrete',
          atAttribute(context, attribute, path),
          `issue ${quoted(name)} is of ${key} '${attribute.value}': only discrete issues can be imported`,
        ),
      )
      return false
    }
  }
  return true
}

function readIndex(context: Context, element: XmlElement, path: readonly PathSegment[], what: string) {
  const attribute = element.attributes.get('index')
  if (!attribute) return undefined
  const value = attribute.value.trim()
  if (!/^\d{1,9}$/.test(value)) {
    context.errors.push(
      researchProblem(
        'bad_index',
        atAttribute(context, attribute, path),
        `${what} has index '${attribute.value}', which is not a whole number`,
      ),
    )
    return Number.NaN
  }
  return Number(value)
}

function readName(
  context: Context,
  element: XmlElement,
  path: readonly PathSegment[],
  what: string,
): string | undefined {
  const name = element.attributes.get('name')?.value
  if (name === undefined || name.trim() === '') {
    context.errors.push(researchProblem('no_name', at(context, element, path), `${what} has no name`))
    return undefined
  }
  if (name.length > RESEARCH_LIMITS.nameLength) {
    context.errors.push(
      researchProblem(
        'too_long',
        at(context, element, path),
        `${what} has a name of ${name.length} characters; at most ${RESEARCH_LIMITS.nameLength} are allowed`,
      ),
    )
    return undefined
  }
  return name
}

/** Reads a GENIUS domain file. */
export function readGeniusDomain(text: string, file?: string): Read<GeniusDomain> {
  const xml = readXml(text, file)
  if (!xml.ok) return { ok: false, errors: xml.errors, warnings: [] }
  const context: Context = { file, errors: [], warnings: [] }
  const found = objectiveOf(context, xml.root, 'domain')
  if (!found) return { ok: false, errors: context.errors, warnings: [] }
  const elements = childrenNamed(found.objective, 'issue')
  if (elements.length === 0) {
    context.errors.push(
      researchProblem('no_issues', at(context, found.objective, found.path), 'the domain has no issues'),
    )
  }
  if (elements.length > RESEARCH_LIMITS.issues) {
    context.errors.push(
      researchProblem(
        'too_many_issues',
        at(context, found.objective, found.path),
        `the domain has ${elements.length} issues; a plan may have at most ${RESEARCH_LIMITS.issues}`,
      ),
    )
    return { ok: false, errors: context.errors, warnings: [] }
  }
  const issues: GeniusIssue[] = []
  const byName = new Map<string, GeniusIssue>()
  const byNumber = new Map<number, GeniusIssue>()
  elements.forEach((element, k) => {
    const path = [...found.path, 'issue', k]
    const name = readName(context, element, path, `issue ${k + 1}`)
    if (name === undefined) return
    const index = readIndex(context, element, path, `issue ${quoted(name)}`)
    if (!checkDiscrete(context, element, path, name)) return
    const options = readItems(context, element, path, name)
    const issue: GeniusIssue = {
      name,
      options,
      number: index ?? k + 1,
      line: element.line,
    }
    const twin = byName.get(name)
    if (twin) {
      context.errors.push(
        researchProblem(
          'duplicate_issue',
          at(context, element, path),
          `names issue ${quoted(name)} twice (also on line ${twin.line})`,
        ),
      )
      return
    }
    const sameNumber = byNumber.get(issue.number)
    if (sameNumber && !Number.isNaN(issue.number)) {
      context.errors.push(
        researchProblem(
          'duplicate_index',
          at(context, element, path),
          `issue ${quoted(name)} has index ${issue.number}, as issue ${quoted(sameNumber.name)} does (line ${sameNumber.line})`,
        ),
      )
      return
    }
    byName.set(name, issue)
    byNumber.set(issue.number, issue)
    issues.push(issue)
  })
  if (context.errors.length > 0) return { ok: false, errors: context.errors, warnings: [] }
  return {
    ok: true,
    value: { name: found.objective.attributes.get('name')?.value ?? '', issues },
    warnings: [],
  }
}

function readItems(
  context: Context,
  issue: XmlElement,
  path: readonly PathSegment[],
  name: string,
): string[] {
  const items = childrenNamed(issue, 'item')
  if (items.length === 0) {
    context.errors.push(
      researchProblem('no_items', at(context, issue, path), `issue ${quoted(name)} has no items`),
    )
    return []
  }
  if (items.length > RESEARCH_LIMITS.itemsPerIssue) {
    context.errors.push(
      researchProblem(
        'too_many_items',
        at(context, issue, path),
        `issue ${quoted(name)} has ${items.length} items; an issue may have at most ${RESEARCH_LIMITS.itemsPerIssue}`,
      ),
    )
    return []
  }
  const seen = new Map<string, number>()
  const options: string[] = []
  items.forEach((item, j) => {
    const itemPath = [...path, 'item', j]
    const value = itemValue(context, item, itemPath, name)
    if (value === undefined) return
    const twin = seen.get(value)
    if (twin !== undefined) {
      context.errors.push(
        researchProblem(
          'duplicate_item',
          at(context, item, itemPath),
          `issue ${quoted(name)} lists item ${quoted(value)} twice (also on line ${twin})`,
        ),
      )
      return
    }
    seen.set(value, item.line)
    options.push(value)
  })
  return options
}

function itemValue(
  context: Context,
  item: XmlElement,
  path: readonly PathSegment[],
  issue: string,
): string | undefined {
  const value = item.attributes.get('value')?.value
  if (value === undefined || value === '') {
    context.errors.push(
      researchProblem('no_value', at(context, item, path), `an item of issue ${quoted(issue)} has no value`),
    )
    return undefined
  }
  if (value.length > RESEARCH_LIMITS.labelLength) {
    context.errors.push(
      researchProblem(
        'too_long',
        at(context, item, path),
        `an item of issue ${quoted(issue)} has a value of ${value.length} characters; at most ${RESEARCH_LIMITS.labelLength} are allowed`,
      ),
    )
    return undefined
  }
  return value
}

/**
 * Reads a GENIUS profile on a domain already read. `file` names it in problems; `partyName` is
 * the party's name when the profile gives none (a `name` on its <utility_space>, as Parley's
 * export writes; GENIUS ignores it).
 */
export function readGeniusProfile(
  text: string,
  domain: GeniusDomain,
  options: { file?: string; partyName: string },
): Read<ScenarioProfile> {
  const xml = readXml(text, options.file)
  if (!xml.ok) return { ok: false, errors: xml.errors, warnings: [] }
  const context: Context = { file: options.file, errors: [], warnings: [] }
  const found = objectiveOf(context, xml.root, 'profile')
  if (!found) return { ok: false, errors: context.errors, warnings: [] }
  const { space, objective, path } = found
  const spacePath = path.slice(0, -1)

  // Each domain issue's evaluations, by item, as written.
  const evaluations = new Map<GeniusIssue, Map<string, number>>()
  const domainByName = new Map(domain.issues.map((issue) => [issue.name, issue]))
  const seenOn = new Map<GeniusIssue, number>()
  childrenNamed(objective, 'issue').forEach((element, k) => {
    const issuePath = [...path, 'issue', k]
    const name = readName(context, element, issuePath, `issue ${k + 1}`)
    if (name === undefined) return
    const issue = domainByName.get(name)
    if (!issue) {
      context.errors.push(
        researchProblem(
          'unknown_issue',
          at(context, element, issuePath),
          `issue ${quoted(name)} is not in the domain (its issues: ${quotedList(domain.issues.map((i) => i.name))})`,
        ),
      )
      return
    }
    const twin = seenOn.get(issue)
    if (twin !== undefined) {
      context.errors.push(
        researchProblem(
          'duplicate_issue',
          at(context, element, issuePath),
          `names issue ${quoted(name)} twice (also on line ${twin})`,
        ),
      )
      return
    }
    seenOn.set(issue, element.line)
    if (!checkDiscrete(context, element, issuePath, name)) return
    const index = readIndex(context, element, issuePath, `issue ${quoted(name)}`)
    if (index !== undefined && !Number.isNaN(index)) {
      // GENIUS finds an issue's evaluator and weight by index: a profile numbering an issue
      // differently from its domain would be read against another issue.
      if (index !== issue.number) {
        context.errors.push(
          researchProblem(
            'index_mismatch',
            at(context, element, issuePath),
            `issue ${quoted(name)} has index ${index} here but ${issue.number} in the domain`,
          ),
        )
        return
      }
    }
    evaluations.set(issue, readEvaluations(context, element, issuePath, issue))
  })
  for (const issue of domain.issues) {
    if (!seenOn.has(issue)) {
      context.errors.push(
        researchProblem(
          'missing_issue',
          at(context, objective, path),
          `has no issue ${quoted(issue.name)}, which the domain has (line ${issue.line})`,
        ),
      )
    }
  }

  const weights = readWeights(context, objective, path, domain)
  const reservation = readReservation(context, [space, objective], spacePath, path)
  warnOfDiscount(context, [space, objective], spacePath, path)
  if (context.errors.length > 0) return { ok: false, errors: context.errors, warnings: context.warnings }

  const scores = domain.issues.map((issue) => {
    const values = evaluations.get(issue) ?? new Map<string, number>()
    return geniusScores(issue.options.map((option) => values.get(option) ?? 0))
  })
  const name = space.attributes.get('name')?.value
  return {
    ok: true,
    value: {
      name: name !== undefined && name.trim() !== '' ? name : options.partyName,
      weights: domain.issues.map((issue) => weights.get(issue) ?? 0),
      scores,
      ...(reservation !== undefined ? { reservation: { kind: 'value', value: reservation } } : {}),
    },
    warnings: context.warnings,
  }
}

/**
 * GENIUS's reading of one issue's evaluations, in points: each divided by the highest (0 when the
 * highest is below 0.00001). The highest scores exactly 100, and evaluations already in points
 * (highest 100) are kept as written, so a Parley export reads back unchanged.
 */
export function geniusScores(evaluations: readonly number[]): number[] {
  const highest = Math.max(...evaluations)
  if (!(highest >= NEGLIGIBLE_MAXIMUM)) return evaluations.map(() => 0)
  return evaluations.map((value) =>
    value === highest ? 100 : highest === 100 ? value : (value / highest) * 100,
  )
}

function readEvaluations(
  context: Context,
  element: XmlElement,
  path: readonly PathSegment[],
  issue: GeniusIssue,
): Map<string, number> {
  const values = new Map<string, number>()
  // Items named here, valid or not: an item with a bad evaluation is not also "missing".
  const mentioned = new Set<string>()
  const known = new Set(issue.options)
  childrenNamed(element, 'item').forEach((item, j) => {
    const itemPath = [...path, 'item', j]
    const value = itemValue(context, item, itemPath, issue.name)
    if (value === undefined) return
    if (!known.has(value)) {
      context.errors.push(
        researchProblem(
          'unknown_item',
          at(context, item, itemPath),
          `item ${quoted(value)} is not an item of issue ${quoted(issue.name)} in the domain (its items: ${quotedList(issue.options)})`,
        ),
      )
      return
    }
    if (mentioned.has(value)) {
      context.errors.push(
        researchProblem(
          'duplicate_item',
          at(context, item, itemPath),
          `issue ${quoted(issue.name)} lists item ${quoted(value)} twice`,
        ),
      )
      return
    }
    mentioned.add(value)
    const attribute = item.attributes.get('evaluation')
    if (!attribute) {
      context.errors.push(
        researchProblem(
          'no_evaluation',
          at(context, item, itemPath),
          `item ${quoted(value)} of issue ${quoted(issue.name)} has no evaluation`,
        ),
      )
      return
    }
    const number = nonNegativeNumber(
      attribute.value,
      `the evaluation of item ${quoted(value)} of issue ${quoted(issue.name)}`,
    )
    if (!number.ok) {
      context.errors.push(
        researchProblem(number.code, atAttribute(context, attribute, itemPath), number.message),
      )
      return
    }
    values.set(value, number.value)
  })
  const missing = issue.options.filter((option) => !mentioned.has(option))
  if (missing.length > 0) {
    context.errors.push(
      researchProblem(
        'missing_item',
        at(context, element, path),
        `issue ${quoted(issue.name)} has no evaluation for item${missing.length === 1 ? '' : 's'} ${quotedList(missing)}`,
      ),
    )
  }
  return values
}

function readWeights(
  context: Context,
  objective: XmlElement,
  path: readonly PathSegment[],
  domain: GeniusDomain,
): Map<GeniusIssue, number> {
  const byNumber = new Map(domain.issues.map((issue) => [issue.number, issue]))
  const weights = new Map<GeniusIssue, number>()
  const errorsBefore = context.errors.length
  childrenNamed(objective, 'weight').forEach((element, k) => {
    const weightPath = [...path, 'weight', k]
    const index = readIndex(context, element, weightPath, `weight ${k + 1}`)
    if (index === undefined) {
      context.errors.push(
        researchProblem(
          'no_index',
          at(context, element, weightPath),
          'a weight needs the index of its issue',
        ),
      )
      return
    }
    if (Number.isNaN(index)) return
    const issue = byNumber.get(index)
    if (!issue) {
      context.errors.push(
        researchProblem(
          'unknown_issue',
          at(context, element, weightPath),
          `weight for index ${index}, which no issue of the domain has`,
        ),
      )
      return
    }
    if (weights.has(issue)) {
      context.errors.push(
        researchProblem(
          'duplicate_weight',
          at(context, element, weightPath),
          `issue ${quoted(issue.name)} (index ${index}) has two weights`,
        ),
      )
      return
    }
    const attribute = element.attributes.get('value')
    if (!attribute) {
      context.errors.push(
        researchProblem(
          'no_value',
          at(context, element, weightPath),
          `the weight of issue ${quoted(issue.name)} has no value`,
        ),
      )
      return
    }
    const number = nonNegativeNumber(attribute.value, `the weight of issue ${quoted(issue.name)}`)
    if (!number.ok) {
      context.errors.push(
        researchProblem(number.code, atAttribute(context, attribute, weightPath), number.message),
      )
      return
    }
    if (number.value === 0) {
      context.errors.push(
        researchProblem(
          'zero_weight',
          atAttribute(context, attribute, weightPath),
          `the weight of issue ${quoted(issue.name)} is 0: in a Parley plan every issue counts for both sides (weights are positive); remove the issue from the domain and both profiles, or give it a small weight`,
        ),
      )
      return
    }
    weights.set(issue, number.value)
  })
  const failed = context.errors.length > errorsBefore
  const missing = domain.issues.filter((issue) => !weights.has(issue))
  if (missing.length > 0 && !failed) {
    const names = missing.map((issue) => `${quoted(issue.name)} (index ${issue.number})`).join(', ')
    context.errors.push(
      researchProblem(
        'missing_weight',
        at(context, objective, path),
        `no weight for issue${missing.length === 1 ? '' : 's'} ${names}`,
      ),
    )
  }
  if (missing.length === 0 && !failed) {
    let sum = 0
    for (const value of weights.values()) sum += value
    if (Math.abs(sum - 1) > WEIGHT_SUM_TOLERANCE) {
      context.warnings.push(
        researchProblem(
          'weights_sum',
          at(context, objective, path),
          `the weights sum to ${sum}, not 1: Parley normalises them (GENIUS would use them as written, so its utilities would be ${sum} times these)`,
          'warning',
        ),
      )
    }
  }
  return weights
}

/** The reservation value, 0..1, from `<reservation value>` in the utility space (or its objective). */
function readReservation(
  context: Context,
  holders: readonly XmlElement[],
  spacePath: readonly PathSegment[],
  objectivePath: readonly PathSegment[],
): number | undefined {
  const found = holders.flatMap((holder, h) =>
    childrenNamed(holder, 'reservation').map(
      (element) => [element, [...(h === 0 ? spacePath : objectivePath), 'reservation']] as const,
    ),
  )
  const [first, second] = found
  if (!first) return undefined
  if (second) {
    context.errors.push(
      researchProblem(
        'duplicate_reservation',
        at(context, second[0], second[1]),
        'has two reservation values',
      ),
    )
    return undefined
  }
  const [element, path] = first
  const attribute = element.attributes.get('value')
  if (!attribute) {
    context.errors.push(
      researchProblem('no_value', at(context, element, path), 'the reservation has no value'),
    )
    return undefined
  }
  const number = nonNegativeNumber(attribute.value, 'the reservation value')
  if (!number.ok) {
    context.errors.push(researchProblem(number.code, atAttribute(context, attribute, path), number.message))
    return undefined
  }
  if (number.value > 1) {
    context.errors.push(
      researchProblem(
        'too_large',
        atAttribute(context, attribute, path),
        `the reservation value is ${attribute.value}; utilities run from 0 to 1`,
      ),
    )
    return undefined
  }
  return number.value
}

/** A discount factor is ignored (plans have no deadline); one that would discount says so. */
function warnOfDiscount(
  context: Context,
  holders: readonly XmlElement[],
  spacePath: readonly PathSegment[],
  objectivePath: readonly PathSegment[],
): void {
  holders.forEach((holder, h) => {
    for (const element of childrenNamed(holder, 'discount_factor')) {
      const raw = element.attributes.get('value')?.value
      const value = raw === undefined ? Number.NaN : Number(raw.trim())
      // GENIUS treats a factor outside (0, 1) as no discount at all.
      if (value > 0 && value < 1) {
        context.warnings.push(
          researchProblem(
            'discount_ignored',
            at(context, element, [...(h === 0 ? spacePath : objectivePath), 'discount_factor']),
            `the discount factor ${raw} is ignored: a plan's utilities do not shrink with time`,
            'warning',
          ),
        )
      }
    }
  })
}
