/** The server's settings and their defaults; every limit the server enforces is named here. */
import type { ScryptParameters } from './auth/passwords'
import { DEFAULT_SCRYPT } from './auth/passwords'

export interface ServerOptions {
  /** Largest request body, in bytes (413 above it). */
  bodyLimit: number
  /** Deepest nesting of a JSON body (400 deeper). */
  maxJsonDepth: number
  /** How long a browser session lasts without use, in days; each use extends it. */
  sessionDays: number
  invitationHours: number
  passwordResetHours: number
  /** Sign-in attempts allowed per window, per client address and per email. */
  loginLimit: { perAddress: number; perEmail: number; windowMs: number }
  /** Uses of setup, invitation and reset links allowed per window, per client address. */
  linkLimit: { perAddress: number; windowMs: number }
  password: ScryptParameters
  /** Read the client address and scheme from X-Forwarded-For/-Proto (only behind a proxy you run). */
  trustProxy: boolean
  /** The address people reach the server at (links in invitations, the origin checked against CSRF). */
  publicUrl: string | undefined
  /** Whether session cookies carry `Secure`; `auto` follows the request's scheme. */
  secureCookies: 'auto' | boolean
  /** Computed views kept per process, keyed by negotiation version and journal length. */
  viewCacheEntries: number
  /** The built web app (packages/web/dist), served at `/`; none: only the API. */
  webRoot: string | undefined
}

export const MiB = 1024 * 1024

export const DEFAULT_OPTIONS: ServerOptions = {
  bodyLimit: MiB,
  maxJsonDepth: 64,
  sessionDays: 30,
  invitationHours: 7 * 24,
  passwordResetHours: 24,
  loginLimit: { perAddress: 30, perEmail: 10, windowMs: 15 * 60_000 },
  linkLimit: { perAddress: 60, windowMs: 15 * 60_000 },
  password: DEFAULT_SCRYPT,
  trustProxy: false,
  publicUrl: undefined,
  secureCookies: 'auto',
  viewCacheEntries: 256,
  webRoot: undefined,
}

export function serverOptions(overrides: Partial<ServerOptions> = {}): ServerOptions {
  return { ...DEFAULT_OPTIONS, ...overrides }
}
