/**
 * The storage interface: everything the server keeps, as plain values in and out. Two backends
 * implement it with the same query code (SQLite embedded, PostgreSQL for teams); the server never
 * sees SQL. Every method that changes data runs in one transaction, together with its audit entry.
 *
 * Expected refusals (a stale version, a taken email, the last owner leaving, an event id reused
 * with a different body) are returned as values; anything thrown is a bug or the database failing.
 * Secrets never arrive here in the clear: tokens are stored by their SHA-256 hash (`tokenHash`), and
 * passwords by the server's memory-hard hash.
 */

export type Dialect = 'sqlite' | 'postgres'
/**
 * A member's role in a workspace, the one list of them (the server's schemas, checks and messages
 * derive from it), from the most allowed down: each role may do all that the next may.
 */
export const ROLES = ['owner', 'editor', 'viewer'] as const
export type Role = (typeof ROLES)[number]

/** Whether `role` may do all that `minimum` may. */
export function isAtLeast(role: Role, minimum: Role): boolean {
  return ROLES.indexOf(role) <= ROLES.indexOf(minimum)
}
export type PlanFormat = 'yaml' | 'json'

/** Times are ISO 8601 strings in UTC with milliseconds (`2026-11-25T18:16:00.000Z`), so they sort as text. */
export type Timestamp = string

export interface User {
  id: string
  email: string
  name: string
  createdAt: Timestamp
}

/** How a password was last set: by its owner (current password given), a reset link, or on the server machine. */
export const PASSWORD_CHANGE_CHANNELS = ['self', 'reset-link', 'machine'] as const
export type PasswordChangeChannel = (typeof PASSWORD_CHANGE_CHANNELS)[number]

export interface UserWithPassword extends User {
  passwordHash: string
  /** When the password was last set after the account was made; null: never. */
  passwordChangedAt: Timestamp | null
  passwordChangedVia: PasswordChangeChannel | null
}

/** What a password change did besides setting the password: every other way into the account ended. */
export interface PasswordChange {
  user: User
  at: Timestamp
  via: PasswordChangeChannel
  /** Sessions ended that were still live (the one kept, if any, is not counted). */
  sessionsEnded: number
  /** API tokens revoked that still worked. */
  tokensRevoked: number
}

export interface Session {
  userId: string
  createdAt: Timestamp
  expiresAt: Timestamp
  lastSeenAt: Timestamp
}

export interface ApiToken {
  id: string
  userId: string
  name: string
  createdAt: Timestamp
  lastUsedAt: Timestamp | null
  /** Null: never expires. */
  expiresAt: Timestamp | null
}

export interface Workspace {
  id: string
  name: string
  createdAt: Timestamp
}

export interface WorkspaceWithRole extends Workspace {
  role: Role
}

export interface Member {
  userId: string
  email: string
  name: string
  role: Role
  joinedAt: Timestamp
}

export interface Invitation {
  id: string
  workspaceId: string
  role: Role
  /** Who it is for: when set, only an account with this email can accept it; null: anyone with the link. */
  email: string | null
  createdBy: string
  createdAt: Timestamp
  expiresAt: Timestamp
  acceptedAt: Timestamp | null
  acceptedBy: string | null
  revokedAt: Timestamp | null
}

/**
 * A share link: the team gives it to the other side of one negotiation, who open the deal room
 * with it and answer without an account. Only the hash of its secret is kept (`findShareLink`).
 */
export interface ShareLink {
  id: string
  workspaceId: string
  negotiationId: string
  /** What the team calls it ("Their CFO"); may be empty. */
  label: string
  createdBy: string
  createdAt: Timestamp
  /** Null: lasts until revoked. */
  expiresAt: Timestamp | null
  /** When the other side last opened or answered with it; null: never. */
  lastUsedAt: Timestamp | null
  revokedAt: Timestamp | null
}

