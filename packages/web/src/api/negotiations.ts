/**
 * The API's calls on negotiations and their journals. A plan is read with its version (the ETag)
 * and saved from the version it was based on (If-Match), so a save that meets someone else's is
 * refused (409) rather than overwriting it; an event carries an id made by the caller, so a retry
 * is recorded once. Each returns the server's own type.
 */
import {
  type DocumentFormat,
  type DocumentKind,
  type LearnerState,
  learnerStateOf,
  type Plan,
} from '@parley/core'
import type {
  Draft,
  DraftSaved,
  FloorChanges,
  ImportedDraft,
  Journal,
  Negotiation,
  NegotiationList,
  NegotiationSummary,
  StoredEvent,
} from '@parley/server/contract'
import { ApiError, http, path, request, versionOf } from './http'

/** Which negotiation: the workspace it is in and its id. */
export interface NegotiationAt {
  workspaceId: string
  negotiationId: string
}

/** A negotiation and its version: the one a change to it must be based on. */
export interface VersionedNegotiation {
  negotiation: Negotiation
  version: number
}

/** A journal event as `parley journal add` takes it (the server checks it with core), with its id. */
export type JournalEventInput = { id: string } & Record<string, unknown>

function negotiationPath({ workspaceId, negotiationId }: NegotiationAt): string {
  return path`/api/workspaces/${workspaceId}/negotiations/${negotiationId}`
}

function versioned(answer: { body: Negotiation; headers: Headers }): VersionedNegotiation {
  return { negotiation: answer.body, version: versionOf(answer.headers) ?? answer.body.version }
}

/** The workspace's negotiations, most recently active first: those in use, or the archived ones. */
export async function listNegotiations(
  workspaceId: string,
  options: { archived?: boolean } = {},
): Promise<NegotiationSummary[]> {
  const query = options.archived ? '?archived=true' : ''
  return (await http.get<NegotiationList>(`${path`/api/workspaces/${workspaceId}/negotiations`}${query}`))
    .body.negotiations
}

/** Archives (hidden from the list, kept whole) or restores a negotiation. */
export async function archiveNegotiation(at: NegotiationAt, archived: boolean): Promise<NegotiationSummary> {
  return (await http.patch<NegotiationSummary>(negotiationPath(at), { archived })).body
}

/** A copy with the plan (and any draft) but not the journal, titled "Copy of …". */
export async function duplicateNegotiation(at: NegotiationAt): Promise<NegotiationSummary> {
  return (await http.post<NegotiationSummary>(`${negotiationPath(at)}/duplicate`)).body
}

/** Deletes a negotiation and its journal for good (audited). */
export async function deleteNegotiation(at: NegotiationAt): Promise<void> {
  await http.delete<unknown>(negotiationPath(at))
}

export async function getNegotiation(at: NegotiationAt): Promise<VersionedNegotiation> {
  return versioned(await http.get<Negotiation>(negotiationPath(at)))
}

export async function createNegotiation(workspaceId: string, plan: Plan): Promise<Negotiation> {
  return (await http.post<Negotiation>(path`/api/workspaces/${workspaceId}/negotiations`, plan)).body
}

/**
 * A negotiation from a plan file, kept as written (comments and all); a plan with problems comes
 * back as a draft to repair (`draft: true`), nothing computed from it until it is valid.
 */
export async function importPlanFile(
  workspaceId: string,
  file: { text: string; type: 'application/json' | 'application/yaml' },
): Promise<Negotiation | ImportedDraft> {
  const answer = await request<Negotiation | ImportedDraft>(
    'POST',
    path`/api/workspaces/${workspaceId}/negotiations/import`,
    {
      text: file.text,
      type: file.type,
    },
  )
  return answer.body
}

/**
 * Saves the plan from `version`; refused with 409 when the plan has moved on since, and with 400
 * `floor_change_reason_required` when it moves our floor after the first offer without `floorChangeReason`.
 */
export async function savePlan(
  at: NegotiationAt,
  plan: Plan,
  version: number,
  floorChangeReason?: string,
): Promise<VersionedNegotiation> {
  const query = floorChangeReason ? `?floorChangeReason=${encodeURIComponent(floorChangeReason)}` : ''
  return versioned(
    await http.put<Negotiation>(`${negotiationPath(at)}/plan${query}`, plan, { 'if-match': `"${version}"` }),
  )
}

