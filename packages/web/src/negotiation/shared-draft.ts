/**
 * The team's draft of the plan: while an edit leaves the plan with problems, the plan as edited is
 * kept on the server as a draft (shared with the team, If-Match versioned) beside the last valid plan
 * that every figure is computed from, so one field with a problem never holds back the other edits
 * nor keeps them in one browser. Once the plan is valid again it is saved as the plan, which clears
 * the draft.
 */
import { type Plan, readSource } from '@parley/core'
import type { Draft } from '@parley/server/contract'
import { DraftPlanSchema } from './kept-draft'

/** What the page says about a kept draft: when it was saved, by whom, and how many problems it has. */
export interface SharedDraft {
  version: number
  updatedAt: string
  updatedBy: string
  problems: number
  valid: boolean
}

/** The text a plan as edited is kept as: JSON, as the form holds it. */
export function draftText(plan: Plan): { text: string; format: 'json' } {
  return { text: `${JSON.stringify(plan, null, 2)}\n`, format: 'json' }
}

export function sharedDraftOf(draft: Pick<Draft, keyof SharedDraft | 'unlisted'>): SharedDraft {
  return {
    version: draft.version,
    updatedAt: draft.updatedAt,
    updatedBy: draft.updatedBy,
    problems: draft.problems.length + draft.unlisted,
    valid: draft.valid,
  }
}

/**
 * The draft as the form can edit it: its text read as a plan-shaped document. Undefined when the
 * text is not one (typed by hand in the text view, say, with a syntax error or another shape): that
 * draft is repaired as text instead.
 */
export function draftPlan(draft: Pick<Draft, 'text' | 'format'>): Plan | undefined {
  const document = readSource(draft.text, draft.format)
  if (document.errors.length > 0) return undefined
  const shaped = DraftPlanSchema.safeParse(document.value)
  return shaped.success ? shaped.data : undefined
}
