/**
 * Share links: a negotiation's links for the other side (the deal room), by the hash of the link's
 * secret. Made and revoked with an audit entry in the same transaction; a use is recorded at most
 * once a minute, as for API tokens, so a guest reading the room does not write on every request.
 */
import { writeAudit } from './audit'
import type { ShareLinkRow } from './schema'
import type { ShareLink, Store } from './store'
import { newId, type StoreContext } from './transactions'

/** A use this soon after the last one recorded is not written again. */
const TOUCH_AFTER_MS = 60_000

export function rowToShareLink(row: ShareLinkRow): ShareLink {
  return {
    id: row.id,
    workspaceId: row.workspace_id,
    negotiationId: row.negotiation_id,
    label: row.label,
    createdBy: row.created_by,
    createdAt: row.created_at,
    expiresAt: row.expires_at,
    lastUsedAt: row.last_used_at,
    revokedAt: row.revoked_at,
  }
}

type ShareLinkMethods =
  | 'createShareLink'
  | 'listShareLinks'
  | 'findShareLink'
  | 'touchShareLink'
  | 'revokeShareLink'

export function shareLinks(ctx: StoreContext): Pick<Store, ShareLinkMethods> {
  return {
    async createShareLink(input, actor) {
      return ctx.db.transaction().execute(async (trx) => {
        const negotiation = await trx
          .selectFrom('negotiations')
          .select('id')
          .where('id', '=', input.negotiationId)
          .where('workspace_id', '=', input.workspaceId)
          .executeTakeFirst()
        if (!negotiation) return null
        const row: ShareLinkRow = {
          id: newId(),
          workspace_id: input.workspaceId,
          negotiation_id: input.negotiationId,
          token_hash: input.tokenHash,
          label: input.label,
          created_by: actor.userId,
          created_at: ctx.now(),
          expires_at: input.expiresAt,
          last_used_at: null,
          revoked_at: null,
        }
        await trx.insertInto('share_links').values(row).execute()
        await writeAudit(ctx, trx, {
          workspaceId: input.workspaceId,
          userId: actor.userId,
          action: 'share_link.create',
          target: `negotiation:${input.negotiationId}`,
          detail: { link: row.id, expiresAt: row.expires_at },
        })
        return rowToShareLink(row)
      })
    },

    async listShareLinks(workspaceId, negotiationId) {
      const rows = await ctx.db
        .selectFrom('share_links')
        .selectAll()
        .where('workspace_id', '=', workspaceId)
        .where('negotiation_id', '=', negotiationId)
        .orderBy('created_at', 'desc')
        .orderBy('id')
        .execute()
      return rows.map(rowToShareLink)
    },

    async findShareLink(tokenHash) {
      const row = await ctx.read
        .selectFrom('share_links')
        .selectAll()
        .where('token_hash', '=', tokenHash)
        .executeTakeFirst()
      return row ? rowToShareLink(row) : null
    },

    async touchShareLink(id, now) {
      const before = new Date(Date.parse(now) - TOUCH_AFTER_MS).toISOString()
      await ctx.db
        .updateTable('share_links')
        .set({ last_used_at: now })
        .where('id', '=', id)
        .where((eb) => eb.or([eb('last_used_at', 'is', null), eb('last_used_at', '<', before)]))
        .execute()
    },

    async revokeShareLink(workspaceId, negotiationId, id, actor) {
      return ctx.db.transaction().execute(async (trx) => {
        const result = await trx
          .updateTable('share_links')
          .set({ revoked_at: ctx.now() })
          .where('id', '=', id)
          .where('workspace_id', '=', workspaceId)
          .where('negotiation_id', '=', negotiationId)
          .where('revoked_at', 'is', null)
          .executeTakeFirst()
        if (Number(result.numUpdatedRows) === 0) return false
        await writeAudit(ctx, trx, {
          workspaceId,
          userId: actor.userId,
          action: 'share_link.revoke',
          target: `negotiation:${negotiationId}`,
          detail: { link: id },
        })
        return true
      })
    },
  }
}
