/** The shapes the API sends and receives, declared once for validation and for the OpenAPI document. */
import { z } from '@hono/zod-openapi'
import { CONTEXTS, LIMITS } from '@parley/core'
import { PASSWORD_CHANGE_CHANNELS, ROLES } from '@parley/store'
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH, PASSWORD_TOO_SHORT } from '../auth/passwords'

export const RoleSchema = z.enum(ROLES).openapi('Role')

const Email = z
  .string()
  .trim()
  .max(254)
  .regex(/^[^\s@]+@[^\s@]+\.[^\s@]+$/, { message: 'must be an email address (name@example.com)' })
const Name = z.string().trim().min(1).max(200)
export const Password = z
  .string()
  .min(PASSWORD_MIN_LENGTH, { message: PASSWORD_TOO_SHORT })
  .max(PASSWORD_MAX_LENGTH)

export const UserSchema = z
  .object({ id: z.string(), email: z.string(), name: z.string(), createdAt: z.string() })
  .openapi('User')

export const WorkspaceSchema = z
  .object({ id: z.string(), name: z.string(), createdAt: z.string(), role: RoleSchema.optional() })
  .openapi('Workspace')

export const MemberSchema = z
  .object({ userId: z.string(), email: z.string(), name: z.string(), role: RoleSchema, joinedAt: z.string() })
  .openapi('Member')

export const InvitationSchema = z
  .object({
    id: z.string(),
    workspaceId: z.string(),
    role: RoleSchema,
    email: z.string().nullable(),
    createdBy: z.string(),
    createdAt: z.string(),
    expiresAt: z.string(),
    acceptedAt: z.string().nullable(),
    acceptedBy: z.string().nullable(),
    revokedAt: z.string().nullable(),
  })
  .openapi('Invitation')

export const NegotiationSummarySchema = z
  .object({
    id: z.string(),
    workspaceId: z.string(),
    title: z.string(),
    context: z.string(),
    version: z.number().int(),
    createdBy: z.string(),
    createdAt: z.string(),
    updatedAt: z.string(),
    lastActivityAt: z.string(),
    eventCount: z.number().int(),
    hasPlan: z.boolean().openapi({
      description:
        'False while it has never had a valid plan (imported with problems: version 0, only a draft); nothing is computed until it has one',
    }),
    archivedAt: z
      .string()
      .nullable()
      .openapi({ description: 'When it was archived (hidden from the list unless ?archived=true)' }),
  })
  .openapi('NegotiationSummary')

/** The longest title a negotiation may be given (rename, duplicate). */
export const TITLE_MAX_LENGTH = 200

export const NegotiationChangeSchema = z
  .strictObject({
    title: z
      .string()
      .trim()
      .min(1, { message: 'must not be empty: give the negotiation a title' })
      .max(TITLE_MAX_LENGTH)
      .optional(),
    archived: z.boolean().optional(),
  })
  .refine((change) => change.title !== undefined || change.archived !== undefined, {
    message: 'send a title, archived, or both',
  })
  .openapi('NegotiationChange')

export const DraftProblemSchema = z
  .object({
    code: z.string(),
    path: z.string().openapi({ description: 'Where in the plan, as `parley check` writes it' }),
    message: z.string(),
    line: z.number().int().nullable().openapi({ description: '1-based; null when not known' }),
    column: z.number().int().nullable().openapi({ description: '1-based; null when not known' }),
  })
  .openapi('DraftProblem')

const draftProblems = {
  problems: z.array(DraftProblemSchema),
  unlisted: z.number().int().openapi({ description: 'How many more problems there are than are listed' }),
}

export const DraftSchema = z
  .object({
    text: z.string(),
    format: z.enum(['yaml', 'json']),
    version: z.number().int().openapi({ description: 'Send it back in If-Match to save the next draft' }),
    valid: z.boolean().openapi({ description: 'Whether PUT .../plan would accept the text as it is' }),
    ...draftProblems,
    updatedAt: z.string(),
    updatedBy: z.string(),
  })
  .openapi('Draft')

export const DraftSavedSchema = DraftSchema.omit({ text: true }).openapi('DraftSaved')

