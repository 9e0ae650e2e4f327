/**
 * `parley export --as genius`: a plan as a GENIUS domain and two utility-space profiles, ours and
 * our estimate of theirs (so the files are internal only). Every level becomes an item (a range's
 * grid points too), its score the item's evaluation, and the weights are written normalised.
 *
 * GENIUS divides each issue's evaluations by the issue's highest, so a plan whose issues each
 * have a level scoring 100 for a side (or score 0 throughout) is written exactly: GENIUS's utility
 * of every bundle is U / 100. Otherwise no GENIUS profile can hold U itself; the weights are then
 * written in proportion to weight × best score, which gives GENIUS's utility = k × U / 100 with
 * one factor k per side (reported, with a warning): every comparison of bundles, the frontier
 * and the bargaining points stay the same.
 */
import type { Plan } from '../model/plan'
import { formatPath, type PathSegment, type Problem } from '../model/problem'
import { levelKey } from '../plan/levels'
import { compileSpace, type Space } from '../scoring/space'
import { NEGLIGIBLE_MAXIMUM } from './genius'
import { quoted, researchProblem } from './problems'

export const GENIUS_FILE_NAMES = {
  domain: 'domain.xml',
  us: 'profile-us.xml',
  them: 'profile-them.xml',
} as const

export interface GeniusFiles {
  domain: string
  us: string
  them: string
}

export type GeniusExport =
  | {
      ok: true
      files: GeniusFiles
      /** Per side, GENIUS's utility of a bundle is `scale` × U / 100 (1 when written exactly). */
      scale: { us: number; them: number }
      warnings: Problem[]
    }
  | { ok: false; errors: Problem[] }

/** Weights summing this close to 1 are written as they are, so an imported plan exports unchanged. */
const NORMALISED = 1e-9

/**
 * Whether XML 1.0 can hold the text: no control character but tab, line feed and carriage return
 * (not even as a character reference), no U+FFFE or U+FFFF, and no half of a surrogate pair.
 */
function isXmlText(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i)
    if (code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0d) return false
    if (code === 0xfffe || code === 0xffff) return false
    if (code >= 0xd800 && code <= 0xdbff) {
      const next = text.charCodeAt(i + 1)
      if (!(next >= 0xdc00 && next <= 0xdfff)) return false
      i++
    } else if (code >= 0xdc00 && code <= 0xdfff) return false
  }
  return true
}

function escapeAttribute(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/\t/g, '&#9;')
    .replace(/\n/g, '&#10;')
    .replace(/\r/g, '&#13;')
}

function attributes(pairs: readonly (readonly [string, string | number])[]): string {
  return pairs.map(([name, value]) => ` ${name}="${escapeAttribute(String(value))}"`).join('')
}

interface SideWriting {
  /** Per issue, per level: the evaluation written. */
  evaluations: number[][]
  weights: number[]
  scale: number
  /** Issues whose best level scores between 0 and 100 for this side. */
  shortOfHundred: { name: string; best: number }[]
}

/**
 * One side's weights and evaluations. The evaluations are the scores; the weights are w_i × b_i
 * normalised, with b_i the issue's best score (100 for an issue scoring 0 throughout, whose weight
 * then only pads the total as it does in the plan).
 */
function writeSide(space: Space, side: 'us' | 'them'): SideWriting {
  const shortOfHundred: SideWriting['shortOfHundred'] = []
  const best = space.issues.map((issue) => {
    const highest = Math.max(...issue.score[side])
    if (highest > 0 && highest < 100) shortOfHundred.push({ name: issue.name, best: highest })
    return highest > 0 ? highest : 100
  })
  const evaluations = space.issues.map((issue, i) => {
    const scores = Array.from(issue.score[side])
    const highest = best[i] ?? 100
    // So small a best would make GENIUS score the issue 0: write it scaled (GENIUS divides by the best anyway).
    return highest < NEGLIGIBLE_MAXIMUM ? scores.map((score) => (score / highest) * 100) : scores
  })
  const raw = space.issues.map((issue) => issue.preference[side].weight)
  const total = raw.reduce((sum, weight) => sum + weight, 0)
  if (shortOfHundred.length === 0) {
    const weights = Math.abs(total - 1) <= NORMALISED ? raw : raw.map((weight) => weight / total)
    return { evaluations, weights, scale: 1, shortOfHundred }
  }
  const products = raw.map((weight, i) => weight * (best[i] ?? 100))
  const sum = products.reduce((acc, value) => acc + value, 0)
  return {
    evaluations,
    weights: products.map((value) => value / sum),
    scale: (100 * total) / sum,
    shortOfHundred,
  }
}

/** Names GENIUS can tell apart: a name two issues share gets the issue's id after it. */
function issueNames(space: Space): { names: string[]; warnings: Problem[] } {
  const counts = new Map<string, number>()
  for (const issue of space.issues) counts.set(issue.name, (counts.get(issue.name) ?? 0) + 1)
  const warnings: Problem[] = []
  const names = space.issues.map((issue) => {
    if ((counts.get(issue.name) ?? 0) < 2) return issue.name
    const name = `${issue.name} (${issue.id})`
    warnings.push(
      researchProblem(
        'renamed_issue',
        { path: ['issues', issue.index, 'name'] },
        `${quoted(issue.name)} names more than one issue: exported as ${quoted(name)}`,
        'warning',
      ),
    )
    return name
  })
  return { names, warnings }
}

