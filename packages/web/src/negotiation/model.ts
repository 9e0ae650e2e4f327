/**
 * One negotiation in the browser, composed from its parts: the plan as edited (plan-editing.ts),
 * saved automatically, as the plan when valid and as the team's draft while it has problems
 * (autosave.ts, shared-draft.ts), with a conflict to settle when someone else saved
 * meanwhile (conflicts.ts) and unsaved work offered back on the next visit (draft-recovery.ts); its
 * journal (journal.ts); and everything derived from both (derivation.ts).
 */
import type { JournalEvent, Negotiation, Plan, Space } from '@parley/core'
import type { Negotiation as NegotiationRecord, StoredEvent } from '@parley/server/contract'
import { useCallback, useEffect, useMemo, useState } from 'react'
import { ApiError } from '../api/http'
import { getDraft, getLearned, getNegotiation, type Learned, listEvents } from '../api/negotiations'
import { canEdit, type Role } from '../workspace/roles'
import { type SaveState, useAutosave } from './autosave'
import { useConflictResolution } from './conflicts'
import {
  type FieldProblem,
  planProblems,
  problemsAt,
  problemsUnder,
  resumableLearning,
  useDerivation,
  type Validation,
} from './derivation'
import { useDraftRecovery } from './draft-recovery'
import { type Appended, useJournal } from './journal'
import { usePlanEditing } from './plan-editing'
import { draftPlan, type SharedDraft, sharedDraftOf } from './shared-draft'

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
  /**
   * The team's draft kept beside the plan: while it has problems the form shows it and the figures
   * come from the last valid plan. `inForm` is false for a draft the form cannot show (text typed in
   * the text view that does not read as a plan, or kept from before the plan was last saved): it is
   * repaired as text.
   */
  sharedDraft: (SharedDraft & { inForm: boolean }) | undefined
  /** Saves the change waiting in state `reason` (it moves our floor after the first offer), with why. */
  saveWithReason(reason: string): Promise<void>
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
  /** The latest plan or journal is being learned off the page: the figures shown are the ones before. */
  learning: boolean
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
  // What the server learned from the journal, used while the plan is the one it was learned on: on
  // opening, and with each new move (learning one in the browser can take a few hundred milliseconds
  // when it resamples; the server does it in its compute workers).
  const [learned, setLearned] = useState<Learned>()
  const learnAlong = useCallback(
    async (added: readonly StoredEvent[]) => {
      // Only their moves teach anything; ours cost nothing to replay here.
      if (!added.some((entry) => entry.event.side === 'them')) return undefined
      const learnedNow = await getLearned(at)
      return learnedNow ? () => setLearned(learnedNow) : undefined
    },
    [at],
  )
  const journal = useJournal(at, learnAlong)
  const resumable = resumableLearning(learned, editing.record, editing.draft)
  const {
    validation,
    current,
    derived,
    journal: events,
    learning,
  } = useDerivation(editing.draft, editing.record?.plan, journal.events, resumable)
  const autosave = useAutosave(at, editing, validation?.ok ?? false)
  // A kept draft the form cannot show (see `sharedDraft`).
  const [textDraft, setTextDraft] = useState<SharedDraft>()

  const { show, showDraft } = editing
  const { show: showEvents } = journal
  const { reset } = autosave
  const { check } = recovery
  const load = useCallback(async () => {
    try {
      const [loaded, stored, kept, learnedNow] = await Promise.all([
        getNegotiation(at),
        listEvents(at),
        getDraft(at),
        getLearned(at),
      ])
      setLearned(learnedNow)
      show(loaded)
      showEvents(stored)
      const plan = kept && kept.updatedAt >= loaded.negotiation.updatedAt ? draftPlan(kept) : undefined
      // Only an editor works on the draft: a viewer sees the plan, and is told a draft is kept.
      if (kept && plan && canEdit(role)) showDraft(plan, kept.valid)
      reset(kept && plan ? sharedDraftOf(kept) : undefined)
      setTextDraft(kept && !plan ? sharedDraftOf(kept) : undefined)
      check(loaded.negotiation.plan)
    } catch (caught) {
      if (caught instanceof ApiError && caught.code === 'plan_is_draft') setDraftOnly(true)
      else setError(caught instanceof Error ? caught.message : String(caught))
    }
  }, [at, role, show, showDraft, showEvents, reset, check])
  useEffect(() => {
    void load()
  }, [load])

  const { save, follow } = autosave
  const draftValid = validation?.ok ?? false
  const saveOver = useCallback(
    (plan: Plan, from: number, kept: Parameters<typeof sharedDraftOf>[0] | undefined) => {
      follow(kept && sharedDraftOf(kept))
      return save(plan, from, draftValid)
    },
    [follow, save, draftValid],
  )
  const conflict = useConflictResolution(at, editing, saveOver, load)

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
    sharedDraft: autosave.sharedDraft
      ? { ...autosave.sharedDraft, inForm: true }
      : textDraft
        ? { ...textDraft, inForm: false }
        : undefined,
    reload: conflict.reload,
    keepMine: conflict.keepMine,
    saveWithReason: (reason) =>
      save(editing.pending.current ?? draft, editing.version.current, draftValid, reason),
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
    learning,
    append: journal.append,
  }
  return { model, error: undefined }
}
