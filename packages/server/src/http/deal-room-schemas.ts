/**
 * The shapes of the deal room: the team's share links (made, listed, revoked) and what the other
 * side sees and sends through one. The view the guest reads is core's counterparty view, the one
 * allow-listed projection that may leave the team, documented here as an open map (its own type is
 * core's `CounterpartyView`, which the contract carries).
 */
import { z } from '@hono/zod-openapi'
import { NegotiationParams } from './schemas'

/** The longest label the team may give a link. */
export const SHARE_LINK_LABEL_MAX_LENGTH = 100
/** The longest a share link may be made to last, in days. */
export const SHARE_LINK_MAX_DAYS = 365
/** The longest comment the other side may send with an answer, in characters. */
export const COMMENT_MAX_LENGTH = 2000
/** The largest answer body the deal room reads, in bytes: an answer with the longest comment fits. */
export const ANSWER_MAX_BYTES = 16 * 1024

export const ShareLinkParams = NegotiationParams.extend({
  linkId: z
    .string()
    .min(1)
    .max(100)
    .openapi({ param: { name: 'linkId', in: 'path' } }),
})

export const ShareLinkInputSchema = z
  .strictObject({
    label: z.string().max(SHARE_LINK_LABEL_MAX_LENGTH).optional().openapi({
      description: 'What the team calls the link ("Their CFO"); never shown to the other side',
    }),
    expiresAt: z.iso
      .datetime({ offset: true })
      .optional()
      .openapi({ description: 'When the link stops working (ISO 8601, in the future)' }),
    expiresInDays: z
      .number()
      .int()
      .min(1)
      .max(SHARE_LINK_MAX_DAYS)
      .optional()
      .openapi({ description: `Days until the link stops working, 1 to ${SHARE_LINK_MAX_DAYS}` }),
  })
  .openapi('ShareLinkInput', {
    description: 'One of expiresAt and expiresInDays, or neither: the link lasts until revoked',
  })

export const ShareLinkSchema = z
  .object({
    id: z.string(),
    label: z.string(),
    createdAt: z.string(),
    createdBy: z.string(),
    expiresAt: z.string().nullable(),
    lastUsedAt: z.string().nullable().openapi({ description: 'When the other side last opened or answered' }),
    revoked: z.boolean(),
    expired: z.boolean(),
  })
  .openapi('ShareLink')

export const ShareLinkListSchema = z.object({ links: z.array(ShareLinkSchema) }).openapi('ShareLinkList')

export const NewShareLinkSchema = z
  .object({
    id: z.string(),
    url: z.string().openapi({ description: 'The address to hand the other side: /d/{token}' }),
    token: z.string().openapi({ description: 'Shown this once: only its hash is kept' }),
    label: z.string(),
    expiresAt: z.string().nullable(),
  })
  .openapi('NewShareLink')

export const DealRoomSchema = z
  .object({
    view: z.record(z.string(), z.unknown()).openapi({
      description:
        "The counterparty view: the parties, the issues with their units and levels, the decision rule as agreed, the bundles of the latest offer (with their rationale), contingent terms proposed and, after close, the agreed terms. Nothing private of the team's",
    }),
    offerId: z
      .string()
      .nullable()
      .openapi({ description: 'The id of the latest offer, to name in an answer; null: none yet' }),
    alternativesId: z.string().nullable().openapi({
      description:
        'Once the terms are agreed: the id of the alternatives the team offers beside the agreement before signing (listed in the view as alternatives), to name in a signature; null: nothing to sign',
    }),
    closed: z.boolean().openapi({
      description:
        'Whether the room takes no more answers: the terms are agreed and nothing waits for a signature',
    }),
  })
  .openapi('DealRoom')

export const AnswerInputSchema = z
  .strictObject({
    answerId: z.uuid().openapi({
      description: 'A UUID the page makes once per answer; send the same on a retry: recorded once',
    }),
    offerId: z.string().min(1).max(64).openapi({
      description:
        'The offer answered (offerId of GET); for a signature, the alternatives signed beside (alternativesId of GET)',
    }),
    type: z.enum(['choose', 'rank', 'reject', 'sign']),
    bundle: z.string().min(1).max(8).optional().openapi({ description: 'choose: the label of the bundle' }),
    ranking: z
      .array(z.string().min(1).max(8))
      .min(2)
      .max(5)
      .optional()
      .openapi({ description: 'rank: the labels, most preferred first' }),
    counter: z
      .record(z.string().max(100), z.union([z.number(), z.string().max(200)]))
      .optional()
      .openapi({ description: 'reject: the terms they would take instead, a level per issue id' }),
    alternative: z.number().int().min(1).max(4).optional().openapi({
      description:
        'sign: the number of the alternative signed (1 is the first listed); none: the agreement as it is',
    }),
    comment: z
      .string()
      .max(COMMENT_MAX_LENGTH)
      .optional()
      .openapi({ description: `What they want to say with it, at most ${COMMENT_MAX_LENGTH} characters` }),
  })
  .openapi('DealRoomAnswer')

export const RecordedAnswerSchema = z
  .object({
    event: z.record(z.string(), z.unknown()),
    recordedAt: z.string(),
  })
  .openapi('DealRoomAnswerRecorded')
