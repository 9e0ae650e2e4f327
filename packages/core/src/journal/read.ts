/**
 * Reading events: the schema of each type, checked as strictly as plans and reported the same way;
 * and completing an event a person typed (id, time, side, round, plan version, bundle labels).
 */
import { type PathProblem, pathError } from '../model/problem'
import { closest, schemaProblems } from '../plan/schema-problems'
import { DEFAULT_SIDE, EVENT_TYPES, EventSchemas, type EventType, type JournalEvent } from './events'

export type EventRead = { ok: true; event: JournalEvent } | { ok: false; errors: PathProblem[] }

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value)
}

export function isEventType(value: unknown): value is EventType {
  return typeof value === 'string' && (EVENT_TYPES as readonly string[]).includes(value)
}

/** Checks an event's shape (not yet its fit with the plan and the journal: see `check.ts`). */
export function readEvent(raw: unknown): EventRead {
  if (!isRecord(raw))
    return {
      ok: false,
      errors: [pathError('invalid_type', [], 'an event must be a map of fields with a type')],
    }
  if (raw.type === undefined) {
    return {
      ok: false,
      errors: [pathError('required', ['type'], `is required (one of ${EVENT_TYPES.join(', ')})`)],
    }
  }
  if (!isEventType(raw.type)) {
    const hint = typeof raw.type === 'string' ? closest(raw.type, EVENT_TYPES) : undefined
    return {
      ok: false,
      errors: [
        pathError(
          'unknown_event_type',
          ['type'],
          `unknown event type ${JSON.stringify(raw.type)}${hint ? ` (did you mean '${hint}'?)` : ` (types: ${EVENT_TYPES.join(', ')})`}`,
        ),
      ],
    }
  }
  const schema = EventSchemas[raw.type]
  const parsed = schema.safeParse(raw)
  if (!parsed.success) return { ok: false, errors: schemaProblems(parsed.error.issues, raw, schema) }
  return { ok: true, event: parsed.data as JournalEvent }
}

/** What `parley journal add` (or the server) supplies for the fields a person need not type. */
export interface EventDefaults {
  id: string
  at: string
  round: number
  planVersion: string | number
}

const LABELS = ['A', 'B', 'C', 'D', 'E']

/**
 * Fills what is missing: id, time, side (the usual one for the type), round, plan version, the
 * labels A, B, C of offered bundles and 1, 2, 3 of alternatives offered before signing. Never
 * overwrites what was given.
 */
export function completeEvent(raw: unknown, defaults: EventDefaults): unknown {
  if (!isRecord(raw)) return raw
  const type = raw.type
  const event: Record<string, unknown> = {
    ...raw,
    id: raw.id ?? defaults.id,
    at: raw.at ?? defaults.at,
    side: raw.side ?? (isEventType(type) ? DEFAULT_SIDE[type] : undefined),
    round: raw.round ?? defaults.round,
    planVersion: raw.planVersion ?? defaults.planVersion,
  }
  if ((type === 'offer-sent' || type === 'alternatives-offered') && Array.isArray(raw.bundles)) {
    // An offer's bundles are A, B, C; the alternatives beside an agreement 1, 2, 3 (as status lists them).
    event.bundles = raw.bundles.map((bundle, k) =>
      isRecord(bundle) && bundle.label === undefined && Array.isArray(raw.bundles) && raw.bundles.length > 0
        ? { label: type === 'offer-sent' ? (LABELS[k] ?? String(k + 1)) : String(k + 1), ...bundle }
        : bundle,
    )
  }
  return event
}
