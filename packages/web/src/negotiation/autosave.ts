/**
 * Saving the plan as it is edited: a valid draft shortly after the last change, from the version it
 * was based on; an invalid one waits until it is fixed; a conflict stops saving until it is settled
 * (conflicts.ts). The state is always shown, and leaving with work not yet saved asks first.
 */
import type { Plan } from '@parley/core'
import { useCallback, useEffect, useRef, useState } from 'react'
import { type NegotiationAt, savePlan } from '../api/negotiations'
import { saveFailure } from './conflicts'
import type { PlanEditing } from './plan-editing'

export type SaveState = 'saved' | 'unsaved' | 'saving' | 'invalid' | 'conflict' | 'error'

/** How long after the last change a valid draft is saved. */
export const SAVE_DELAY_MS = 700

export interface Autosave {
  saveState: SaveState
  saveError: string | undefined
  /** Saves `plan` from version `from`. */
  save(plan: Plan, from: number): Promise<void>
  /** Back to saved, as after loading. */
  reset(): void
}

export function useAutosave(
  at: NegotiationAt,
  editing: Pick<PlanEditing, 'record' | 'draft' | 'version' | 'pending' | 'saved'>,
  valid: boolean,
): Autosave {
  const { record, draft, version, pending, saved } = editing
  const [saveState, setSaveState] = useState<SaveState>('saved')
  const [saveError, setSaveError] = useState<string>()
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined)

  const save = useCallback(
    async (plan: Plan, from: number) => {
      setSaveState('saving')
      try {
        if (saved(await savePlan(at, plan, from), plan)) setSaveState('saved')
        setSaveError(undefined)
      } catch (caught) {
        const failure = saveFailure(caught)
        setSaveState(failure.state)
        setSaveError(failure.message)
      }
    },
    [at, saved],
  )

  const reset = useCallback(() => {
    setSaveState('saved')
    setSaveError(undefined)
  }, [])

  // Save a valid draft shortly after the last change; an invalid one waits until it is fixed.
  useEffect(() => {
    if (!draft || !record || pending.current !== draft) return
    if (saveState === 'conflict') return
    if (!valid) {
      setSaveState('invalid')
      return
    }
    setSaveState('unsaved')
    clearTimeout(timer.current)
    timer.current = setTimeout(() => void save(draft, version.current), SAVE_DELAY_MS)
    return () => clearTimeout(timer.current)
  }, [draft, record, valid, save, saveState, pending, version])

  // Leaving with work not yet saved asks first.
  useEffect(() => {
    const warn = (event: BeforeUnloadEvent) => {
      if (saveState !== 'saved') event.preventDefault()
    }
    window.addEventListener('beforeunload', warn)
    return () => window.removeEventListener('beforeunload', warn)
  }, [saveState])

  return { saveState, saveError, save, reset }
}