/** Where the plan file downloads from: as its author wrote it (a link, not a call). */
export function planFileUrl(at: NegotiationAt): string {
  return `${negotiationPath(at)}/plan`
}

/** A document of the negotiation as a file (`…/documents/meso?format=pdf`). */
export function documentUrl(at: NegotiationAt, kind: DocumentKind, format: DocumentFormat): string {
  return `${negotiationPath(at)}/documents/${kind}?format=${format}`
}

/** The journal, in order; with `after`, only what was stored since that sequence number. */
export async function listEvents(at: NegotiationAt, after?: number): Promise<StoredEvent[]> {
  const since = after === undefined ? '' : `?after=${after}`
  return (await http.get<Journal>(`${negotiationPath(at)}/events${since}`)).body.events
}

/** What the server learned from the journal: the learner's state and the plan version it was learned on. */
export interface Learned {
  state: LearnerState
  version: number
}

/** How long opening a negotiation waits for the server's learner state before learning in the browser. */
const LEARNED_WAIT_MS = 3000

/**
 * The server's learner state for the negotiation (`…/learned`), so opening it does not learn every
 * move again in the browser; undefined when it can not be had (offline, refused, not a state): the
 * browser then learns the journal itself, with the same figures, only slower.
 */
export async function getLearned(at: NegotiationAt): Promise<Learned | undefined> {
  try {
    // Not waited for long: a busy server must not hold the negotiation up; learning here is the fallback.
    const response = await fetch(`${negotiationPath(at)}/learned`, {
      credentials: 'same-origin',
      signal: AbortSignal.timeout(LEARNED_WAIT_MS),
    })
    // 204: nothing of theirs to learn from yet. A refusal's body (a plan still a draft: 409) is let go
    // of at once: left unread, the request stays open until the timeout above aborts it.
    if (response.status !== 200) {
      await response.body?.cancel()
      return undefined
    }
    const read = learnerStateOf(new Uint8Array(await response.arrayBuffer()))
    const version = read?.kept.version
    return read && typeof version === 'number' ? { state: read.state, version } : undefined
  } catch {
    return undefined
  }
}

/** Appends an event; the same id sent again is answered as the first time, and recorded once. */
export async function appendEvent(at: NegotiationAt, event: JournalEventInput): Promise<StoredEvent> {
  return (await http.post<StoredEvent>(`${negotiationPath(at)}/events`, event)).body
}

/** When our floor moved after the first offer, newest first: when, who, which fields and why. */
export async function listFloorChanges(at: NegotiationAt): Promise<FloorChanges['changes']> {
  return (await http.get<FloorChanges>(`${negotiationPath(at)}/floor-changes`)).body.changes
}

/** The latest draft of the plan's text, with its problems; undefined when there is none. */
export async function getDraft(at: NegotiationAt): Promise<Draft | undefined> {
  try {
    return (await http.get<Draft>(`${negotiationPath(at)}/draft`)).body
  } catch (caught) {
    if (caught instanceof ApiError && caught.code === 'no_draft') return undefined
    throw caught
  }
}

/** Keeps the plan's text as typed, valid or not, from the draft `version` (none for the first). */
export async function saveDraft(
  at: NegotiationAt,
  draft: { text: string; format: 'yaml' | 'json' },
  version: number | undefined,
): Promise<DraftSaved> {
  return (
    await request<DraftSaved>('PUT', `${negotiationPath(at)}/draft`, {
      json: draft,
      ...(version !== undefined ? { headers: { 'if-match': `"${version}"` } } : {}),
    })
  ).body
}

/** Makes a valid plan text the negotiation's plan, from plan `version` (0 for a negotiation with only a draft). */
export async function savePlanText(
  at: NegotiationAt,
  draft: { text: string; format: 'yaml' | 'json' },
  version: number,
): Promise<VersionedNegotiation> {
  return versioned(
    await request<Negotiation>('PUT', `${negotiationPath(at)}/plan`, {
      text: draft.text,
      type: draft.format === 'json' ? 'application/json' : 'application/yaml',
      headers: { 'if-match': `"${version}"` },
    }),
  )
}
