/**
 * Finding private figures and words in text meant for the other side. The counterparty view is
 * the guarantee that nothing private is rendered; this is the check on everything else people
 * write (a rule statement, an anchor rationale, a drafted message) and the instrument of the leak
 * tests. Numbers are matched as whole numbers in their usual formats — as written, rounded to a
 * whole number or one or two decimals, with thousands separators, as a percentage — never as
 * digits inside other numbers or words.
 *
 * The rule for numbers the other side sees anyway: a figure the counterparty view itself contains
 * (a level, an evidence range bound, an anchor bound, offered or agreed terms) never counts as a
 * leak, whichever private figure it resembles. A limit of 28.5 rounds to "29"; when 29 is a level on
 * the grid and the low end of the benchmark, "29" in the anchor rationale says nothing private,
 * while "28.5" still does. The match is judged by the number found, not by the figure it came from.
 */

import { groupThousands } from '../model/limits'
import type { Plan } from '../model/plan'
import type { CounterpartyView } from './counterparty-view'

export interface PrivateFigure {
  /** Where it comes from in the plan: `reservation`, `batna.us.utility`, `limits[0].value`, ... */
  field: string
  value: number | string
}

/** Every private number and private text of a plan (the fields listed in `model/private-fields.ts`). */
export function privateFigures(plan: Plan): PrivateFigure[] {
  const out: PrivateFigure[] = []
  const number = (field: string, value: unknown) => {
    if (typeof value === 'number' && Number.isFinite(value)) out.push({ field, value })
  }
  const words = (field: string, value: unknown) => {
    if (typeof value === 'string' && value.trim().length >= 3) out.push({ field, value: value.trim() })
  }
  number('reservation', plan.reservation)
  number('aspiration', plan.aspiration)
  for (const side of ['us', 'them'] as const) {
    const batna = plan.batna?.[side]
    number(`batna.${side}.utility`, batna?.utility)
    number(`batna.${side}.cost`, batna?.cost)
    words(`batna.${side}.description`, batna?.description)
    words(`batna.${side}.cost`, batna?.cost)
    words(`batna.${side}.timing`, batna?.timing)
    words(`batna.${side}.risk`, batna?.risk)
    words(`batna.${side}.improve`, batna?.improve)
  }
  const constraintValues = (field: string, value: unknown) => {
    for (const v of Array.isArray(value) ? value : [value]) {
      if (typeof v === 'number') number(field, v)
    }
  }
  plan.limits?.forEach((limit, k) => {
    constraintValues(`limits[${k}].value`, limit.value)
  })
  plan.parties.them.approvalLimits?.forEach((limit, k) => {
    constraintValues(`parties.them.approvalLimits[${k}].value`, limit.value)
    words(`parties.them.approvalLimits[${k}].approver`, limit.approver)
  })
  plan.issues.forEach((issue, k) => {
    for (const side of ['us', 'them'] as const) {
      const preference = issue[side]
      number(`issues[${k}].${side}.weight`, preference.weight)
      for (const [option, score] of Object.entries(preference.scores ?? {}))
        number(`issues[${k}].${side}.scores.${option}`, score)
      preference.points?.forEach(([, score], p) => {
        number(`issues[${k}].${side}.points[${p}]`, score)
      })
    }
    words(`issues[${k}].notes`, issue.notes)
  })
  words('notes', plan.notes)
  plan.evidence?.forEach((item, k) => {
    // Internal sources (`shareable: false`): what they say and where it comes from stay ours.
    if (item.shareable !== false) return
    words(`evidence[${k}].claim`, item.claim)
    words(`evidence[${k}].source`, item.source)
  })
  words('parties.us.notes', plan.parties.us.notes)
  const them = plan.parties.them
  words('parties.them.approvalPath', them.approvalPath)
  words('parties.them.budgetCycle', them.budgetCycle)
  words('parties.them.politics', them.politics)
  words('parties.them.notes', them.notes)
  them.stakeholders?.forEach((person, k) => {
    // A decision maker's name and role are how both sides address them (the view carries them).
    if (person.decides !== true) {
      words(`parties.them.stakeholders[${k}].name`, person.name)
      words(`parties.them.stakeholders[${k}].role`, person.role)
    }
    words(`parties.them.stakeholders[${k}].faceSaving`, person.faceSaving)
    words(`parties.them.stakeholders[${k}].notes`, person.notes)
    person.interests?.forEach((interest, i) => {
      words(`parties.them.stakeholders[${k}].interests[${i}]`, interest)
    })
  })
  return out
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}