/** The three GENIUS files for a valid plan, or why its text can not be written as XML. */
export function exportGenius(plan: Plan): GeniusExport {
  const space = compileSpace(plan)
  const errors: Problem[] = []
  const check = (text: string, path: readonly PathSegment[]) => {
    if (!isXmlText(text)) {
      errors.push(
        researchProblem(
          'not_xml_text',
          { path },
          `holds a control character (or a broken surrogate pair) that XML can not hold: ${formatPath(path)} can not be exported to GENIUS`,
        ),
      )
    }
  }
  check(plan.title, ['title'])
  check(plan.parties.us.name, ['parties', 'us', 'name'])
  check(plan.parties.them.name, ['parties', 'them', 'name'])
  space.issues.forEach((issue) => {
    check(issue.name, ['issues', issue.index, 'name'])
    issue.levels.forEach((level, k) => {
      check(levelKey(level), [
        'issues',
        issue.index,
        issue.kind === 'range' ? 'range' : 'options',
        ...(issue.kind === 'range' ? [] : [k]),
      ])
    })
  })
  if (errors.length > 0) return { ok: false, errors }

  const { names, warnings } = issueNames(space)
  const us = writeSide(space, 'us')
  const them = writeSide(space, 'them')
  for (const [side, writing] of [
    ['us', us],
    ['them', them],
  ] as const) {
    if (writing.scale === 1) continue
    const issues = writing.shortOfHundred.map(({ name, best }) => `${quoted(name)} (best ${best})`).join(', ')
    warnings.push(
      researchProblem(
        'rescaled',
        { path: ['issues'] },
        `GENIUS divides each issue's evaluations by the issue's best, and for ${side} no level scores 100 on ${issues}: a utility GENIUS computes from ${GENIUS_FILE_NAMES[side]} is ${writing.scale} × U / 100. Comparisons of bundles, the frontier and the bargaining points are the same`,
        'warning',
      ),
    )
  }
  if ((plan.decisionRule?.require?.length ?? 0) > 0 || (plan.limits?.length ?? 0) > 0) {
    warnings.push(
      researchProblem(
        'not_exported',
        { path: [] },
        'the decision rule and our limits are not exported: a GENIUS profile holds weights, evaluations and a reservation value only',
        'warning',
      ),
    )
  }

  const reservation = (utility: number | undefined, scale: number): number | undefined => {
    if (utility === undefined) return undefined
    return scale === 1 ? utility / 100 : Math.min(1, (scale * utility) / 100)
  }
  const usReservation = reservation(plan.reservation ?? plan.batna?.us?.utility, us.scale)
  const themReservation = reservation(plan.batna?.them?.utility, them.scale)

  return {
    ok: true,
    files: {
      domain: domainXml(plan.title, space, names),
      us: profileXml(plan.title, plan.parties.us.name, space, names, us, usReservation),
      them: profileXml(plan.title, plan.parties.them.name, space, names, them, themReservation),
    },
    scale: { us: us.scale, them: them.scale },
    warnings,
  }
}

const ISSUE_KIND = [
  ['etype', 'discrete'],
  ['type', 'discrete'],
  ['vtype', 'discrete'],
] as const

function objectiveTag(title: string, description: string): string {
  return `<objective${attributes([
    ['index', 0],
    ['etype', 'objective'],
    ['type', 'objective'],
    ['description', description],
    ['name', title],
  ])}>`
}

function domainXml(title: string, space: Space, names: readonly string[]): string {
  const lines = [
    '<negotiation_template>',
    `  <utility_space${attributes([['number_of_issues', space.issues.length]])}>`,
    `    ${objectiveTag(title, '')}`,
  ]
  space.issues.forEach((issue, i) => {
    lines.push(
      `      <issue${attributes([['index', i + 1], ...ISSUE_KIND, ['name', names[i] ?? issue.name]])}>`,
    )
    issue.levels.forEach((level, k) => {
      lines.push(
        `        <item${attributes([
          ['index', k + 1],
          ['value', levelKey(level)],
        ])}></item>`,
      )
    })
    lines.push('      </issue>')
  })
  lines.push('    </objective>', '  </utility_space>', '</negotiation_template>', '')
  return lines.join('\n')
}

function profileXml(
  title: string,
  party: string,
  space: Space,
  names: readonly string[],
  writing: SideWriting,
  reservation: number | undefined,
): string {
  const lines = [
    // GENIUS ignores the name; Parley's import reads it back as the party's name.
    `<utility_space${attributes([['name', party]])}>`,
    `  ${objectiveTag(title, "Exported by Parley: internal only, it holds both sides' weights")}`,
  ]
  space.issues.forEach((issue, i) => {
    lines.push(
      `    <issue${attributes([['index', i + 1], ...ISSUE_KIND, ['name', names[i] ?? issue.name]])}>`,
    )
    issue.levels.forEach((level, k) => {
      const evaluation = writing.evaluations[i]?.[k] ?? 0
      lines.push(
        `      <item${attributes([
          ['index', k + 1],
          ['value', levelKey(level)],
          ['evaluation', evaluation],
        ])}></item>`,
      )
    })
    lines.push('    </issue>')
  })
  writing.weights.forEach((weight, i) => {
    lines.push(
      `    <weight${attributes([
        ['index', i + 1],
        ['value', weight],
      ])} />`,
    )
  })
  lines.push('  </objective>')
  if (reservation !== undefined) lines.push(`  <reservation${attributes([['value', reservation]])} />`)
  lines.push('</utility_space>', '')
  return lines.join('\n')
}
