/**
 * Unsaved work offered back. Every change is kept in this browser's storage until it is saved
 * (kept-draft.ts); on the next visit a kept draft that differs from the plan as saved is offered to
 * restore or discard, and one that can not be read is discarded with a notice.
 */
import type { Plan } from '@parley/core'
import { useCallback, useState } from 'react'
import { forgetDraft, type KeptDraft, keepDraft, recoverDraft } from './kept-draft'

export interface DraftRecovery {
  /** A draft from an earlier visit that was never saved, on offer. */
  recovered: KeptDraft | undefined
  /** A kept draft could not be read, and was discarded. */
  unreadable: boolean
  /** After loading: offers back the draft kept here, if it differs from the plan as saved. */
  check(saved: Plan): void
  /** Keeps a change not yet saved, with the version it is based on. */
  keep(plan: Plan, version: number): void
  /** Forgets the kept draft: it is saved, or replaced by the server's version. */
  forget(): void
  /** Withdraws the offer, keeping the draft (it is being restored). */
  withdraw(): void
  /** Withdraws the offer and forgets the draft. */
  discard(): void
  dismissUnreadable(): void
}

export function useDraftRecovery(negotiationId: string): DraftRecovery {
  const [recovered, setRecovered] = useState<KeptDraft>()
  const [unreadable, setUnreadable] = useState(false)
  const check = useCallback(
    (saved: Plan) => {
      const recovery = recoverDraft(localStorage, negotiationId, saved)
      if (recovery.kind === 'offer') setRecovered(recovery.draft)
      if (recovery.kind === 'unreadable') setUnreadable(true)
    },
    [negotiationId],
  )
  const keep = useCallback(
    (plan: Plan, version: number) =>
      keepDraft(localStorage, negotiationId, { savedAt: new Date().toISOString(), plan, version }),
    [negotiationId],
  )
  const forget = useCallback(() => forgetDraft(localStorage, negotiationId), [negotiationId])
  const withdraw = useCallback(() => setRecovered(undefined), [])
  const discard = useCallback(() => {
    setRecovered(undefined)
    forget()
  }, [forget])
  const dismissUnreadable = useCallback(() => setUnreadable(false), [])
  return { recovered, unreadable, check, keep, forget, withdraw, discard, dismissUnreadable }
}
