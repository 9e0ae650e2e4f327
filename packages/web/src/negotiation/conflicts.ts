/**
 * Two people editing one plan: a save made from a version someone else has since saved over is
 * refused (409 for the plan, 412 or 428 for the team's draft), never an overwrite. That stops saving and asks which plan to keep: reload theirs
 * (my change is dropped), or save mine over theirs from the version now current.
 */
import type { Plan } from '@parley/core'
import type { Draft } from '@parley/server/contract'
import { useCallback } from 'react'
import { ApiError } from '../api/http'
import { getDraft, getNegotiation, type NegotiationAt } from '../api/negotiations'
import type { PlanEditing } from './plan-editing'

export const CONFLICT_MESSAGE = 'Someone else saved this plan while you were editing it.'
export const DRAFT_CONFLICT_MESSAGE = 'Someone else saved a draft of this plan while you were editing it.'

/** What a failed save means: a conflict when someone else saved meanwhile, else an error to show. */
export function saveFailure(caught: unknown): { state: 'conflict' | 'reason' | 'error'; message: string } {
  // Our floor moved after the first offer: the change waits for the reason the team will see.
  if (caught instanceof ApiError && caught.code === 'floor_change_reason_required')
    return { state: 'reason', message: caught.message }
  if (caught instanceof ApiError && caught.status === 409)
    return { state: 'conflict', message: CONFLICT_MESSAGE }
  if (caught instanceof ApiError && (caught.code === 'stale_draft' || caught.code === 'version_required'))
    return { state: 'conflict', message: DRAFT_CONFLICT_MESSAGE }
  return { state: 'error', message: caught instanceof Error ? caught.message : String(caught) }
}

export interface ConflictResolution {
  /** Takes the server's version: my change is dropped. */
  reload(): Promise<void>
  /** Saves my change over theirs, from the versions of the plan and its draft now current. */
  keepMine(): Promise<void>
}

export function useConflictResolution(
  at: NegotiationAt,
  editing: Pick<PlanEditing, 'pending' | 'drop'>,
  save: (plan: Plan, from: number, draft: Draft | undefined) => Promise<void>,
  load: () => Promise<void>,
): ConflictResolution {
  const { pending, drop } = editing
  const reload = useCallback(async () => {
    drop()
    await load()
  }, [drop, load])
  const keepMine = useCallback(async () => {
    const mine = pending.current
    if (!mine) return
    const [latest, draft] = await Promise.all([getNegotiation(at), getDraft(at)])
    await save(mine, latest.version, draft)
  }, [at, pending, save])
  return { reload, keepMine }
}
