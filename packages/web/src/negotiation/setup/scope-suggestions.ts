/**
 * The workspace's tradeables library as suggestions for one plan: the entries meant for its
 * context (or for any), tradeables before lessons, the cheapest to give and most valued by them
 * first; each says whether the plan already has it as an issue. An entry taken in becomes a new
 * issue with the entry's name, unit and description, flagged tradeable (that is why it is there).
 */
import type { Issue, Plan } from '@parley/core'
import type { Amount, Tradeable } from '../../workspace/tradeable-form'
import { addIssue, newIssue } from '../prepare/issue-edits'
import { issueIdFromName } from '../prepare/issue-ids'

export interface ScopeSuggestion {
  entry: Tradeable
  /** A lesson from a debrief, or a tradeable. */
  kind: 'lesson' | 'tradeable'
  /** The name the issue would get: the entry's issue, or else its own name. */
  issueName: string
  /** The id of the plan's issue it already is, if any. */
  inPlan: string | undefined
}

const RANK: Record<Amount, number> = { low: 0, medium: 1, high: 2 }

function issueNameOf(entry: Tradeable): string {
  return (entry.issue ?? '').trim() || entry.name.trim()
}

/** The plan's issue an entry already stands for: the same name, or the id its name would get. */
function issueInPlan(plan: Plan, name: string): string | undefined {
  const wanted = name.toLowerCase()
  const id = issueIdFromName(name, [])
  return plan.issues.find((issue) => issue.name.toLowerCase() === wanted || issue.id === id)?.id
}

export function scopeSuggestions(entries: readonly Tradeable[], plan: Plan): ScopeSuggestion[] {
  const fits = entries.filter((entry) => !entry.contexts?.length || entry.contexts.includes(plan.context))
  const suggestions = fits.map((entry): ScopeSuggestion => {
    const issueName = issueNameOf(entry)
    return {
      entry,
      kind: entry.lesson ? 'lesson' : 'tradeable',
      issueName,
      inPlan: issueInPlan(plan, issueName),
    }
  })
  // Unknown amounts sort as medium: neither promoted nor buried.
  const value = (s: ScopeSuggestion) => RANK[s.entry.valueToThem ?? 'medium']
  const cost = (s: ScopeSuggestion) => RANK[s.entry.costToUs ?? 'medium']
  return suggestions.sort(
    (a, b) =>
      Number(a.kind === 'lesson') - Number(b.kind === 'lesson') ||
      value(b) - cost(b) - (value(a) - cost(a)) ||
      a.entry.name.localeCompare(b.entry.name),
  )
}

/** The new issue an entry becomes: a range 0–10 to be set on Prepare, flagged tradeable. */
export function issueFromEntry(plan: Plan, entry: Tradeable): Issue {
  const issue = newIssue(plan, issueNameOf(entry))
  const unit = entry.unit?.trim()
  const description = entry.description?.trim()
  return {
    ...issue,
    ...(unit ? { unit } : {}),
    ...(description ? { description } : {}),
    tradeable: true,
  }
}

/** The plan with the entry added as an issue, and the new issue's id. */
export function addEntryAsIssue(plan: Plan, entry: Tradeable): { plan: Plan; id: string } {
  const issue = issueFromEntry(plan, entry)
  return { plan: addIssue(plan, issue), id: issue.id }
}
