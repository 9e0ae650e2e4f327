/**
 * Users: accounts by email, compared case-insensitively because the address is stored lower-cased
 * and trimmed under a unique index. A race on the same email ends as `email_taken`, never as an
 * error, because the unique index decides and the loser re-reads.
 *
 * A new password closes every other way into the account in the same transaction: sessions end
 * (but the one making the change), API tokens are revoked, and every workspace the account belongs
 * to gets an audit entry, so no team learns of it later than the account does.
 */
import { writeAudit, writeAuditForAccount } from './audit'
import type { UserRow } from './schema'
import type {
  Outcome,
  PasswordChange,
  PasswordChangeChannel,
  Store,
  Timestamp,
  User,
  UserWithPassword,
} from './store'
import { type Executor, forUpdate, isUniqueViolation, newId, type StoreContext } from './transactions'

export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase()
}

export function rowToUser(row: UserRow): User {
  return { id: row.id, email: row.email, name: row.name, createdAt: row.created_at }
}

export function rowToUserWithPassword(row: UserRow): UserWithPassword {
  return {
    ...rowToUser(row),
    passwordHash: row.password_hash,
    passwordChangedAt: row.password_changed_at,
    passwordChangedVia: row.password_changed_via,
  }
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
    password_changed_at: null,
    password_changed_via: null,
  }
  await db.insertInto('users').values(row).execute()
  return rowToUser(row)
}

/**
 * Locks the account's row until the transaction ends. On PostgreSQL every new membership of the
 * account (joining a workspace, making one) checks its foreign key with a share lock on this row,
 * so it waits: the account's workspaces read under this lock stay its workspaces until commit.
 * (SQLite's single writer already orders them.)
 */
export async function lockUser(ctx: StoreContext, db: Executor, id: string): Promise<UserRow | undefined> {
  return forUpdate(ctx, db.selectFrom('users').selectAll().where('id', '=', id)).executeTakeFirst()
}

/**
 * Sets the password of a user whose row the caller has locked (`lockUser`), and ends every other
 * way in: the sessions but `keepSessionHash`, and every API token. Counts only what still worked,
 * so the numbers a person reads are the sessions and tokens that were really cut off. The audit
 * entry goes to every workspace of the account.
 */
export async function setPassword(
  ctx: StoreContext,
  db: Executor,
  input: {
    userId: string
    passwordHash: string
    via: PasswordChangeChannel
    now: Timestamp
    keepSessionHash?: string | undefined
    actorId: string | null
    detail?: Record<string, unknown>
  },
): Promise<PasswordChange | null> {
  const row = await db
    .updateTable('users')
    .set({
      password_hash: input.passwordHash,
      password_changed_at: input.now,
      password_changed_via: input.via,
    })
    .where('id', '=', input.userId)
    .returningAll()
    .executeTakeFirst()
  if (!row) return null
  const keep = input.keepSessionHash
  const live = await db
    .selectFrom('sessions')
    .select((eb) => eb.fn.countAll().as('count'))
    .where('user_id', '=', input.userId)
    .where('expires_at', '>', input.now)
    .$if(keep !== undefined, (query) => query.where('token_hash', '!=', keep ?? ''))
    .executeTakeFirstOrThrow()
  await db
    .deleteFrom('sessions')
    .where('user_id', '=', input.userId)
    .$if(keep !== undefined, (query) => query.where('token_hash', '!=', keep ?? ''))
    .execute()
  const working = await db
    .selectFrom('api_tokens')
    .select((eb) => eb.fn.countAll().as('count'))
    .where('user_id', '=', input.userId)
    .where((eb) => eb.or([eb('expires_at', 'is', null), eb('expires_at', '>', input.now)]))
    .executeTakeFirstOrThrow()
  await db.deleteFrom('api_tokens').where('user_id', '=', input.userId).execute()
  const change: PasswordChange = {
    user: rowToUser(row),
    at: input.now,
    via: input.via,
    sessionsEnded: Number(live.count),
    tokensRevoked: Number(working.count),
  }
  await writeAuditForAccount(ctx, db, input.userId, {
    userId: input.actorId,
    action: 'password.change',
    target: `user:${input.userId}`,
    detail: {
      via: input.via,
      sessionsEnded: change.sessionsEnded,
      tokensRevoked: change.tokensRevoked,
      ...input.detail,
    },
  })
  return change
}

type UserMethods =
  | 'countUsers'
  | 'createUser'
  | 'getUser'
  | 'findUserByEmail'
  | 'getUserWithPassword'
  | 'updateUser'
  | 'changePassword'

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

    async changePassword(input, actor) {
      return ctx.db.transaction().execute(async (trx) => {
        if (!(await lockUser(ctx, trx, input.userId))) return null
        return setPassword(ctx, trx, { ...input, actorId: actor.userId })
      })
    },
  }
}