export interface NegotiationSummary {
  id: string
  workspaceId: string
  title: string
  context: string
  version: number
  createdBy: string
  createdAt: Timestamp
  updatedAt: Timestamp
  /** The latest plan change or journal event. */
  lastActivityAt: Timestamp
  eventCount: number
  /** When it was archived (hidden from the list by default); null: not archived. */
  archivedAt: Timestamp | null
}

export interface Negotiation extends NegotiationSummary {
  /**
   * The plan as validated JSON text (the core schema's shape); null while the negotiation has never
   * had a valid plan (imported with problems: version 0, only a draft).
   */
  planJson: string | null
  /** The text the user wrote, kept so a download gives back their comments and key order. */
  planText: string | null
  planFormat: PlanFormat | null
}

/** The latest draft of a negotiation's plan: any text within the limits, valid or not, with its problems. */
export interface Draft {
  negotiationId: string
  text: string
  format: PlanFormat
  /** 1, 2, 3, ... counted per negotiation, never reused (a cleared draft's successor goes on counting). */
  version: number
  /** The problems found in the text, as JSON text (written and read by the server). */
  problems: string
  /** Whether the text is a valid plan (then `PUT .../plan` with it would be accepted). */
  valid: boolean
  updatedBy: string
  updatedAt: Timestamp
}

/** A draft as it is written: its text with what the server found in it. */
export interface DraftInput {
  text: string
  format: PlanFormat
  problems: string
  valid: boolean
}

export interface StoredEvent {
  negotiationId: string
  /** 1, 2, 3, ... in the order the journal received them. */
  seq: number
  /** The client-made id (ULID or UUID): appends are idempotent by it. */
  id: string
  /** The completed event as JSON text. */
  body: string
  /** SHA-256 of the request body as sent, to tell a retry from a different event with the same id. */
  requestHash: string
  createdBy: string
  createdAt: Timestamp
}

export interface Tradeable {
  id: string
  workspaceId: string
  name: string
  /** The entry as JSON text (the server's tradeable schema). */
  body: string
  createdBy: string
  createdAt: Timestamp
  updatedAt: Timestamp
}

export interface AuditEntry {
  seq: number
  workspaceId: string | null
  userId: string | null
  /** `negotiation.update`, `member.role`, `invitation.create`, ... */
  action: string
  /** What it was done to: `negotiation:<id>`, `user:<id>`, ... */
  target: string | null
  /** Small JSON text with the particulars (versions, roles); never secrets or plan contents. */
  detail: string | null
  at: Timestamp
}

/** Who does something, for the audit log. `null` user: the system (setup, import). */
export interface Actor {
  userId: string | null
}

export type Refusal<Code extends string> = { ok: false; code: Code; message: string }
export type Outcome<T, Code extends string> = { ok: true; value: T } | Refusal<Code>

export interface NewNegotiation {
  workspaceId: string
  title: string
  context: string
  /** Null: no valid plan yet (the negotiation starts at version 0, with its draft). */
  planJson: string | null
  planText: string | null
  planFormat: PlanFormat | null
  /** A draft to keep beside the plan (version 1). */
  draft?: DraftInput
  /** The negotiation this one copies: audited as `negotiation.duplicate`. */
  duplicateOf?: string
}

/**
 * A new title, from the plan's version it was based on: the server writes it into the plan (and
 * into the draft, when there is one) so the title and the plan's own never disagree.
 */
export interface NegotiationRename {
  workspaceId: string
  negotiationId: string
  title: string
  expectedVersion: number
  /** The plan with its new title; null when there is no valid plan yet (version 0). */
  plan: { planJson: string; planText: string | null } | null
  /** The draft with its new title, from the draft version it was based on; null: no draft. */
  draft: (DraftInput & { expectedVersion: number }) | null
}

export interface DraftSave extends DraftInput {
  workspaceId: string
  negotiationId: string
  /** The draft version the text was based on; undefined: none given (refused when a draft exists). */
  expectedVersion: number | undefined
}

