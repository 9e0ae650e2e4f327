/**
 * The plan as this browser edits it: the negotiation as last read or saved, the draft being edited
 * (which may be invalid while someone types), the version the draft is based on, and the change not
 * yet saved. Every change is also kept in this browser's storage until it is saved.
 */
import type { Plan } from '@parley/core'
import type { Negotiation as NegotiationRecord } from '@parley/server/contract'
import { type RefObject, useCallback, useRef, useState } from 'react'
import type { VersionedNegotiation } from '../api/negotiations'
import type { DraftRecovery } from './draft-recovery'
import type { KeptDraft } from './kept-draft'

export interface PlanEditing {
  record: NegotiationRecord | undefined
  /** The plan as being edited; may be invalid. */
  draft: Plan | undefined
  /** The version the next save is made from. */
  version: RefObject<number>
  /** The change not yet saved, if any (compared by identity: a save clears only the one it saved). */
  pending: RefObject<Plan | undefined>
  /** Shows the negotiation as read: its plan becomes the draft. */
  show(loaded: VersionedNegotiation): void
  /**
   * Shows the negotiation as read, with the team's draft (shared-draft.ts) in place of its plan
   * when there is one to edit; a valid draft is a change to save as the plan.
   */
  showDraft(plan: Plan, valid: boolean): void
  /** Takes in the answer to saving `plan`; true when `plan` was the latest change. */
  saved(answer: VersionedNegotiation, plan: Plan): boolean
  /** `plan` was kept as the team's draft; true when it was the latest change. */
  keptAsDraft(plan: Plan): boolean
  edit(change: (draft: Plan) => Plan): void
  /** Puts back a draft kept from an earlier visit, to be saved from the version it was based on. */
  restore(kept: KeptDraft): void
  /** Drops the change not yet saved: the server's version is taken instead. */
  drop(): void
}

export function usePlanEditing(storage: Pick<DraftRecovery, 'keep' | 'forget'>): PlanEditing {
  const { keep, forget } = storage
  const [record, setRecord] = useState<NegotiationRecord>()
  const [draft, setDraft] = useState<Plan>()
  const version = useRef(0)
  const pending = useRef<Plan | undefined>(undefined)

  const show = useCallback((loaded: VersionedNegotiation) => {
    version.current = loaded.version
    setRecord(loaded.negotiation)
    setDraft(loaded.negotiation.plan)
  }, [])

  const showDraft = useCallback((plan: Plan, valid: boolean) => {
    if (valid) pending.current = plan
    setDraft(plan)
  }, [])

  // `plan` is kept (as the plan, or as the team's draft): the change is done if it was the latest.
  const keptAsDraft = useCallback(
    (plan: Plan) => {
      if (pending.current !== plan) return false
      pending.current = undefined
      forget()
      return true
    },
    [forget],
  )

  const saved = useCallback(
    (answer: VersionedNegotiation, plan: Plan) => {
      version.current = answer.version
      setRecord(answer.negotiation)
      return keptAsDraft(plan)
    },
    [keptAsDraft],
  )

  const edit = useCallback(
    (change: (draft: Plan) => Plan) => {
      setDraft((current) => {
        if (!current) return current
        const next = change(current)
        pending.current = next
        keep(next, version.current)
        return next
      })
    },
    [keep],
  )

  const restore = useCallback((kept: KeptDraft) => {
    version.current = kept.version
    pending.current = kept.plan
    setDraft(kept.plan)
  }, [])

  const drop = useCallback(() => {
    pending.current = undefined
    forget()
  }, [forget])

  return { record, draft, version, pending, show, showDraft, saved, keptAsDraft, edit, restore, drop }
}