export const DraftInputSchema = z
  .strictObject({
    text: z.string().openapi({ description: 'The plan text as typed, valid or not' }),
    format: z.enum(['yaml', 'json']),
  })
  .openapi('DraftInput')

export const ImportedDraftSchema = z
  .object({
    id: z.string(),
    title: z.string(),
    draft: z.literal(true),
    version: z.literal(0).openapi({ description: 'No valid plan yet: PUT .../plan with If-Match "0"' }),
    draftVersion: z.number().int(),
    ...draftProblems,
  })
  .openapi('ImportedDraft')

export const NegotiationSchema = NegotiationSummarySchema.extend({
  plan: z
    .record(z.string(), z.unknown())
    .openapi({ description: 'The plan, format 1 (see schema/plan.v1.json)' }),
  format: z
    .enum(['yaml', 'json'])
    .nullable()
    .openapi({ description: 'The format of the kept plan file, if any' }),
  warnings: z.array(z.object({ code: z.string(), message: z.string(), path: z.string() })),
}).openapi('Negotiation')

export const StoredEventSchema = z
  .object({
    seq: z.number().int(),
    createdBy: z.string(),
    createdAt: z.string(),
    event: z.record(z.string(), z.unknown()),
  })
  .openapi('StoredEvent')

export const TradeableInputSchema = z
  .strictObject({
    name: z.string().trim().min(1).max(200),
    description: z.string().max(LIMITS.textLength).optional(),
    /** Where it came from: an issue of a plan, a lesson of a debrief. */
    issue: z.string().max(200).optional(),
    unit: z.string().max(100).optional(),
    contexts: z.array(z.enum(CONTEXTS)).max(CONTEXTS.length).optional(),
    costToUs: z.enum(['low', 'medium', 'high']).optional(),
    valueToThem: z.enum(['low', 'medium', 'high']).optional(),
    lesson: z.string().max(LIMITS.textLength).optional(),
    source: z.strictObject({ negotiationId: z.string().max(100) }).optional(),
    tags: z.array(z.string().trim().min(1).max(50)).max(20).optional(),
  })
  .openapi('TradeableInput')

export const TradeableSchema = TradeableInputSchema.extend({
  id: z.string(),
  createdBy: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
}).openapi('Tradeable')

export const AuditEntrySchema = z
  .object({
    seq: z.number().int(),
    userId: z.string().nullable(),
    action: z.string(),
    target: z.string().nullable(),
    detail: z.unknown().nullable(),
    at: z.string(),
  })
  .openapi('AuditEntry')

export const PasswordChangeSchema = z
  .object({
    at: z.string(),
    via: z.enum(PASSWORD_CHANGE_CHANNELS),
    sessionsEnded: z.number().int().openapi({ description: 'Other sessions of the account that ended' }),
    tokensRevoked: z.number().int().openapi({ description: 'API tokens of the account that were revoked' }),
  })
  .openapi('PasswordChange')

/** The longest an API token may be made to last, in days. */
export const TOKEN_MAX_DAYS = 365

export const ApiTokenSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    createdAt: z.string(),
    lastUsedAt: z.string().nullable(),
    expiresAt: z.string().nullable().openapi({ description: 'When the token stops working; null: never' }),
  })
  .openapi('ApiToken')

