/**
 * One negotiation in the browser: the plan being edited (which may be invalid while someone
 * types), checked by core as the command line checks it; saved automatically when valid, from the
 * version it was based on, with a visible state; its journal, appended with ids made here so a retry
 * never records twice; and everything derived from both, recomputed at once as they change.
 *
 * Unsaved work is never lost silently: a draft not yet saved is also kept in this browser's storage
 * and offered back on the next visit, and a conflict (someone else saved meanwhile) stops saving and
 * asks whether to reload theirs or keep mine.
 */
import {
  compileSpace,
  formatPath,
  type JournalEvent,
  type Negotiation,
  negotiation,
  type PathProblem,
  type Plan,
  type Space,
  validatePlanValue,
} from '@parley/core'
import { useCallback, useEffect, useMemo, useRef, useState } from 'react'
import { monotonicFactory } from 'ulid'
import { ApiError, type ApiProblem, api, versionOf } from '../api'
import type { Role } from '../session'

// Event ids are made here, before sending, so a retry after a lost answer carries the same id and
// the server records the event once: the same ULID maker `parley journal add` uses (monotonic, so
// two moves in one millisecond still sort in the order they were made).
const ulid = monotonicFactory()

export type SaveState = 'saved' | 'unsaved' | 'saving' | 'invalid' | 'conflict' | 'error'

export interface StoredEvent {
  seq: number
  createdBy: string
  createdAt: string
  event: JournalEvent
}

export interface NegotiationRecord {
  id: string
  workspaceId: string
  title: string
  context: string
  version: number
  lastActivityAt: string
  format: 'yaml' | 'json' | null
  plan: Plan
}

export type Validation =
  | { ok: true; plan: Plan; space: Space; warnings: PathProblem[] }
  | { ok: false; errors: PathProblem[]; warnings: PathProblem[] }

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
  problemsAt(path: string): { message: string; severity: 'error' | 'warning' }[]
  /** Problems at a path or below it. */
  problemsUnder(path: string): { path: string; message: string; severity: 'error' | 'warning' }[]
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
  events: StoredEvent[]
  journal: JournalEvent[]
  derived: Negotiation
  /** Appends an event; resolves to the problems when the server refused it. */
  append(event: Record<string, unknown>): Promise<{ ok: true } | { ok: false; problems: ApiProblem[] }>
}

const SAVE_DELAY_MS = 700

function localKey(id: string): string {
  return `parley:draft:${id}`
}