export type DraftSaveResult =
  | { ok: true; value: Draft }
  | { ok: false; code: 'not_found'; message: string }
  | { ok: false; code: 'stale' | 'version_required'; message: string; current: number }

export interface PlanUpdate {
  workspaceId: string
  negotiationId: string
  /** The version the change was based on; the update happens only if it is still current. */
  expectedVersion: number
  title: string
  context: string
  planJson: string
  planText: string | null
  planFormat: PlanFormat | null
  /** Clears the draft in the same transaction if it is still at this version (the plan saved is the draft). */
  clearDraft?: number
  /**
   * Our floor moved after the first offer: which parts (field names, never their values) and why,
   * audited as `negotiation.floor_change` with the update.
   */
  floorChange?: { fields: string[]; reason: string }
}

/** What the caller decides about a new event, seeing the journal as it stands under the lock. */
export type EventDecision =
  | { ok: true; body: string }
  | { ok: false; code: string; message: string; path: string; detail?: unknown }

/** The journal as a new event will follow it. */
export interface JournalSoFar {
  /** How many events it holds; the new one will be number `count + 1`. */
  count: number
  /** The id of event number `count` (null for an empty journal): with `count`, it names this journal exactly. */
  lastId: string | null
  /** Every stored event, in order: read only when asked, since a caller that remembers the journal need not. */
  load(): Promise<StoredEvent[]>
}

export interface EventAppend {
  workspaceId: string
  negotiationId: string
  eventId: string
  requestHash: string
  /**
   * Called inside the transaction, with the negotiation locked, only when the id is new: it sees
   * the current plan and the journal so far, and returns the completed body or a refusal.
   */
  decide: (negotiation: Negotiation, journal: JournalSoFar) => EventDecision | Promise<EventDecision>
}

export type AppendResult =
  | { ok: true; event: StoredEvent; replayed: boolean }
  | { ok: false; code: 'not_found'; message: string }
  | { ok: false; code: 'id_conflict'; message: string; event: StoredEvent }
  | { ok: false; code: 'rejected'; decision: Extract<EventDecision, { ok: false }> }

export type PlanUpdateResult =
  | { ok: true; value: Negotiation }
  | { ok: false; code: 'not_found'; message: string }
  | { ok: false; code: 'stale'; message: string; current: number }

export interface Store {
  readonly dialect: Dialect
  close(): Promise<void>
  /** Asks the database for nothing; throws when it can not answer (health checks). */
  ping(): Promise<void>

  // Settings: small named values (the hashed setup token, the instance id).
  getSetting(key: string): Promise<string | null>
  setSetting(key: string, value: string | null): Promise<void>

  // Users
  countUsers(): Promise<number>
  createUser(
    input: { email: string; name: string; passwordHash: string },
    actor: Actor,
  ): Promise<Outcome<User, 'email_taken'>>
  /**
   * Creates the very first user, only while there is none and only with the setup token whose
   * hash is stored under the `setup_token_hash` setting; consumes the token. Also creates their
   * first workspace, with them as owner.
   */
  claimSetup(input: {
    tokenHash: string
    email: string
    name: string
    passwordHash: string
    workspaceName: string
  }): Promise<Outcome<{ user: User; workspace: Workspace }, 'setup_done' | 'bad_token'>>
  getUser(id: string): Promise<User | null>
  /** Emails are compared case-insensitively (stored lower-cased). */
  findUserByEmail(email: string): Promise<UserWithPassword | null>
  getUserWithPassword(id: string): Promise<UserWithPassword | null>
  /** Changes the name, or rehashes the same password with stronger parameters (a new password goes through `changePassword`). */
  updateUser(
    id: string,
    changes: { name?: string; passwordHash?: string },
    actor: Actor,
  ): Promise<User | null>
  /**
   * Sets a new password by its owner (`self`) or on the server machine (`machine`), atomically with
   * what must go with it: every session ends but `keepSessionHash` (the one making the change),
   * every API token is revoked, and an entry goes to the audit log of every workspace the account
   * belongs to. Null: no such user.
   */
  changePassword(
    input: {
      userId: string
      passwordHash: string
      via: Exclude<PasswordChangeChannel, 'reset-link'>
      now: Timestamp
      keepSessionHash?: string
    },
    actor: Actor,
  ): Promise<PasswordChange | null>

