/**
 * The workspace's tradeables library as suggestions for one plan, on Prepare (beside the
 * priorities chart) and on Set up (beside the scope): the entries meant for the plan's context (or
 * for any), tradeables before lessons, the cheapest to give and most valued by them first; each says
 * which of the plan's issues it already is. An entry taken in becomes a new issue with the entry's
 * name, unit and description, under the id it was kept with when that is free; a tradeable comes in
 * flagged tradeable (that is why it is in the library), the issue a lesson names does not.
 */
import { capitalised, type Issue, type Plan } from '@parley/core'
import type { Tradeable } from '@parley/server/contract'
import { useEffect, useState } from 'react'
import { listTradeables } from '../api/tradeables'
import type { Amount } from '../workspace/tradeable-form'
import { addIssue, newIssue } from './prepare/issue-edits'
import { isIssueId, issueIdFromName } from './prepare/issue-ids'

export type Library =
  | { state: 'loading' }
  | { state: 'failed'; message: string }
  | { state: 'ready'; entries: Tradeable[] }

/** The library's entries, loaded once per workspace. */
export function useTradeablesLibrary(workspaceId: string): Library {
  const [library, setLibrary] = useState<Library>({ state: 'loading' })
  useEffect(() => {
    let live = true
    listTradeables(workspaceId)
      .then((entries) => {
        if (live) setLibrary({ state: 'ready', entries })
      })
      .catch((caught: unknown) => {
        if (live)
          setLibrary({ state: 'failed', message: caught instanceof Error ? caught.message : String(caught) })
      })
    return () => {
      live = false
    }
  }, [workspaceId])
  return library
}

export interface LibrarySuggestion {
  entry: Tradeable
  /** A lesson from a debrief, or a tradeable. */
  kind: 'lesson' | 'tradeable'
  /** The name the issue would get. */
  issueName: string
  /** The id of the plan's issue it already is, if any. */
  inPlan: string | undefined
}

const RANK: Record<Amount, number> = { low: 0, medium: 1, high: 2 }

const same = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase()

/** `go_live_days` → `Go live days`: a name for an issue a lesson names only by its id. */
function nameOfId(id: string): string {
  return capitalised(id.replace(/_/g, ' ').trim())
}

function kindOf(entry: Tradeable): LibrarySuggestion['kind'] {
  return entry.lesson ? 'lesson' : 'tradeable'
}

/** A lesson that names an issue stands for that issue; anything else for an issue of its own name. */
function issueNameOf(entry: Tradeable): string {
  const named = entry.issue?.trim()
  if (!named) return entry.name.trim()
  if (kindOf(entry) === 'lesson') return isIssueId(named) ? nameOfId(named) : named
  return entry.name.trim()
}

/** The plan's issue an entry already is: the same name, or the issue (by id or name) it was kept with. */
function issueInPlan(plan: Plan, entry: Tradeable): string | undefined {
  const named = entry.issue?.trim()
  const id = issueIdFromName(issueNameOf(entry), [])
  return plan.issues.find(
    (issue) =>
      same(issue.name, entry.name) ||
      same(issue.name, issueNameOf(entry)) ||
      issue.id === id ||
      (named !== undefined && named !== '' && (issue.id === named || same(issue.name, named))),
  )?.id
}

export function librarySuggestions(entries: readonly Tradeable[], plan: Plan): LibrarySuggestion[] {
  const fits = entries.filter((entry) => !entry.contexts?.length || entry.contexts.includes(plan.context))
  const suggestions = fits.map(
    (entry): LibrarySuggestion => ({
      entry,
      kind: kindOf(entry),
      issueName: issueNameOf(entry),
      inPlan: issueInPlan(plan, entry),
    }),
  )
  // Unknown amounts sort as medium: neither promoted nor buried.
  const value = (s: LibrarySuggestion) => RANK[s.entry.valueToThem ?? 'medium']
  const cost = (s: LibrarySuggestion) => RANK[s.entry.costToUs ?? 'medium']
  return suggestions.sort(
    (a, b) =>
      Number(a.kind === 'lesson') - Number(b.kind === 'lesson') ||
      value(b) - cost(b) - (value(a) - cost(a)) ||
      a.entry.name.localeCompare(b.entry.name),
  )
}

/** The new issue an entry becomes: newIssue's levels and weights, to be set on Prepare and ranked. */
export function issueFromEntry(plan: Plan, entry: Tradeable): Issue {
  const issue = newIssue(plan, issueNameOf(entry))
  const taken = new Set(plan.issues.map((each) => each.id))
  const kept = entry.issue?.trim()
  const id = kept && isIssueId(kept) && !taken.has(kept) ? kept : issue.id
  const unit = entry.unit?.trim()
  const description = entry.description?.trim()
  return {
    ...issue,
    id,
    ...(unit ? { unit } : {}),
    ...(description && kindOf(entry) === 'tradeable' ? { description } : {}),
    ...(kindOf(entry) === 'tradeable' ? { tradeable: true } : {}),
  }
}

/** The plan with the entry added as an issue, and the new issue's id. */
export function addEntryAsIssue(plan: Plan, entry: Tradeable): { plan: Plan; id: string } {
  const issue = issueFromEntry(plan, entry)
  return { plan: addIssue(plan, issue), id: issue.id }
}
