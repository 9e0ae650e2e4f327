/**
 * Users: accounts by email, compared case-insensitively because the address is stored lower-cased
 * and trimmed under a unique index. A race on the same email ends as `email_taken`, never as an
 * error, because the unique index decides and the loser re-reads.
 */
import { writeAudit } from './audit'
import type { UserRow } from './schema'
import type { Outcome, Store, User, UserWithPassword } from './store'
import { type Executor, isUniqueViolation, newId, type StoreContext } from './transactions'

export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase()
}

export function rowToUser(row: UserRow): User {
  return { id: row.id, email: row.email, name: row.name, createdAt: row.created_at }
}

export function rowToUserWithPassword(row: UserRow): UserWithPassword {
  return { ...rowToUser(row), passwordHash: row.password_hash }
}

export function emailTaken(email: string): { ok: false; code: 'email_taken'; message: string } {
  return { ok: false, code: 'email_taken', message: `An account with the email ${email} already exists.` }
}

export async function findUserRowByEmail(db: Executor, email: string): Promise<UserRow | undefined> {
  return db.selectFrom('users').selectAll().where('email', '=', normalizeEmail(email)).executeTakeFirst()
}

/** Inserts a user whose email the caller has checked is free (the unique index still has the last word). */
export async function insertUser(
  ctx: StoreContext,
  db: Executor,
  input: { email: string; name: string; passwordHash: string },
): Promise<User> {
  const row: UserRow = {
    id: newId(),
    email: normalizeEmail(input.email),
    name: input.name,
    password_hash: input.passwordHash,
    created_at: ctx.now(),
  }
  await db.insertInto('users').values(row).execute()
  return rowToUser(row)
}

type UserMethods =
  | 'countUsers'
  | 'createUser'
  | 'getUser'
  | 'findUserByEmail'
  | 'getUserWithPassword'
  | 'updateUser'

export function users(ctx: StoreContext): Pick<Store, UserMethods> {
  return {
    async countUsers() {
      const row = await ctx.db
        .selectFrom('users')
        .select((eb) => eb.fn.countAll().as('count'))
        .executeTakeFirstOrThrow()
      return Number(row.count)
    },

    async createUser(input, actor): Promise<Outcome<User, 'email_taken'>> {
      const email = normalizeEmail(input.email)
      try {
        return await ctx.db.transaction().execute(async (trx) => {
          if (await findUserRowByEmail(trx, email)) return emailTaken(email)
          const user = await insertUser(ctx, trx, input)
          await writeAudit(ctx, trx, {
            workspaceId: null,
            userId: actor.userId,
            action: 'user.create',
            target: `user:${user.id}`,
          })
          return { ok: true, value: user }
        })
      } catch (error) {
        if (isUniqueViolation(error)) return emailTaken(email)
        throw error
      }
    },

    async getUser(id) {
      const row = await ctx.db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst()
      return row ? rowToUser(row) : null
    },

    async findUserByEmail(email) {
      const row = await findUserRowByEmail(ctx.db, email)
      return row ? rowToUserWithPassword(row) : null
    },

    async getUserWithPassword(id) {
      const row = await ctx.db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst()
      return row ? rowToUserWithPassword(row) : null
    },

    async updateUser(id, changes, actor) {
      return ctx.db.transaction().execute(async (trx) => {
        const fields = [
          ...(changes.name !== undefined ? ['name'] : []),
          ...(changes.passwordHash !== undefined ? ['password'] : []),
        ]
        if (fields.length === 0) {
          const row = await trx.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst()
          return row ? rowToUser(row) : null
        }
        const row = await trx
          .updateTable('users')
          .set({
            ...(changes.name !== undefined ? { name: changes.name } : {}),
            ...(changes.passwordHash !== undefined ? { password_hash: changes.passwordHash } : {}),
          })
          .where('id', '=', id)
          .returningAll()
          .executeTakeFirst()
        if (!row) return null
        await writeAudit(ctx, trx, {
          workspaceId: null,
          userId: actor.userId,
          action: 'user.update',
          target: `user:${id}`,
          detail: { fields },
        })
        return rowToUser(row)
      })
    },
  }
}
