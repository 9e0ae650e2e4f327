/**
 * The debrief in the browser, beside the figures core words for it and for `parley debrief` alike
 * (`debriefSentences`): the answers that changed since they were recorded, and a lesson for the
 * workspace's tradeables library drafted from the negotiation.
 */
import {
  type AnsweredPrompt,
  type DebriefFigures,
  type NegotiationState,
  nameWithUnit,
  type Space,
} from '@parley/core'
import type { TradeableInput } from '@parley/server/contract'

/** Answers typed that differ from the ones recorded (an unanswered prompt left empty is no change). */
export function changedAnswers(
  prompts: readonly AnsweredPrompt[],
  drafts: Readonly<Record<string, string>>,
): Record<string, string> {
  const changed: Record<string, string> = {}
  for (const prompt of prompts) {
    const draft = drafts[prompt.id]
    if (draft !== undefined && draft.trim() !== (prompt.answer ?? '').trim())
      changed[prompt.id] = draft.trim()
  }
  return changed
}

/**
 * The issue that moved most: the one our concessions moved most often (gives and gets alike), or,
 * with no concessions, the one whose weight for them we misjudged most.
 */
export function issueThatMovedMost(
  space: Space,
  state: NegotiationState,
  figures: DebriefFigures,
): string | undefined {
  const moves = new Map<string, number>()
  for (const record of state.concessions)
    for (const id of new Set([...Object.keys(record.give), ...Object.keys(record.get)]))
      moves.set(id, (moves.get(id) ?? 0) + 1)
  let best: string | undefined
  for (const issue of space.issues) {
    const count = moves.get(issue.id) ?? 0
    if (count > 0 && count > (best ? (moves.get(best) ?? 0) : 0)) best = issue.id
  }
  return best ?? figures.misjudged[0]?.issue ?? space.issues[0]?.id
}

export interface LessonForm {
  name: string
  description: string
  lesson: string
  /** An issue id of the plan, or '' for none. */
  issue: string
}

/** The lesson form as it opens: about the issue that moved most, in this negotiation. */
export function lessonDraft(space: Space, state: NegotiationState, figures: DebriefFigures): LessonForm {
  return { ...draftWords(space, issueThatMovedMost(space, state, figures)), lesson: '' }
}

/** The name and description a lesson about an issue starts with, and the issue. */
function draftWords(space: Space, id: string | undefined): Omit<LessonForm, 'lesson'> {
  const issue = id ? space.byId.get(id) : undefined
  return {
    name: issue?.name ?? '',
    description: issue ? `${nameWithUnit(issue)}, from ${space.plan.title}` : '',
    issue: issue?.id ?? '',
  }
}

/**
 * The form with another issue chosen: a name and description still as drafted for the issue before
 * follow the new one (so a lesson never describes one issue while tied to another); words the
 * person wrote are kept.
 */
export function withIssue(space: Space, form: LessonForm, issue: string): LessonForm {
  const before = draftWords(space, form.issue)
  const after = draftWords(space, issue)
  return {
    ...form,
    issue: after.issue,
    name: form.name === before.name ? after.name : form.name,
    description: form.description === before.description ? after.description : form.description,
  }
}

/** The library entry the lesson becomes (TradeableInputSchema), tied to this negotiation. */
export function lessonInput(space: Space, form: LessonForm, negotiationId: string): TradeableInput {
  const issue = form.issue ? space.byId.get(form.issue) : undefined
  const text = (value: string) => value.trim()
  return {
    name: text(form.name),
    ...(text(form.description) ? { description: text(form.description) } : {}),
    ...(issue ? { issue: issue.name, unit: issue.unit } : {}),
    contexts: [space.plan.context],
    ...(text(form.lesson) ? { lesson: text(form.lesson) } : {}),
    source: { negotiationId },
  }
}
