/**
 * Saving the plan as it is edited, shortly after the last change: a valid plan is saved as the plan,
 * from the version it was based on; a plan with problems is kept as the team's draft (shared-draft.ts)
 * beside the last valid plan, so no edit waits on one field. A conflict stops saving until it is
 * settled (conflicts.ts). The state is always shown, and leaving with work not yet saved asks first.
 */
import type { Plan } from '@parley/core'
import { useCallback, useEffect, useRef, useState } from 'react'
import { type NegotiationAt, saveDraft, savePlan } from '../api/negotiations'
import { saveFailure } from './conflicts'
import type { PlanEditing } from './plan-editing'
import { draftText, type SharedDraft, sharedDraftOf } from './shared-draft'

export type SaveState = 'saved' | 'unsaved' | 'saving' | 'draft' | 'reason' | 'conflict' | 'error'

/** How long after the last change the plan (or its draft) is saved. */
export const SAVE_DELAY_MS = 700

export interface Autosave {
  saveState: SaveState
  saveError: string | undefined
  /** The team's draft kept beside the plan, if any. */
  sharedDraft: SharedDraft | undefined
  /**
   * Saves `plan` from version `from`: as the plan when valid, else as the draft. A plan that moves our
   * floor after the first offer waits in state `reason` until `floorChangeReason` is given.
   */
  save(plan: Plan, from: number, valid: boolean, floorChangeReason?: string): Promise<void>
  /** As after loading: saved, with the draft the server keeps (if any). */
  reset(shared: SharedDraft | undefined): void
  /** The next save is made from this draft (after a conflict, the one saved meanwhile). */
  follow(shared: SharedDraft | undefined): void
}

export function useAutosave(
  at: NegotiationAt,
  editing: Pick<PlanEditing, 'record' | 'draft' | 'version' | 'pending' | 'saved' | 'keptAsDraft'>,
  valid: boolean,
): Autosave {
  const { record, draft, version, pending, saved, keptAsDraft } = editing
  const [saveState, setSaveState] = useState<SaveState>('saved')
  const [saveError, setSaveError] = useState<string>()
  const [sharedDraft, setSharedDraft] = useState<SharedDraft>()
  // Read by saves in flight: the draft version the next draft save is made from.
  const shared = useRef<SharedDraft | undefined>(undefined)
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined)
  // The plan refused for want of a reason for moving our floor, or whose save failed: not saved
  // again until edited (or, for the reason, given one), as the page says.
  const refused = useRef<Plan | undefined>(undefined)
  // The plan being saved now, and the saves in order: a save waits for the one before it, so it is
  // made from the version that one returned, never from the version both started from (a conflict
  // with ourselves when the server takes longer than SAVE_DELAY_MS).
  const inFlight = useRef<Plan | undefined>(undefined)
  const queue = useRef<Promise<void>>(Promise.resolve())

  const share = useCallback((next: SharedDraft | undefined) => {
    shared.current = next
    setSharedDraft(next)
  }, [])

  const save = useCallback(
    async (plan: Plan, from: number, planValid: boolean, floorChangeReason?: string) => {
      inFlight.current = plan
      setSaveState('saving')
      try {
        if (planValid) {
          // Saving the plan clears a draft that holds the same plan: keep this one there first, so
          // the team's draft never outlives the fix.
          if (shared.current)
            share(sharedDraftOf(await saveDraft(at, draftText(plan), shared.current.version)))
          const answer = await savePlan(at, plan, from, floorChangeReason)
          share(undefined)
          if (saved(answer, plan)) setSaveState('saved')
        } else {
          share(sharedDraftOf(await saveDraft(at, draftText(plan), shared.current?.version)))
          if (keptAsDraft(plan)) setSaveState('draft')
        }
        setSaveError(undefined)
      } catch (caught) {
        const failure = saveFailure(caught)
        refused.current = failure.state === 'reason' || failure.state === 'error' ? plan : undefined
        setSaveState(failure.state)
        setSaveError(failure.message)
      } finally {
        if (inFlight.current === plan) inFlight.current = undefined
      }
    },
    [at, saved, keptAsDraft, share],
  )

  const reset = useCallback(
    (kept: SharedDraft | undefined) => {
      share(kept)
      setSaveState(kept && !kept.valid ? 'draft' : 'saved')
      setSaveError(undefined)
    },
    [share],
  )

  // Save shortly after the last change: the plan when valid, else the draft. Not again while this
  // draft is being saved (the state turning to 'saving' runs this again), and after the save before it.
  useEffect(() => {
    if (!draft || !record || pending.current !== draft || inFlight.current === draft) return
    if (saveState === 'conflict') return
    if ((saveState === 'reason' || saveState === 'error') && refused.current === draft) return
    setSaveState('unsaved')
    clearTimeout(timer.current)
    timer.current = setTimeout(() => {
      queue.current = queue.current.then(() =>
        // Saved meanwhile, or edited again (that edit has its own save): nothing to do.
        pending.current === draft ? save(draft, version.current, valid) : undefined,
      )
    }, SAVE_DELAY_MS)
    return () => clearTimeout(timer.current)
  }, [draft, record, valid, save, saveState, pending, version])

  // Leaving with work not yet saved asks first (a kept draft is saved: the team has it).
  useEffect(() => {
    const warn = (event: BeforeUnloadEvent) => {
      if (saveState !== 'saved' && saveState !== 'draft') event.preventDefault()
    }
    window.addEventListener('beforeunload', warn)
    return () => window.removeEventListener('beforeunload', warn)
  }, [saveState])

  return { saveState, saveError, sharedDraft, save, reset, follow: share }
}