/** The written forms of a number a person might use. */
export function numberForms(value: number): string[] {
  const forms = new Set<string>([String(value)])
  for (const digits of [0, 1, 2]) {
    const rounded = value.toFixed(digits)
    forms.add(rounded)
    // Trailing zeros after a decimal point only: 50.0 is 50, and 50 stays 50.
    if (rounded.includes('.')) forms.add(rounded.replace(/0+$/, '').replace(/\.$/, ''))
  }
  if (Math.abs(value) >= 1000) {
    forms.add(groupThousands(value))
    const [whole, fraction] = value.toFixed(2).split('.')
    if (fraction && fraction !== '00') forms.add(`${groupThousands(Number(whole))}.${fraction}`)
  }
  return [...forms].filter((form) => form !== '' && form !== '-0')
}

export interface FigureMatch {
  figure: PrivateFigure
  /** The text as found. */
  found: string
  index: number
}

/**
 * Numbers compared as the same figure when they agree to 12 significant digits, so a level computed
 * from a range (0.1 × 3) is the 0.3 written in a text; and within 1e-9 of 0 is 0, where significant
 * digits would keep float noise apart (-0.30000000000000004 + 0.3 is -5.551115123125783e-17).
 */
function numberKey(value: number): number {
  return Math.abs(value) < 1e-9 ? 0 : Number(value.toPrecision(12))
}

/** A set of numbers the other side may see, compared as `numberKey` does. */
export class ShareableNumbers {
  private readonly keys = new Set<number>()

  add(value: number): void {
    if (Number.isFinite(value)) this.keys.add(numberKey(value))
  }

  has(value: number): boolean {
    return Number.isFinite(value) && this.keys.has(numberKey(value))
  }
}

/**
 * Every number the counterparty view holds as a number: the levels of every issue, the evidence
 * ranges, the anchor's bounds, the terms of the bundles offered, on the table and agreed, contingency
 * thresholds and consequences, measure thresholds — whatever the allow-list copies. (Numbers inside
 * its texts do not count: a text is what is being checked. Nor do the anchor's evidence indexes,
 * which are positions in a list, not figures anyone reads.)
 */
export function viewNumbers(view: CounterpartyView): ShareableNumbers {
  const numbers = new ShareableNumbers()
  const walk = (value: unknown): void => {
    if (typeof value === 'number') numbers.add(value)
    else if (Array.isArray(value)) value.forEach(walk)
    else if (value !== null && typeof value === 'object') Object.values(value).forEach(walk)
  }
  walk({ ...view, anchor: view.anchor ? { ...view.anchor, evidence: [] } : null })
  return numbers
}

/** The number a matched form stands for: `1,337.50` → 1337.5. */
function numberFound(found: string): number {
  return Number(found.replaceAll(',', ''))
}

/**
 * A matcher for a set of figures, with its patterns compiled once (for checking many texts).
 * `shareable`: numbers the other side sees anyway; a match that reads as one of them is no leak.
 */
export function privateFigureMatcher(
  figures: readonly PrivateFigure[],
  options: { shareable?: ShareableNumbers } = {},
): (text: string) => FigureMatch[] {
  interface Pattern {
    figure: PrivateFigure
    pattern?: RegExp
    words?: string
  }
  const { shareable } = options
  const patterns = figures.flatMap((figure): Pattern[] => {
    if (typeof figure.value !== 'number') return [{ figure, words: figure.value.toLowerCase() }]
    // A whole number, not digits inside a longer number or a word: no letter, digit or decimal
    // point before it, and no minus sign that starts a number there ("-1" is not "1", while the
    // "35" of "29-35" is 35); no letter, digit or separator-and-digit after it. Forms the other
    // side sees anyway are not looked for at all.
    return numberForms(figure.value)
      .filter((form) => !shareable?.has(numberFound(form)))
      .map((form) => ({
        figure,
        pattern: new RegExp(`(?<![\\w.,])(?<!(?:^|[^\\w.,])-)${escapeRegExp(form)}(?![\\w]|[.,]\\d)`, 'g'),
      }))
  })
  return (text) => {
    const matches: FigureMatch[] = []
    const lower = text.toLowerCase()
    for (const { figure, pattern, words } of patterns) {
      if (pattern) {
        for (const match of text.matchAll(pattern))
          matches.push({ figure, found: match[0], index: match.index ?? 0 })
      } else if (words) {
        const index = lower.indexOf(words)
        if (index >= 0) matches.push({ figure, found: text.slice(index, index + words.length), index })
      }
    }
    return matches
  }
}