export function useNegotiation(
  workspaceId: string,
  negotiationId: string,
  role: Role,
): { model: NegotiationModel | undefined; error: string | undefined } {
  const base = `/api/workspaces/${workspaceId}/negotiations/${negotiationId}`
  const [record, setRecord] = useState<NegotiationRecord>()
  const [draft, setDraft] = useState<Plan>()
  const [events, setEvents] = useState<StoredEvent[]>([])
  const [saveState, setSaveState] = useState<SaveState>('saved')
  const [saveError, setSaveError] = useState<string>()
  const [error, setError] = useState<string>()
  const [recovered, setRecovered] = useState<{ savedAt: string; plan: Plan; version: number }>()
  const version = useRef(0)
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined)
  const pending = useRef<Plan | undefined>(undefined)

  const load = useCallback(async () => {
    try {
      const [loaded, journal] = await Promise.all([
        api.get<NegotiationRecord>(base),
        api.get<{ events: StoredEvent[] }>(`${base}/events`),
      ])
      version.current = versionOf(loaded.headers) ?? loaded.body.version
      setRecord(loaded.body)
      setDraft(loaded.body.plan)
      setEvents(journal.body.events)
      setSaveState('saved')
      setSaveError(undefined)
      const kept = localStorage.getItem(localKey(negotiationId))
      if (kept) {
        const parsed = JSON.parse(kept) as { savedAt: string; plan: Plan; version: number }
        if (JSON.stringify(parsed.plan) !== JSON.stringify(loaded.body.plan)) setRecovered(parsed)
        else localStorage.removeItem(localKey(negotiationId))
      }
    } catch (caught) {
      setError(caught instanceof Error ? caught.message : String(caught))
    }
  }, [base, negotiationId])

  useEffect(() => {
    void load()
  }, [load])

  const save = useCallback(
    async (plan: Plan, from: number) => {
      setSaveState('saving')
      try {
        const saved = await api.put<NegotiationRecord>(`${base}/plan`, plan, { 'if-match': `"${from}"` })
        version.current = versionOf(saved.headers) ?? saved.body.version
        setRecord(saved.body)
        if (pending.current === plan) {
          pending.current = undefined
          localStorage.removeItem(localKey(negotiationId))
          setSaveState('saved')
        }
        setSaveError(undefined)
      } catch (caught) {
        if (caught instanceof ApiError && caught.status === 409) {
          setSaveState('conflict')
          setSaveError('Someone else saved this plan while you were editing it.')
        } else {
          setSaveState('error')
          setSaveError(caught instanceof Error ? caught.message : String(caught))
        }
      }
    },
    [base, negotiationId],
  )

  const validation = useMemo<Validation | undefined>(() => {
    if (!draft) return undefined
    const result = validatePlanValue(draft)
    return result.ok
      ? { ok: true, plan: result.plan, space: compileSpace(result.plan), warnings: result.warnings }
      : { ok: false, errors: result.errors, warnings: result.warnings }
  }, [draft])

  // Computations use the last valid plan, so the numbers stay while someone is mid-edit.
  const lastValid = useRef<{ plan: Plan; space: Space }>(undefined)
  if (validation?.ok) lastValid.current = { plan: validation.plan, space: validation.space }
  if (!lastValid.current && record) {
    const checked = validatePlanValue(record.plan)
    if (checked.ok) lastValid.current = { plan: checked.plan, space: compileSpace(checked.plan) }
  }
  const space = lastValid.current?.space

  const edit = useCallback(
    (change: (draft: Plan) => Plan) => {
      setDraft((current) => {
        if (!current) return current
        const next = change(current)
        pending.current = next
        localStorage.setItem(
          localKey(negotiationId),
          JSON.stringify({ savedAt: new Date().toISOString(), plan: next, version: version.current }),
        )
        return next
      })
    },
    [negotiationId],
  )

  // Save a valid draft shortly after the last change; an invalid one waits until it is fixed.
  useEffect(() => {
    if (!draft || !record || pending.current !== draft) return
    if (saveState === 'conflict') return
    if (!validation?.ok) {
      setSaveState('invalid')
      return
    }
    setSaveState('unsaved')
    clearTimeout(timer.current)
    timer.current = setTimeout(() => void save(draft, version.current), SAVE_DELAY_MS)
    return () => clearTimeout(timer.current)
  }, [draft, record, validation, save, saveState])

  // Leaving with work not yet saved asks first.
  useEffect(() => {
    const warn = (event: BeforeUnloadEvent) => {
      if (saveState !== 'saved') event.preventDefault()
    }
    window.addEventListener('beforeunload', warn)
    return () => window.removeEventListener('beforeunload', warn)
  }, [saveState])

  const reload = useCallback(async () => {
    pending.current = undefined
    localStorage.removeItem(localKey(negotiationId))
    await load()
  }, [load, negotiationId])

  const keepMine = useCallback(async () => {
    const mine = pending.current
    if (!mine) return
    const latest = await api.get<NegotiationRecord>(base)
    const from = versionOf(latest.headers) ?? latest.body.version
    await save(mine, from)
  }, [base, save])

  const journal = useMemo(() => events.map((entry) => entry.event), [events])
  const derived = useMemo(() => (space ? negotiation(space, journal) : undefined), [space, journal])

  const append = useCallback(
    async (raw: Record<string, unknown>) => {
      const body = { id: ulid(), ...raw }
      // The same id on every try: the server records it once however many answers are lost.
      for (let attempt = 0; ; attempt++) {
        try {
          const stored = await api.post<StoredEvent>(`${base}/events`, body)
          setEvents((current) =>
            current.some((entry) => entry.seq === stored.body.seq) ? current : [...current, stored.body],
          )
          return { ok: true as const }
        } catch (caught) {
          if (caught instanceof ApiError && caught.status !== 0 && caught.status < 500)
            return { ok: false as const, problems: caught.problems }
          if (attempt >= 4) throw caught
          await new Promise((resolve) => setTimeout(resolve, 300 * 2 ** attempt))
        }
      }
    },
    [base],
  )

  if (error) return { model: undefined, error }
  if (!record || !draft || !validation || !lastValid.current || !derived)
    return { model: undefined, error: undefined }

  const problems = [
    ...(validation.ok ? [] : validation.errors.map((p) => ({ ...p, severity: 'error' as const }))),
    ...validation.warnings.map((p) => ({ ...p, severity: 'warning' as const })),
  ].map((p) => ({ path: formatPath(p.at), message: p.message, severity: p.severity }))

  const model: NegotiationModel = {
    record,
    role,
    canEdit: role !== 'viewer',
    draft,
    validation,
    plan: lastValid.current.plan,
    space: lastValid.current.space,
    problemsAt: (path) =>
      problems.filter((p) => p.path === path).map(({ message, severity }) => ({ message, severity })),
    problemsUnder: (path) =>
      problems.filter(
        (p) => p.path === path || p.path.startsWith(`${path}.`) || p.path.startsWith(`${path}[`),
      ),
    edit,
    saveState,
    saveError,
    reload,
    keepMine,
    recovered: recovered ? { savedAt: recovered.savedAt } : undefined,
    restoreRecovered: () => {
      if (!recovered) return
      setRecovered(undefined)
      // Saved from the version it was based on: if the plan moved on since, that is a conflict to settle.
      version.current = recovered.version
      pending.current = recovered.plan
      setDraft(recovered.plan)
    },
    discardRecovered: () => {
      setRecovered(undefined)
      localStorage.removeItem(localKey(negotiationId))
    },
    events,
    journal,
    derived,
    append,
  }
  return { model, error: undefined }
}
