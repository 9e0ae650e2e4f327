/**
 * Work not yet saved, kept in this browser's storage so that no edit is lost: the draft plan, the
 * version it was based on and when it was kept. Storage is input like any other (an older version
 * of the app, another tab, someone with the developer tools), so what is read back goes through a
 * schema: a draft that does not read as one is discarded, never trusted.
 */
import type { Plan } from '@parley/core'
import { z } from 'zod'

/**
 * The parts of a plan the editors walk through. Only the shape is checked: a draft is work in
 * progress, so the values in it may still be invalid (core says what is wrong once it is shown).
 */
const PlanShapeSchema = z.looseObject({
  title: z.string(),
  parties: z.looseObject({ us: z.looseObject({}), them: z.looseObject({}) }),
  issues: z.array(z.looseObject({ id: z.string(), us: z.looseObject({}), them: z.looseObject({}) })),
  decisionRule: z.looseObject({}).optional(),
  batna: z.looseObject({}).optional(),
  limits: z.array(z.looseObject({})).optional(),
  evidence: z.array(z.looseObject({})).optional(),
  anchor: z.looseObject({}).optional(),
  elicitation: z.looseObject({}).optional(),
})

/** A plan as being edited: the shape of a plan, whether or not it is valid yet. */
export const DraftPlanSchema = z.custom<Plan>((value) => PlanShapeSchema.safeParse(value).success, {
  message: 'is not shaped like a plan',
})

export const KeptDraftSchema = z.object({
  savedAt: z.iso.datetime(),
  plan: DraftPlanSchema,
  version: z.number().int().min(0),
})
export type KeptDraft = z.infer<typeof KeptDraftSchema>

export type DraftStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>

function storageKey(negotiationId: string): string {
  return `parley:draft:${negotiationId}`
}

export type DraftRead = { kind: 'none' } | { kind: 'kept'; draft: KeptDraft } | { kind: 'unreadable' }

/** The draft kept for a negotiation, if any, read through the schema. */
export function readDraft(storage: DraftStorage, negotiationId: string): DraftRead {
  const text = storage.getItem(storageKey(negotiationId))
  if (!text) return { kind: 'none' }
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch {
    return { kind: 'unreadable' }
  }
  const parsed = KeptDraftSchema.safeParse(value)
  return parsed.success ? { kind: 'kept', draft: parsed.data } : { kind: 'unreadable' }
}

export function keepDraft(storage: DraftStorage, negotiationId: string, draft: KeptDraft): void {
  const { savedAt, plan, version } = draft
  storage.setItem(storageKey(negotiationId), JSON.stringify({ savedAt, plan, version }))
}

export function forgetDraft(storage: DraftStorage, negotiationId: string): void {
  storage.removeItem(storageKey(negotiationId))
}

export type Recovery = { kind: 'none' } | { kind: 'offer'; draft: KeptDraft } | { kind: 'unreadable' }

/**
 * What to offer back once the plan as saved is loaded: the kept draft when it differs from it. A
 * draft that is the same as the saved plan, or that can not be read, is forgotten.
 */
export function recoverDraft(storage: DraftStorage, negotiationId: string, saved: Plan): Recovery {
  const read = readDraft(storage, negotiationId)
  if (read.kind === 'none') return read
  if (read.kind === 'kept' && JSON.stringify(read.draft.plan) !== JSON.stringify(saved))
    return { kind: 'offer', draft: read.draft }
  forgetDraft(storage, negotiationId)
  return read.kind === 'unreadable' ? read : { kind: 'none' }
}
