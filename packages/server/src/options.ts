/** The server's settings and their defaults; every limit the server enforces is named here. */
import { LIMITS } from '@parley/core'
import type { ScryptParameters } from './auth/passwords'
import { DEFAULT_SCRYPT } from './auth/passwords'
import { type ComputeOptions, DEFAULT_COMPUTE } from './compute/pool'

export interface ServerOptions {
  /** Largest request body, in bytes (413 above it). */
  bodyLimit: number
  /** Deepest nesting of a JSON body or a read plan file (400 deeper). */
  maxJsonDepth: number
  /** Most fields in one object of a JSON body or a read plan file (400 above). */
  maxJsonFields: number
  /** Most values in all (texts, numbers, lists, objects) in a JSON body or a read plan file (413 above). */
  maxJsonValues: number
  /** Longest a request may take to arrive, headers and body, in ms (the socket is closed after). */
  requestTimeoutMs: number
  /** Longest the headers of a request may take to arrive, in ms. */
  headersTimeoutMs: number
  /** How long an idle keep-alive connection stays open, in ms. */
  keepAliveTimeoutMs: number
  /** How long a browser session lasts without use, in days; each use extends it. */
  sessionDays: number
  /** How long a browser session lasts at most from signing in, in days, however much it is used. */
  sessionMaxDays: number
  invitationHours: number
  passwordResetHours: number
  /**
   * Sign-in attempts allowed per window: per client address (counted before the body is read), and
   * per email from one address. Never per email alone, which would let anyone lock a person out.
   */
  loginLimit: { perAddress: number; perEmailAndAddress: number; windowMs: number }
  /** Uses of setup, invitation and reset links allowed per window, per client address (counted before the body is read). */
  linkLimit: { perAddress: number; windowMs: number }
  /**
   * Uses of the deal room (the other side's share links) allowed per window: per client address
   * (opening or answering, any link: a guess at a link is a use too) and per link.
   */
  dealRoomLimit: { perAddress: number; perLink: number; windowMs: number }
  password: ScryptParameters
  /** Read the client address and scheme from X-Forwarded-For/-Proto (only behind a proxy you run). */
  trustProxy: boolean
  /** The address people reach the server at (links in invitations, the origin checked against CSRF). */
  publicUrl: string | undefined
  /** Whether session cookies carry `Secure`; `auto` follows the request's scheme. */
  secureCookies: 'auto' | boolean
  /** Computed views kept per process, keyed by negotiation version and journal length. */
  viewCacheEntries: number
  /** Where and within what limits views are computed: threads, deadlines, work budget (compute/pool.ts). */
  compute: ComputeOptions
  /** The built web app (packages/web/dist), served at `/`; none: only the API. */
  webRoot: string | undefined
  /** Serve the web app's source maps (`.map`), which show its sources; off: they answer 404. */
  serveSourceMaps: boolean
}

export const MiB = 1024 * 1024

/**
 * Largest number a query parameter or id may hold where it is compared with a stored integer
 * (journal and audit sequence numbers): the integer columns are 32-bit on PostgreSQL.
 */
export const MAX_STORED_INTEGER = 2 ** 31 - 1

/** Most problems an error answer lists; the rest are counted (`unlisted`), not described. */
export const MAX_LISTED_PROBLEMS = 20

export const DEFAULT_OPTIONS: ServerOptions = {
  bodyLimit: MiB,
  // A plan nests 7 levels (issues[0].us.points[0][1]); the rest is headroom.
  maxJsonDepth: 64,
  // A score map is keyed by level, and an issue has at most LIMITS.levelsPerIssue levels; every
  // other object of a plan, an event or a request has a few dozen fields at most.
  maxJsonFields: LIMITS.levelsPerIssue,
  // A JSON value takes at least two bytes (`0,`), so no body within the default body limit (and no
  // plan within LIMITS.planBytes) holds more; it binds on YAML aliases and on a raised bodyLimit.
  maxJsonValues: LIMITS.planBytes / 2,
  requestTimeoutMs: 30_000,
  headersTimeoutMs: 15_000,
  keepAliveTimeoutMs: 5_000,
  sessionDays: 7,
  sessionMaxDays: 30,
  invitationHours: 7 * 24,
  passwordResetHours: 24,
  loginLimit: { perAddress: 30, perEmailAndAddress: 10, windowMs: 15 * 60_000 },
  linkLimit: { perAddress: 60, windowMs: 15 * 60_000 },
  dealRoomLimit: { perAddress: 120, perLink: 120, windowMs: 15 * 60_000 },
  password: DEFAULT_SCRYPT,
  trustProxy: false,
  publicUrl: undefined,
  secureCookies: 'auto',
  viewCacheEntries: 256,
  compute: DEFAULT_COMPUTE,
  webRoot: undefined,
  serveSourceMaps: false,
}

/** Settings to change: any of them, and any of the compute settings on their own. */
export type ServerOverrides = Partial<Omit<ServerOptions, 'compute'>> & { compute?: Partial<ComputeOptions> }

export function serverOptions(overrides: ServerOverrides = {}): ServerOptions {
  return { ...DEFAULT_OPTIONS, ...overrides, compute: { ...DEFAULT_COMPUTE, ...overrides.compute } }
}
