/**
 * The database a `describe` block of store tests runs against on one backend of the matrix. Kept apart
 * from `./index`, the `@parley/store/testing` entry other packages import, so that importing the entry
 * does not load Vitest.
 */
import { afterAll, beforeAll } from 'vitest'
import type { OpenOptions } from '../open'
import type { Store } from '../store'
import type { TestBackend, TestDatabase } from './index'

/**
 * Makes a fresh database before the block's first test and drops it after its last; `ready` gets its
 * store first, to keep and to seed. The block's tests share it, so each makes the users and workspaces
 * it needs rather than counting on an empty database.
 */
export function openSuiteDatabase(
  backend: TestBackend,
  ready: (store: Store) => void | Promise<void>,
  options?: OpenOptions,
): void {
  let db: TestDatabase | undefined
  beforeAll(async () => {
    db = await backend.create(options)
    await ready(db.store)
  })
  afterAll(async () => {
    await db?.drop()
  })
}
