/**
 * Starters for an app that has form fields: the starter plan with its `<...>` blanks left empty, and
 * the blank's text kept as a hint for the empty field. `parley init` writes the placeholders into the
 * file because a text editor has nowhere else to put them; a form does (an input's placeholder), so
 * a plan created there stores only what the user gave, never the template's words as if they were
 * answers. The plan stays valid, so it opens at once and every stage works on it: the title and
 * both names are asked for (the other required texts belong to list items — a stakeholder, an
 * evidence item — which are left out until the user adds them).
 */
import type { Context, Plan } from '../model/plan'
import { formatPath, type PathSegment } from '../model/problem'
import { holdsPlaceholder } from '../plan/placeholders'
import { starterPlan } from './starters'

/** What the form asked for: the title, and the two sides' names. */
export interface StarterNames {
  title: string
  /** Our name; "Us" when not given (the domain's word for our side, not a blank to fill). */
  us?: string
  /** Their name; "Them" when not given. */
  them?: string
}

/**
 * The context's starter with the given names and every blank left out: optional texts holding a
 * placeholder are absent, stakeholders and evidence whose name or claim is a placeholder are not
 * listed (the anchor's references to evidence follow), list entries holding one are dropped. The
 * numbers, issues and rules of the starter stay: they are plausible defaults, not blanks.
 */
export function blankStarterPlan(context: Context, names: StarterNames): Plan {
  const plan = starterPlan(context)
  const them = plan.parties.them
  const stakeholders = them.stakeholders?.filter((person) => !holdsPlaceholder(person.name))
  const keptEvidence = (plan.evidence ?? []).flatMap((item, index) =>
    holdsPlaceholder(item.claim) ? [] : [index],
  )
  const anchorEvidence = plan.anchor?.evidence?.flatMap((index) => {
    const kept = keptEvidence.indexOf(index)
    return kept < 0 ? [] : [kept]
  })
  // Lists left empty are left out, as a plan without them would be written.
  const listed = <T>(list: T[] | undefined) => (list && list.length > 0 ? list : undefined)
  const blanked: Plan = {
    ...plan,
    title: names.title,
    parties: {
      us: { ...plan.parties.us, name: names.us?.trim() || 'Us' },
      them: { ...them, name: names.them?.trim() || 'Them', stakeholders: listed(stakeholders) },
    },
    evidence: listed(keptEvidence.flatMap((index) => plan.evidence?.[index] ?? [])),
    ...(plan.anchor ? { anchor: { ...plan.anchor, evidence: listed(anchorEvidence) } } : {}),
  }
  return withoutBlanks(blanked) as Plan
}

/**
 * The value with every text holding a placeholder left out, and the lists or maps that leaves empty
 * dropped (one empty as written, like the unanswered `applicability: {}`, stays).
 */
function withoutBlanks(value: unknown): unknown {
  if (Array.isArray(value)) {
    const kept = value
      .filter((item) => !(typeof item === 'string' && holdsPlaceholder(item)))
      .map(withoutBlanks)
      .filter((item) => item !== undefined)
    return kept.length > 0 || value.length === 0 ? kept : undefined
  }
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value).flatMap(([key, item]) => {
      if (typeof item === 'string' && holdsPlaceholder(item)) return []
      const kept = withoutBlanks(item)
      return kept === undefined ? [] : [[key, kept] as const]
    })
    return entries.length > 0 || Object.keys(value).length === 0 ? Object.fromEntries(entries) : undefined
  }
  return value
}

const hintsByContext = new Map<Context, Map<string, string>>()

/**
 * The starter's text for an empty field, as a hint ("Economic buyer", "who signs, in which order"),
 * or undefined when the starter has none there. A hint is every starter text that
 * {@link blankStarterPlan} leaves out or replaces, written without its angle brackets: the brackets
 * mark a blank in a file, and an input's placeholder is already one.
 */
export function starterHint(context: Context, at: readonly PathSegment[]): string | undefined {
  let hints = hintsByContext.get(context)
  if (!hints) {
    hints = new Map()
    const blanked = blankStarterPlan(context, { title: '' })
    collectHints(starterPlan(context), blanked, [], hints)
    hintsByContext.set(context, hints)
  }
  return hints.get(formatPath(at))
}

function collectHints(
  starter: unknown,
  blanked: unknown,
  at: PathSegment[],
  hints: Map<string, string>,
): void {
  if (typeof starter === 'string') {
    if (starter !== blanked) hints.set(formatPath(at), starter.replace(/<([^<>]*)>/g, '$1'))
    return
  }
  const inside = (key: PathSegment) =>
    blanked !== null && typeof blanked === 'object'
      ? (blanked as Record<PathSegment, unknown>)[key]
      : undefined
  if (Array.isArray(starter)) {
    for (const [index, item] of starter.entries()) collectHints(item, inside(index), [...at, index], hints)
  } else if (starter !== null && typeof starter === 'object')
    for (const [key, item] of Object.entries(starter)) collectHints(item, inside(key), [...at, key], hints)
}