  // Sessions (browser) and API tokens (scripts), by the hash of the secret.
  /** `createdAt` defaults to the store's clock; the server passes its own, which the absolute lifetime counts from. */
  createSession(input: {
    tokenHash: string
    userId: string
    expiresAt: Timestamp
    createdAt?: Timestamp
  }): Promise<void>
  /** The session with its user, in one lookup (every browser request asks). */
  getSession(tokenHash: string): Promise<(Session & { user: User }) | null>
  touchSession(tokenHash: string, lastSeenAt: Timestamp, expiresAt: Timestamp): Promise<void>
  deleteSession(tokenHash: string): Promise<void>
  deleteSessionsOf(userId: string): Promise<void>
  deleteExpiredSessions(now: Timestamp): Promise<number>
  createApiToken(
    input: { tokenHash: string; userId: string; name: string; expiresAt?: Timestamp | null },
    actor: Actor,
  ): Promise<ApiToken>
  /**
   * Finds the token and records its use (written at most once a minute, so reads stay reads). An
   * expired token is found too, so the caller can say when it expired, but its use is not recorded.
   */
  useApiToken(tokenHash: string, now: Timestamp): Promise<(ApiToken & { user: User }) | null>
  listApiTokens(userId: string): Promise<ApiToken[]>
  deleteApiToken(userId: string, id: string, actor: Actor): Promise<boolean>

  // Rate limits: a fixed window per key, counted in the database so every instance shares it.
  /** Counts one hit for `key` in the window that `now` falls in, and returns the count so far. */
  hitRateLimit(key: string, windowMs: number, now: Timestamp): Promise<{ count: number; resetAt: Timestamp }>
  clearRateLimit(key: string): Promise<void>

  // Workspaces and memberships
  createWorkspace(input: { name: string; ownerId: string }, actor: Actor): Promise<Workspace>
  getWorkspace(id: string): Promise<Workspace | null>
  renameWorkspace(id: string, name: string, actor: Actor): Promise<Workspace | null>
  /** Deletes the workspace and everything in it (negotiations, events, tradeables, invitations). */
  deleteWorkspace(id: string, actor: Actor): Promise<boolean>
  listWorkspaces(userId: string): Promise<WorkspaceWithRole[]>
  getRole(workspaceId: string, userId: string): Promise<Role | null>
  listMembers(workspaceId: string): Promise<Member[]>
  /** Refuses to leave a workspace without an owner. */
  setRole(
    workspaceId: string,
    userId: string,
    role: Role,
    actor: Actor,
  ): Promise<Outcome<Member, 'not_found' | 'last_owner'>>
  removeMember(
    workspaceId: string,
    userId: string,
    actor: Actor,
  ): Promise<Outcome<true, 'not_found' | 'last_owner'>>

  // Invitations: one-time, expiring links for a role.
  createInvitation(
    input: { workspaceId: string; role: Role; email: string | null; tokenHash: string; expiresAt: Timestamp },
    actor: Actor & { userId: string },
  ): Promise<Invitation>
  listInvitations(workspaceId: string): Promise<Invitation[]>
  /** The invitation behind a token, whatever its state (the caller tells used, revoked, expired). */
  findInvitation(tokenHash: string): Promise<Invitation | null>
  revokeInvitation(workspaceId: string, id: string, actor: Actor): Promise<boolean>
  /**
   * Uses the invitation once, atomically: for a new person it creates the user; for a signed-in
   * user (`userId`) it adds the membership (keeping a higher role they already hold). An invitation
   * that names an email is refused (`wrong_email`) to any other email.
   */
  acceptInvitation(
    input: { tokenHash: string; now: Timestamp } & (
      | { userId: string }
      | { email: string; name: string; passwordHash: string }
    ),
  ): Promise<
    Outcome<
      { user: User; workspace: Workspace; role: Role },
      'invalid' | 'expired' | 'used' | 'email_taken' | 'wrong_email'
    >
  >

