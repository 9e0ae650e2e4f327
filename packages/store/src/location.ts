/**
 * Where the data lives, decided once from the environment: PostgreSQL when `DATABASE_URL` is set,
 * else a SQLite file under `PARLEY_DATA` (default `./data`). Described for people without ever
 * showing a password.
 */
import { resolve } from 'node:path'

export type StoreLocation = { kind: 'sqlite'; file: string } | { kind: 'postgres'; url: string }

export const SQLITE_FILE_NAME = 'parley.db'

export function locateStore(env: Record<string, string | undefined>, cwd: string): StoreLocation {
  const url = env.DATABASE_URL?.trim()
  if (url) return { kind: 'postgres', url }
  const folder = env.PARLEY_DATA?.trim() || './data'
  return { kind: 'sqlite', file: resolve(cwd, folder, SQLITE_FILE_NAME) }
}

/** The URL with any password (in the user part or a `password` parameter) replaced by `***`. */
export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url)
    if (parsed.password !== '') parsed.password = '***'
    if (parsed.searchParams.has('password')) parsed.searchParams.set('password', '***')
    return parsed.toString()
  } catch {
    // Not a URL we can parse (a libpq key=value string, a typo): hide whatever could be a secret.
    return url.replace(/^([a-z]+:\/\/)?.*@/i, '$1***@').replace(/password=[^\s&]*/gi, 'password=***')
  }
}

/** `SQLite at /srv/parley/data/parley.db` or `PostgreSQL at postgres://parley:***@db:5432/parley`. */
export function describeLocation(location: StoreLocation): string {
  return location.kind === 'sqlite'
    ? `SQLite at ${location.file}`
    : `PostgreSQL at ${redactUrl(location.url)}`
}
