/**
 * Claiming a new instance: the first person to present the setup token (printed by the server at
 * its first start, stored only as a hash) becomes the first user and owner of the first workspace.
 * The token's row is locked and deleted in the same transaction, so it works exactly once.
 */
import { timingSafeEqual } from 'node:crypto'
import { writeAudit } from './audit'
import type { Outcome, Store, User, Workspace } from './store'
import { forUpdate, type StoreContext } from './transactions'
import { insertUser } from './users'
import { insertWorkspace } from './workspaces'

export const SETUP_TOKEN_SETTING = 'setup_token_hash'

type SetupCode = 'setup_done' | 'bad_token'

function sameHash(a: string, b: string): boolean {
  const left = Buffer.from(a)
  const right = Buffer.from(b)
  return left.length === right.length && timingSafeEqual(left, right)
}

export function setup(ctx: StoreContext): Pick<Store, 'claimSetup'> {
  return {
    async claimSetup(input) {
      return ctx.db
        .transaction()
        .execute(async (trx): Promise<Outcome<{ user: User; workspace: Workspace }, SetupCode>> => {
          const token = await forUpdate(
            ctx,
            trx.selectFrom('settings').select('value').where('key', '=', SETUP_TOKEN_SETTING),
          ).executeTakeFirst()
          const users = await trx
            .selectFrom('users')
            .select((eb) => eb.fn.countAll().as('count'))
            .executeTakeFirstOrThrow()
          if (Number(users.count) > 0) {
            return { ok: false, code: 'setup_done', message: 'This instance has already been set up.' }
          }
          if (!token || !sameHash(token.value, input.tokenHash)) {
            return { ok: false, code: 'bad_token', message: 'The setup token is not valid.' }
          }
          const user = await insertUser(ctx, trx, input)
          const workspace = await insertWorkspace(ctx, trx, { name: input.workspaceName, ownerId: user.id })
          await trx.deleteFrom('settings').where('key', '=', SETUP_TOKEN_SETTING).execute()
          await writeAudit(ctx, trx, {
            workspaceId: workspace.id,
            userId: null,
            action: 'setup.claim',
            target: `user:${user.id}`,
          })
          return { ok: true, value: { user, workspace } }
        })
    },
  }
}