  // Password resets: a one-time link an owner makes for a member. The recovery rule: an owner may
  // reset only an account every one of whose workspaces they own too (so a reset reaches nothing
  // they do not already control); it is checked when the link is made and again when it is used.
  /** Refuses (`reset_not_allowed`) a member who belongs to a workspace the actor does not own. */
  createPasswordReset(
    input: { userId: string; tokenHash: string; expiresAt: Timestamp; workspaceId: string },
    actor: Actor & { userId: string },
  ): Promise<Outcome<{ id: string }, 'reset_not_allowed'>>
  /**
   * The reset behind a token, whatever its state (so a page can say "expired" before asking for a
   * password); `allowed` tells whether the recovery rule still lets its maker reset the account.
   */
  findPasswordReset(tokenHash: string): Promise<{
    userId: string
    expiresAt: Timestamp
    usedAt: Timestamp | null
    allowed: boolean
  } | null>
  /**
   * Sets the new password and uses the link, atomically with what a password change brings (see
   * `changePassword`; every session ends), after checking the recovery rule again under lock.
   */
  consumePasswordReset(input: {
    tokenHash: string
    passwordHash: string
    now: Timestamp
  }): Promise<Outcome<PasswordChange, 'invalid' | 'expired' | 'used' | 'reset_not_allowed'>>

  // Share links: the deal room's links to one negotiation, for the other side (no account).
  /** Null: no such negotiation in the workspace. Audited as `share_link.create`. */
  createShareLink(
    input: {
      workspaceId: string
      negotiationId: string
      tokenHash: string
      label: string
      expiresAt: Timestamp | null
    },
    actor: Actor & { userId: string },
  ): Promise<ShareLink | null>
  /** The links of one negotiation, newest first, revoked ones included. */
  listShareLinks(workspaceId: string, negotiationId: string): Promise<ShareLink[]>
  /** The link behind a token, whatever its state (the caller tells revoked and expired). */
  findShareLink(tokenHash: string): Promise<ShareLink | null>
  /** Records a use of the link (written at most once a minute, so reads stay mostly reads). */
  touchShareLink(id: string, now: Timestamp): Promise<void>
  /** Revokes at once; false: no such link on that negotiation, or revoked already. Audited as `share_link.revoke`. */
  revokeShareLink(workspaceId: string, negotiationId: string, id: string, actor: Actor): Promise<boolean>

  // Negotiations
  createNegotiation(input: NewNegotiation, actor: Actor): Promise<Negotiation>
  /** The active negotiations, or with `archived: true` the archived ones. */
  listNegotiations(workspaceId: string, options?: { archived?: boolean }): Promise<NegotiationSummary[]>
  getNegotiation(workspaceId: string, id: string): Promise<Negotiation | null>
  /**
   * The caller's role in the workspace and the negotiation, in one lookup (every request on a
   * negotiation asks both); `role` null: not a member, and then no negotiation either.
   */
  getNegotiationAs(
    workspaceId: string,
    id: string,
    userId: string,
  ): Promise<{ role: Role | null; negotiation: Negotiation | null }>
  /** Compare-and-set on the version: exactly one of two updates from the same version wins. */
  updatePlan(update: PlanUpdate, actor: Actor): Promise<PlanUpdateResult>
  deleteNegotiation(workspaceId: string, id: string, actor: Actor): Promise<boolean>
  /** A new title, compare-and-set on the plan's version and the draft's. */
  renameNegotiation(
    rename: NegotiationRename,
    actor: Actor,
  ): Promise<Outcome<NegotiationSummary, 'not_found' | 'stale'>>
  /** Archives or restores; null: no such negotiation. Archiving one already archived changes nothing. */
  archiveNegotiation(
    workspaceId: string,
    id: string,
    archived: boolean,
    actor: Actor,
  ): Promise<NegotiationSummary | null>

