/** What each request carries through the middleware: who is asking and how, and the parsed body. */
import type { Store, User } from '@parley/store'
import type { ComputePool } from '../compute/pool'
import type { Memo } from '../memo'
import type { ServerOptions } from '../options'

export interface Identity {
  user: User
  /** A browser session cookie (CSRF-checked) or a bearer API token (scripts). */
  via: 'session' | 'token'
  /** The session's hash, to end it at sign-out. */
  sessionHash?: string
}

export interface Services {
  store: Store
  options: ServerOptions
  /** The time, injectable so tests can move past expiries. */
  now: () => Date
  /** Computed results of this process (see memo.ts). */
  memo: Memo
  /** The worker threads that compute views (see compute/pool.ts). */
  compute: ComputePool
}

export interface AppEnv {
  Variables: {
    services: Services
    identity: Identity | undefined
    /** The request body as parsed JSON (undefined without one). */
    body: unknown
    /** The body as sent (plan files are kept verbatim). */
    bodyText: string | undefined
  }
}
