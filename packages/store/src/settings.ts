/**
 * Settings: small named values the server keeps between runs (the hashed setup token, the instance
 * id). Setting a value to null removes it.
 */
import type { Store } from './store'
import type { StoreContext } from './transactions'

export function settings(ctx: StoreContext): Pick<Store, 'getSetting' | 'setSetting'> {
  return {
    async getSetting(key) {
      const row = await ctx.db
        .selectFrom('settings')
        .select('value')
        .where('key', '=', key)
        .executeTakeFirst()
      return row?.value ?? null
    },

    async setSetting(key, value) {
      if (value === null) {
        await ctx.db.deleteFrom('settings').where('key', '=', key).execute()
        return
      }
      await ctx.db
        .insertInto('settings')
        .values({ key, value })
        .onConflict((conflict) => conflict.column('key').doUpdateSet({ value }))
        .execute()
    },
  }
}
