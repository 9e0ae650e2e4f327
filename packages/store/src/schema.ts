/**
 * The tables as Kysely sees them: one `Database` type for both dialects. Columns are snake_case,
 * times are ISO 8601 text, JSON is text, ids are text made by the app. Only `audit_log.seq` is made
 * by the database. Integer columns are plain 32-bit `integer` on PostgreSQL too, because the pg
 * driver hands 64-bit values back as strings.
 */
import type { Generated, Insertable, Selectable } from 'kysely'
import type { PasswordChangeChannel, PlanFormat, Role } from './store'

export interface UsersTable {
  id: string
  /** Lower-cased and trimmed, so the unique index compares emails case-insensitively. */
  email: string
  name: string
  password_hash: string
  created_at: string
  /** When the password was last set after the account was made; null: never (migration 2026120301). */
  password_changed_at: string | null
  password_changed_via: PasswordChangeChannel | null
}

export interface SessionsTable {
  token_hash: string
  user_id: string
  created_at: string
  expires_at: string
  last_seen_at: string
}

export interface ApiTokensTable {
  id: string
  user_id: string
  name: string
  token_hash: string
  created_at: string
  last_used_at: string | null
  /** Null: the token never expires (migration 2026120301). */
  expires_at: string | null
}

export interface WorkspacesTable {
  id: string
  name: string
  created_at: string
}

export interface MembershipsTable {
  workspace_id: string
  user_id: string
  role: Role
  joined_at: string
}

export interface InvitationsTable {
  id: string
  workspace_id: string
  role: Role
  email: string | null
  token_hash: string
  created_by: string
  created_at: string
  expires_at: string
  accepted_at: string | null
  accepted_by: string | null
  revoked_at: string | null
}

export interface PasswordResetsTable {
  id: string
  user_id: string
  workspace_id: string
  token_hash: string
  created_by: string
  created_at: string
  expires_at: string
  used_at: string | null
}

export interface NegotiationsTable {
  id: string
  workspace_id: string
  title: string
  context: string
  plan_json: string
  plan_text: string | null
  plan_format: PlanFormat | null
  version: number
  created_by: string
  created_at: string
  updated_at: string
  last_activity_at: string
  event_count: number
  /** When it was archived (hidden from the list); null: not archived (migration 2026120501). */
  archived_at: string | null
}

/** The latest draft of a negotiation's plan (migration 2026120501); `text` null: cleared. */
export interface DraftsTable {
  negotiation_id: string
  text: string | null
  format: PlanFormat
  version: number
  /** The problems found in the text, as JSON text (the server's draft problems). */
  problems: string
  /** 1 when the text is a valid plan. */
  valid: number
  updated_by: string
  updated_at: string
}

/** A link the team gave the other side of one negotiation (migration 2026120502); only its hash is kept. */
export interface ShareLinksTable {
  id: string
  workspace_id: string
  negotiation_id: string
  token_hash: string
  label: string
  created_by: string
  created_at: string
  /** Null: lasts until revoked. */
  expires_at: string | null
  last_used_at: string | null
  revoked_at: string | null
}

export interface EventsTable {
  negotiation_id: string
  seq: number
  id: string
  body: string
  request_hash: string
  created_by: string
  created_at: string
}

export interface TradeablesTable {
  id: string
  workspace_id: string
  name: string
  body: string
  created_by: string
  created_at: string
  updated_at: string
}

export interface AuditLogTable {
  seq: Generated<number>
  workspace_id: string | null
  user_id: string | null
  action: string
  target: string | null
  detail: string | null
  at: string
}

export interface RateLimitsTable {
  key: string
  /** The window's start as ISO text: a hit in another window starts the count again. */
  window_start: string
  count: number
}

export interface SettingsTable {
  key: string
  value: string
}

export interface Database {
  users: UsersTable
  sessions: SessionsTable
  api_tokens: ApiTokensTable
  workspaces: WorkspacesTable
  memberships: MembershipsTable
  invitations: InvitationsTable
  password_resets: PasswordResetsTable
  negotiations: NegotiationsTable
  events: EventsTable
  drafts: DraftsTable
  share_links: ShareLinksTable
  tradeables: TradeablesTable
  audit_log: AuditLogTable
  rate_limits: RateLimitsTable
  settings: SettingsTable
}

export type UserRow = Selectable<UsersTable>
export type ApiTokenRow = Selectable<ApiTokensTable>
export type WorkspaceRow = Selectable<WorkspacesTable>
export type InvitationRow = Selectable<InvitationsTable>
export type NegotiationRow = Selectable<NegotiationsTable>
export type EventRow = Selectable<EventsTable>
export type DraftRow = Selectable<DraftsTable>
export type ShareLinkRow = Selectable<ShareLinksTable>
export type TradeableRow = Selectable<TradeablesTable>
export type AuditRow = Selectable<AuditLogTable>
export type NewAuditRow = Insertable<AuditLogTable>
export type MembershipRow = Selectable<MembershipsTable>
export type PasswordResetRow = Selectable<PasswordResetsTable>
