/**
 * The export file's format, checked at the edge: `parley import-db` reads a file the user hands
 * it, so every problem is reported with where it is (`events[12].seq`) and what is wrong, before
 * anything touches the database. Beyond the shape, it checks what the database would otherwise
 * refuse half-way through an import: duplicate keys and references to rows that are not in the file.
 */
import { z } from 'zod'
import { type DatabaseExport, PASSWORD_CHANGE_CHANNELS, ROLES } from './store'

const MAX_INT = 2_147_483_647 // integer columns are 32-bit on PostgreSQL

const timestamp = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/, 'expected a UTC time like 2026-11-25T18:16:00.000Z')
const nullableTimestamp = timestamp.nullable()
/** A column added after format 1 was first written: files made before it read as null. */
const laterTimestamp = nullableTimestamp.default(null)
const text = z.string()
const id = z.string().min(1, 'must not be empty')
const role = z.enum(ROLES)
const count = (min: number) => z.number().int().min(min).max(MAX_INT)

const user = z.object({
  id,
  email: z
    .string()
    .min(1)
    .refine((email) => email === email.trim().toLowerCase(), 'emails are stored lower-cased and trimmed'),
  name: text,
  createdAt: timestamp,
  passwordHash: text,
  passwordChangedAt: laterTimestamp,
  passwordChangedVia: z.enum(PASSWORD_CHANGE_CHANNELS).nullable().default(null),
})

const apiToken = z.object({
  id,
  userId: id,
  name: text,
  createdAt: timestamp,
  lastUsedAt: nullableTimestamp,
  expiresAt: laterTimestamp,
  tokenHash: id,
})

const workspace = z.object({ id, name: text, createdAt: timestamp })

const membership = z.object({ workspaceId: id, userId: id, role, joinedAt: timestamp })

const invitation = z.object({
  id,
  workspaceId: id,
  role,
  email: z.string().nullable(),
  createdBy: id,
  createdAt: timestamp,
  expiresAt: timestamp,
  acceptedAt: nullableTimestamp,
  acceptedBy: id.nullable(),
  revokedAt: nullableTimestamp,
  tokenHash: id,
})

const passwordReset = z.object({
  id,
  userId: id,
  workspaceId: id,
  tokenHash: id,
  createdBy: id,
  createdAt: timestamp,
  expiresAt: timestamp,
  usedAt: nullableTimestamp,
})

const negotiation = z.object({
  id,
  workspaceId: id,
  title: text,
  context: text,
  // 0: imported with problems, no valid plan yet (planJson is `null`).
  version: count(0),
  createdBy: id,
  createdAt: timestamp,
  updatedAt: timestamp,
  lastActivityAt: timestamp,
  eventCount: count(0),
  archivedAt: laterTimestamp,
  planJson: text,
  planText: z.string().nullable(),
  planFormat: z.enum(['yaml', 'json']).nullable(),
})

const event = z.object({
  negotiationId: id,
  seq: count(1),
  id,
  body: text,
  requestHash: text,
  createdBy: id,
  createdAt: timestamp,
})

const draft = z.object({
  negotiationId: id,
  text: z.string().nullable(),
  format: z.enum(['yaml', 'json']),
  version: count(1),
  problems: text,
  valid: z.union([z.literal(0), z.literal(1)]),
  updatedBy: id,
  updatedAt: timestamp,
})

const tradeable = z.object({
  id,
  workspaceId: id,
  name: text,
  body: text,
  createdBy: id,
  createdAt: timestamp,
  updatedAt: timestamp,
})

const shareLink = z.object({
  id,
  workspaceId: id,
  negotiationId: id,
  tokenHash: id,
  label: text,
  createdBy: id,
  createdAt: timestamp,
  expiresAt: nullableTimestamp,
  lastUsedAt: nullableTimestamp,
  revokedAt: nullableTimestamp,
})

const auditEntry = z.object({
  seq: count(1),
  workspaceId: id.nullable(),
  userId: id.nullable(),
  action: z.string().min(1),
  target: z.string().nullable(),
  detail: z.string().nullable(),
  at: timestamp,
})

const setting = z.object({ key: z.string().min(1), value: text })

