/**
 * The API's shapes as TypeScript types, for clients written in TypeScript (the web app imports
 * `@parley/server/contract`): each is inferred from the zod schema the routes declare, so a change
 * of a shape here fails the client's type-check instead of its users. Types only: importing this
 * module loads nothing at run time (contract.test.ts), so a client bundles no server code.
 *
 * Answers are what the server sends (`z.output`), request bodies what a client may send (`z.input`).
 */
import type { z } from '@hono/zod-openapi'
import type { CounterpartyView, JournalEvent, Plan } from '@parley/core'
import type { PASSWORD_MIN_LENGTH } from '../auth/passwords'
import type { ErrorSchema } from './api'
import type {
  AnswerInputSchema,
  DealRoomSchema,
  NewShareLinkSchema,
  RecordedAnswerSchema,
  ShareLinkInputSchema,
  ShareLinkListSchema,
  ShareLinkSchema,
} from './deal-room-schemas'
import type {
  AcceptSchema,
  ApiTokenInputSchema,
  ApiTokenListSchema,
  ApiTokenSchema,
  AuditEntrySchema,
  AuditListSchema,
  DraftInputSchema,
  DraftProblemSchema,
  DraftSavedSchema,
  DraftSchema,
  FloorChangesSchema,
  ImportedDraftSchema,
  InvitationInputSchema,
  InvitationLinkSchema,
  InvitationListSchema,
  InvitationPreviewSchema,
  InvitationSchema,
  JoinedSchema,
  JournalSchema,
  LoginSchema,
  MemberListSchema,
  MemberSchema,
  MeSchema,
  NameSchema,
  NegotiationChangeSchema,
  NegotiationListSchema,
  NegotiationSchema,
  NegotiationSummarySchema,
  NewApiTokenSchema,
  NewPasswordSchema,
  PasswordChangeSchema,
  PasswordResetDoneSchema,
  PasswordResetStateSchema,
  ProfileChangeSchema,
  ProfileSchema,
  ResetLinkSchema,
  RoleChangeSchema,
  RoleSchema,
  SetupSchema,
  SetupStateSchema,
  SignedInSchema,
  StoredEventSchema,
  TradeableInputSchema,
  TradeableListSchema,
  TradeableSchema,
  UserSchema,
  WorkspaceListSchema,
  WorkspaceSchema,
} from './schemas'

/** The shortest password the server accepts, in characters, as a literal type (`12`). */
export type PasswordMinLength = typeof PASSWORD_MIN_LENGTH

// Errors
export type ErrorBody = z.output<typeof ErrorSchema>
/** One problem of a refusal: its code, message and path (`issues[2].us.weight`), with a line in a file. */
export type ApiProblem = NonNullable<ErrorBody['error']['problems']>[number]

// People and workspaces
export type Role = z.output<typeof RoleSchema>
export type User = z.output<typeof UserSchema>
export type Workspace = z.output<typeof WorkspaceSchema>
export type Member = z.output<typeof MemberSchema>
export type Invitation = z.output<typeof InvitationSchema>
export type PasswordChange = z.output<typeof PasswordChangeSchema>
export type ApiToken = z.output<typeof ApiTokenSchema>
export type AuditEntry = z.output<typeof AuditEntrySchema>

// Answers
export type SetupState = z.output<typeof SetupStateSchema>
export type Joined = z.output<typeof JoinedSchema>
export type SignedIn = z.output<typeof SignedInSchema>
export type Me = z.output<typeof MeSchema>
export type ProfileChange = z.output<typeof ProfileChangeSchema>
export type ApiTokenList = z.output<typeof ApiTokenListSchema>
export type NewApiToken = z.output<typeof NewApiTokenSchema>
export type WorkspaceList = z.output<typeof WorkspaceListSchema>
export type MemberList = z.output<typeof MemberListSchema>
export type InvitationList = z.output<typeof InvitationListSchema>
export type InvitationLink = z.output<typeof InvitationLinkSchema>
export type ResetLink = z.output<typeof ResetLinkSchema>
export type InvitationPreview = z.output<typeof InvitationPreviewSchema>
export type PasswordResetState = z.output<typeof PasswordResetStateSchema>
export type PasswordResetDone = z.output<typeof PasswordResetDoneSchema>
export type NegotiationSummary = z.output<typeof NegotiationSummarySchema>
export type NegotiationList = z.output<typeof NegotiationListSchema>
export type TradeableList = z.output<typeof TradeableListSchema>
export type Tradeable = z.output<typeof TradeableSchema>
export type AuditList = z.output<typeof AuditListSchema>
export type Draft = z.output<typeof DraftSchema>
export type FloorChanges = z.output<typeof FloorChangesSchema>
export type DraftSaved = z.output<typeof DraftSavedSchema>
export type DraftProblem = z.output<typeof DraftProblemSchema>
/** What importing a plan with problems answers: a negotiation with only a draft. */
export type ImportedDraft = z.output<typeof ImportedDraftSchema>

// The document describes a plan and an event as open maps (their own schemas are plan.v1.json and
// the journal's event types); what the server sends back is only ever a plan core's PlanSchema
// accepted and an event core admitted, so here they carry core's types.
export type Negotiation = Omit<z.output<typeof NegotiationSchema>, 'plan'> & { plan: Plan }
export type StoredEvent = Omit<z.output<typeof StoredEventSchema>, 'event'> & { event: JournalEvent }
export type Journal = Omit<z.output<typeof JournalSchema>, 'events'> & { events: StoredEvent[] }

// The deal room: the team's share links, and what the other side reads and sends through one.
export type ShareLink = z.output<typeof ShareLinkSchema>
export type ShareLinkList = z.output<typeof ShareLinkListSchema>
export type NewShareLink = z.output<typeof NewShareLinkSchema>
export type DealRoom = Omit<z.output<typeof DealRoomSchema>, 'view'> & { view: CounterpartyView }
export type RecordedAnswer = Omit<z.output<typeof RecordedAnswerSchema>, 'event'> & { event: JournalEvent }

// Request bodies
export type ShareLinkInput = z.input<typeof ShareLinkInputSchema>
export type AnswerInput = z.input<typeof AnswerInputSchema>
export type SetupInput = z.input<typeof SetupSchema>
export type LoginInput = z.input<typeof LoginSchema>
export type ProfileInput = z.input<typeof ProfileSchema>
export type NameInput = z.input<typeof NameSchema>
export type ApiTokenInput = z.input<typeof ApiTokenInputSchema>
export type RoleChangeInput = z.input<typeof RoleChangeSchema>
export type InvitationInput = z.input<typeof InvitationInputSchema>
export type AcceptInput = z.input<typeof AcceptSchema>
export type NewPasswordInput = z.input<typeof NewPasswordSchema>
export type TradeableInput = z.input<typeof TradeableInputSchema>
export type NegotiationChangeInput = z.input<typeof NegotiationChangeSchema>
export type DraftInput = z.input<typeof DraftInputSchema>