  // Drafts: the latest plan text of a negotiation, valid or not, beside its last valid plan.
  /** Null: no negotiation, or no draft (never made, or cleared by saving it as the plan). */
  getDraft(workspaceId: string, negotiationId: string): Promise<Draft | null>
  /** Compare-and-set on the draft's version; the first draft (or one after a clear) needs none. */
  saveDraft(save: DraftSave, actor: Actor): Promise<DraftSaveResult>

  // The journal: append-only, idempotent by the client's event id.
  /** The journal in order; `afterSeq` gives only what came after (for polling). Null: no such negotiation. */
  listEvents(
    workspaceId: string,
    negotiationId: string,
    options?: { afterSeq?: number },
  ): Promise<StoredEvent[] | null>
  appendEvent(append: EventAppend, actor: Actor): Promise<AppendResult>

  // The workspace's tradeables library.
  listTradeables(workspaceId: string): Promise<Tradeable[]>
  getTradeable(workspaceId: string, id: string): Promise<Tradeable | null>
  createTradeable(
    input: { workspaceId: string; name: string; body: string },
    actor: Actor & { userId: string },
  ): Promise<Tradeable>
  updateTradeable(
    input: { workspaceId: string; id: string; name: string; body: string },
    actor: Actor,
  ): Promise<Tradeable | null>
  deleteTradeable(workspaceId: string, id: string, actor: Actor): Promise<boolean>

  // The audit log, newest first.
  /** `target` and `action` keep only the entries about one thing (`negotiation:ID`) and of one kind. */
  listAudit(
    workspaceId: string,
    options?: { before?: number; limit?: number; target?: string; action?: string },
  ): Promise<AuditEntry[]>

  // Backup and move between backends.
  /** Every table that matters, as one JSON-ready value (sessions and rate-limit counters are left out). */
  exportAll(): Promise<DatabaseExport>
  /** Loads an export into an empty database; refuses a database that holds any user or workspace. */
  importAll(dump: DatabaseExport): Promise<Outcome<ImportCounts, 'not_empty'>>
}

export interface ImportCounts {
  users: number
  workspaces: number
  negotiations: number
  events: number
  drafts: number
  tradeables: number
  shareLinks: number
}

/** The export file: `parley export-db` writes it, `parley import-db` reads it (validated by `exportSchema`). */
export interface DatabaseExport {
  parley: 'database-export'
  version: 1
  exportedAt: Timestamp
  from: Dialect
  users: UserWithPassword[]
  apiTokens: (ApiToken & { tokenHash: string })[]
  workspaces: Workspace[]
  memberships: { workspaceId: string; userId: string; role: Role; joinedAt: Timestamp }[]
  invitations: (Invitation & { tokenHash: string })[]
  passwordResets: {
    id: string
    userId: string
    workspaceId: string
    tokenHash: string
    createdBy: string
    createdAt: Timestamp
    expiresAt: Timestamp
    usedAt: Timestamp | null
  }[]
  /** Rows as stored: `planJson` is the text `null` for a negotiation at version 0. */
  negotiations: (Omit<Negotiation, 'planJson'> & { planJson: string })[]
  events: StoredEvent[]
  /** Drafts as stored: a cleared draft has no text, and keeps its version. */
  drafts: (Omit<Draft, 'text' | 'valid'> & { text: string | null; valid: number })[]
  tradeables: Tradeable[]
  /** Share links as stored (hashes only). Added after format 1 was first written: older files have none. */
  shareLinks: (ShareLink & { tokenHash: string })[]
  audit: AuditEntry[]
  settings: { key: string; value: string }[]
}
