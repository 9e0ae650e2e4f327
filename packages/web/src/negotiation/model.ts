/**
 * One negotiation in the browser, composed from its parts: the plan as edited (plan-editing.ts),
 * saved automatically when valid (autosave.ts), with a conflict to settle when someone else saved
 * meanwhile (conflicts.ts) and unsaved work offered back on the next visit (draft-recovery.ts); its
 * journal (journal.ts); and everything derived from both (derivation.ts).
 */
import type { JournalEvent, Negotiation, Plan, Space } from '@parley/core'
import type { Negotiation as NegotiationRecord, StoredEvent } from '@parley/server/contract'
import { useCallback, useEffect, useMemo, useState } from 'react'
import { ApiError } from '../api/http'
import { getNegotiation, listEvents } from '../api/negotiations'
import { canEdit, type Role } from '../workspace/roles'
import { type SaveState, useAutosave } from './autosave'
import { useConflictResolution } from './conflicts'
import {
  type FieldProblem,
  planProblems,
  problemsAt,
  problemsUnder,
  useDerivation,
  type Validation,
} from './derivation'
import { useDraftRecovery } from './draft-recovery'
import { type Appended, useJournal } from './journal'
import { usePlanEditing } from './plan-editing'

export type { SaveState, Validation }

export interface NegotiationModel {
  record: NegotiationRecord
  role: Role
  canEdit: boolean
  /** The plan as being edited; may be invalid. */
  draft: Plan
  validation: Validation
  /** The last valid plan (the draft when valid): what every computation uses. */
  plan: Plan
  space: Space
  /** Problems at a path (`issues[2].us.weight`), with warnings, for the field that edits it. */
  problemsAt(path: string): { message: string; severity: FieldProblem['severity'] }[]
  /** Problems at a path or below it. */
  problemsUnder(path: string): FieldProblem[]
  edit(change: (draft: Plan) => Plan): void
  saveState: SaveState
  saveError: string | undefined
  /** After a conflict: take the server's version, or save mine over it. */
  reload(): Promise<void>
  keepMine(): Promise<void>
  /** A draft from an earlier visit that was never saved, offered back. */
  recovered: { savedAt: string } | undefined
  restoreRecovered(): void
  discardRecovered(): void
  /** A draft kept from an earlier visit could not be read, and was discarded. */
  unreadableDraft: boolean
  dismissUnreadableDraft(): void
  events: StoredEvent[]
  journal: JournalEvent[]
  derived: Negotiation
  /** Appends an event; resolves to the problems when the server refused it. */
  append(event: Record<string, unknown>): Promise<Appended>
}

export function useNegotiation(
  workspaceId: string,
  negotiationId: string,
  role: Role,
): { model: NegotiationModel | undefined; error: string | undefined; draftOnly?: true } {
  const at = useMemo(() => ({ workspaceId, negotiationId }), [workspaceId, negotiationId])
  const [error, setError] = useState<string>()
  // Imported with problems and never valid since: only a draft to repair, nothing to compute.
  const [draftOnly, setDraftOnly] = useState(false)
  const recovery = useDraftRecovery(negotiationId)
  const editing = usePlanEditing(recovery)
  const journal = useJournal(at)
  const {
    validation,
    current,
    derived,
    journal: events,
  } = useDerivation(editing.draft, editing.record?.plan, journal.events)
  const autosave = useAutosave(at, editing, validation?.ok ?? false)

  const { show } = editing
  const { show: showEvents } = journal
  const { reset } = autosave
  const { check } = recovery
  const load = useCallback(async () => {
    try {
      const [loaded, stored] = await Promise.all([getNegotiation(at), listEvents(at)])
      show(loaded)
      showEvents(stored)
      reset()
      check(loaded.negotiation.plan)
    } catch (caught) {
      if (caught instanceof ApiError && caught.code === 'plan_is_draft') setDraftOnly(true)
      else setError(caught instanceof Error ? caught.message : String(caught))
    }
  }, [at, show, showEvents, reset, check])
  useEffect(() => {
    void load()
  }, [load])

  const conflict = useConflictResolution(at, editing, autosave.save, load)

  if (draftOnly) return { model: undefined, error: undefined, draftOnly: true }
  if (error) return { model: undefined, error }
  const { record, draft } = editing
  if (!record || !draft || !validation || !current || !derived) return { model: undefined, error: undefined }
  const problems = planProblems(validation)
  const { recovered } = recovery
  const model: NegotiationModel = {
    record,
    role,
    canEdit: canEdit(role),
    draft,
    validation,
    plan: current.plan,
    space: current.space,
    problemsAt: (path) => problemsAt(problems, path),
    problemsUnder: (path) => problemsUnder(problems, path),
    edit: editing.edit,
    saveState: autosave.saveState,
    saveError: autosave.saveError,
    reload: conflict.reload,
    keepMine: conflict.keepMine,
    recovered: recovered ? { savedAt: recovered.savedAt } : undefined,
    restoreRecovered: () => {
      if (!recovered) return
      recovery.withdraw()
      // Saved from the version it was based on: if the plan moved on since, that is a conflict to settle.
      editing.restore(recovered)
    },
    discardRecovered: recovery.discard,
    unreadableDraft: recovery.unreadable,
    dismissUnreadableDraft: recovery.dismissUnreadable,
    events: journal.events,
    journal: events,
    derived,
    append: journal.append,
  }
  return { model, error: undefined }
}