/** The shape of {@link DatabaseExport}, with the cross-references a database would enforce. */
export const exportSchema = z
  .object({
    parley: z.literal('database-export', 'not a Parley database export (expected "database-export")'),
    version: z.literal(1, 'this export format version is not supported (expected 1)'),
    exportedAt: timestamp,
    from: z.enum(['sqlite', 'postgres']),
    users: z.array(user),
    apiTokens: z.array(apiToken),
    workspaces: z.array(workspace),
    memberships: z.array(membership),
    invitations: z.array(invitation),
    passwordResets: z.array(passwordReset),
    negotiations: z.array(negotiation),
    events: z.array(event),
    /** Added after format 1 was first written: files made before it have none. */
    drafts: z.array(draft).default([]),
    tradeables: z.array(tradeable),
    /** Added after format 1 was first written: files made before it have none. */
    shareLinks: z.array(shareLink).default([]),
    audit: z.array(auditEntry),
    settings: z.array(setting),
  })
  .superRefine((dump, ctx) => {
    const problem = (path: (string | number)[], message: string) =>
      ctx.addIssue({ code: 'custom', path, message })

    function unique<T>(table: string, rows: readonly T[], field: string, keyOf: (row: T) => string): void {
      const seen = new Map<string, number>()
      rows.forEach((row, index) => {
        const key = keyOf(row)
        const first = seen.get(key)
        if (first === undefined) seen.set(key, index)
        else problem([table, index, field], `duplicate of ${table}[${first}].${field}`)
      })
    }
    function references<T>(
      table: string,
      rows: readonly T[],
      field: string,
      referenceOf: (row: T) => string,
      target: string,
      ids: ReadonlySet<string>,
    ): void {
      rows.forEach((row, index) => {
        const value = referenceOf(row)
        if (!ids.has(value))
          problem([table, index, field], `refers to ${target} ${value}, which is not in the file`)
      })
    }

    unique('users', dump.users, 'id', (row) => row.id)
    unique('users', dump.users, 'email', (row) => row.email)
    unique('apiTokens', dump.apiTokens, 'id', (row) => row.id)
    unique('apiTokens', dump.apiTokens, 'tokenHash', (row) => row.tokenHash)
    unique('workspaces', dump.workspaces, 'id', (row) => row.id)
    unique('memberships', dump.memberships, 'userId', (row) => `${row.workspaceId} ${row.userId}`)
    unique('invitations', dump.invitations, 'id', (row) => row.id)
    unique('invitations', dump.invitations, 'tokenHash', (row) => row.tokenHash)
    unique('passwordResets', dump.passwordResets, 'id', (row) => row.id)
    unique('passwordResets', dump.passwordResets, 'tokenHash', (row) => row.tokenHash)
    unique('negotiations', dump.negotiations, 'id', (row) => row.id)
    unique('events', dump.events, 'seq', (row) => `${row.negotiationId} ${row.seq}`)
    unique('events', dump.events, 'id', (row) => `${row.negotiationId} ${row.id}`)
    unique('drafts', dump.drafts, 'negotiationId', (row) => row.negotiationId)
    unique('tradeables', dump.tradeables, 'id', (row) => row.id)
    unique('shareLinks', dump.shareLinks, 'id', (row) => row.id)
    unique('shareLinks', dump.shareLinks, 'tokenHash', (row) => row.tokenHash)
    unique('audit', dump.audit, 'seq', (row) => String(row.seq))
    unique('settings', dump.settings, 'key', (row) => row.key)

    const users = new Set(dump.users.map((row) => row.id))
    const workspaces = new Set(dump.workspaces.map((row) => row.id))
    const negotiations = new Set(dump.negotiations.map((row) => row.id))
    references('apiTokens', dump.apiTokens, 'userId', (row) => row.userId, 'user', users)
    references(
      'memberships',
      dump.memberships,
      'workspaceId',
      (row) => row.workspaceId,
      'workspace',
      workspaces,
    )
    references('memberships', dump.memberships, 'userId', (row) => row.userId, 'user', users)
    references(
      'invitations',
      dump.invitations,
      'workspaceId',
      (row) => row.workspaceId,
      'workspace',
      workspaces,
    )
    references('passwordResets', dump.passwordResets, 'userId', (row) => row.userId, 'user', users)
    references(
      'passwordResets',
      dump.passwordResets,
      'workspaceId',
      (row) => row.workspaceId,
      'workspace',
      workspaces,
    )
    references(
      'negotiations',
      dump.negotiations,
      'workspaceId',
      (row) => row.workspaceId,
      'workspace',
      workspaces,
    )
    references(
      'events',
      dump.events,
      'negotiationId',
      (row) => row.negotiationId,
      'negotiation',
      negotiations,
    )
    references(
      'drafts',
      dump.drafts,
      'negotiationId',
      (row) => row.negotiationId,
      'negotiation',
      negotiations,
    )
    references(
      'tradeables',
      dump.tradeables,
      'workspaceId',
      (row) => row.workspaceId,
      'workspace',
      workspaces,
    )
    references(
      'shareLinks',
      dump.shareLinks,
      'negotiationId',
      (row) => row.negotiationId,
      'negotiation',
      negotiations,
    )
  })

export interface ExportProblem {
  /** Where, as written in the file: `events[12].seq`; empty for the file as a whole. */
  path: string
  message: string
}

export type ReadExportResult = { ok: true; dump: DatabaseExport } | { ok: false; problems: ExportProblem[] }

export function formatPath(path: readonly PropertyKey[]): string {
  let out = ''
  for (const segment of path) {
    if (typeof segment === 'number') out += `[${segment}]`
    else out += out === '' ? String(segment) : `.${String(segment)}`
  }
  return out
}

/** Validates a parsed export file; every problem comes with its path. */
export function readDatabaseExport(value: unknown): ReadExportResult {
  const result = exportSchema.safeParse(value, {
    error: (issue) => {
      if (issue.code !== 'invalid_type') return undefined
      if ((issue.path ?? []).length === 0) return 'expected a Parley database export (a JSON object)'
      if (issue.input === undefined) return 'missing'
      return undefined
    },
  })
  if (result.success) return { ok: true, dump: result.data }
  return {
    ok: false,
    problems: result.error.issues.map((issue) => ({ path: formatPath(issue.path), message: issue.message })),
  }
}