// The answers' bodies, named so that clients can name them too (see contract.ts); no `.openapi()`
// name, so the document describes them in place as before.
export const SetupStateSchema = z.object({ needed: z.boolean() })
/** A new owner, or someone who joined, signed in: the user and the workspace with their role. */
export const JoinedSchema = z.object({ user: UserSchema, workspace: WorkspaceSchema })
export const SignedInSchema = z.object({ user: UserSchema })
export const MeSchema = z.object({
  user: UserSchema,
  workspaces: z.array(WorkspaceSchema),
  passwordChange: z
    .object({ at: z.string(), via: z.enum(PASSWORD_CHANGE_CHANNELS) })
    .nullable()
    .openapi({
      description:
        'The last time the password was set after the account was made, and how: by the user (`self`), with a reset link an owner made (`reset-link`), or on the server machine (`machine`); null: never',
    }),
})
export const ProfileChangeSchema = z.object({
  user: UserSchema,
  passwordChange: PasswordChangeSchema.optional(),
})
export const ApiTokenListSchema = z.object({ tokens: z.array(ApiTokenSchema) })
export const NewApiTokenSchema = ApiTokenSchema.extend({ token: z.string() })
export const WorkspaceListSchema = z.object({ workspaces: z.array(WorkspaceSchema) })
export const MemberListSchema = z.object({ members: z.array(MemberSchema) })
export const InvitationListSchema = z.object({ invitations: z.array(InvitationSchema) })
export const InvitationLinkSchema = z.object({
  url: z.string(),
  token: z.string(),
  invitation: InvitationSchema,
})
export const ResetLinkSchema = z.object({ url: z.string(), token: z.string(), expiresAt: z.string() })
export const InvitationPreviewSchema = z.object({
  workspace: z.object({ id: z.string(), name: z.string() }),
  role: RoleSchema,
  email: z.string().nullable(),
  expiresAt: z.string(),
})
export const PasswordResetStateSchema = z.object({
  ok: z.boolean(),
  email: z.string().nullable(),
  expiresAt: z.string(),
})
export const PasswordResetDoneSchema = z.object({ user: UserSchema, passwordChange: PasswordChangeSchema })
export const NegotiationListSchema = z.object({ negotiations: z.array(NegotiationSummarySchema) })
export const JournalSchema = z.object({ version: z.number().int(), events: z.array(StoredEventSchema) })
export const TradeableListSchema = z.object({ tradeables: z.array(TradeableSchema) })
export const AuditListSchema = z.object({ entries: z.array(AuditEntrySchema) })

export const LoginSchema = z.strictObject({
  email: Email,
  password: z.string().min(1).max(PASSWORD_MAX_LENGTH),
})
export const SetupSchema = z.strictObject({
  token: z.string().min(1).max(200),
  email: Email,
  name: Name,
  password: Password,
  workspace: Name.optional(),
})
export const NewAccountSchema = z.strictObject({ email: Email, name: Name, password: Password })
export const AcceptSchema = NewAccountSchema.partial().strict()
export const NewPasswordSchema = z.strictObject({ password: Password })
export const ProfileSchema = z.strictObject({
  name: Name.optional(),
  password: z.strictObject({ current: z.string().min(1).max(PASSWORD_MAX_LENGTH), new: Password }).optional(),
})
export const NameSchema = z.strictObject({ name: Name })
export const ApiTokenInputSchema = NameSchema.extend({
  expiresInDays: z
    .number()
    .int()
    .min(1)
    .max(TOKEN_MAX_DAYS)
    .optional()
    .openapi({ description: `Days until the token stops working, 1 to ${TOKEN_MAX_DAYS}; none: never` }),
}).openapi('ApiTokenInput')
export const RoleChangeSchema = z.strictObject({ role: RoleSchema })
export const InvitationInputSchema = z.strictObject({ role: RoleSchema, email: Email.optional() })

export const WorkspaceParams = z.object({
  workspaceId: z
    .string()
    .min(1)
    .max(100)
    .openapi({ param: { name: 'workspaceId', in: 'path' } }),
})
export const NegotiationParams = WorkspaceParams.extend({
  negotiationId: z
    .string()
    .min(1)
    .max(100)
    .openapi({ param: { name: 'negotiationId', in: 'path' } }),
})
export const TokenParams = z.object({
  token: z
    .string()
    .min(1)
    .max(200)
    .openapi({ param: { name: 'token', in: 'path' } }),
})

export const FloorChangesSchema = z
  .object({
    changes: z.array(
      z.object({
        at: z.string(),
        userId: z.string().nullable(),
        fields: z.array(z.enum(['reservation', 'limits'])),
        reason: z.string(),
        from: z.number().int().openapi({ description: 'The plan version before the change' }),
        to: z.number().int().openapi({ description: 'The plan version it made' }),
      }),
    ),
  })
  .openapi('FloorChanges')
