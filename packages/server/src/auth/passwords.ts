/**
 * Password hashing with scrypt from node:crypto: memory-hard, no native dependency to compile.
 * The stored form names its parameters (`scrypt$N$r$p$salt$hash`), so raising the cost later
 * leaves existing passwords readable; they are rehashed at the next sign-in.
 */
import { randomBytes, scrypt, timingSafeEqual } from 'node:crypto'

export interface ScryptParameters {
  /** CPU/memory cost, a power of two; memory is 128 × N × r bytes. */
  N: number
  r: number
  p: number
}

/** OWASP's scrypt setting with 32 MiB of memory per hash (N = 2^15, r = 8, p = 3). */
export const DEFAULT_SCRYPT: ScryptParameters = { N: 2 ** 15, r: 8, p: 3 }

const KEY_LENGTH = 32
/** The shortest password accepted, in characters: the length OWASP ASVS level 1 asks for. */
export const PASSWORD_MIN_LENGTH = 12
export const PASSWORD_MAX_LENGTH = 1024
/** What a password outside those lengths is told, wherever it is refused (the schema, the policy). */
export const PASSWORD_TOO_SHORT = `must be at least ${PASSWORD_MIN_LENGTH} characters`
export const PASSWORD_TOO_LONG = `must be at most ${PASSWORD_MAX_LENGTH} characters`

function derive(password: string, salt: Buffer, { N, r, p }: ScryptParameters): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    scrypt(
      password.normalize('NFKC'),
      salt,
      KEY_LENGTH,
      { N, r, p, maxmem: 256 * N * r + 1024 * 1024 },
      (error, key) => (error ? reject(error) : resolve(key)),
    )
  })
}

export async function hashPassword(password: string, parameters: ScryptParameters): Promise<string> {
  const salt = randomBytes(16)
  const key = await derive(password, salt, parameters)
  const { N, r, p } = parameters
  return ['scrypt', N, r, p, salt.toString('base64url'), key.toString('base64url')].join('$')
}

export interface PasswordCheck {
  ok: boolean
  /** The stored hash uses weaker parameters than the current ones. */
  outdated: boolean
}

export async function verifyPassword(
  password: string,
  stored: string,
  current: ScryptParameters,
): Promise<PasswordCheck> {
  const [scheme, n, r, p, salt, key] = stored.split('$')
  if (scheme !== 'scrypt' || !salt || !key) return { ok: false, outdated: false }
  const parameters = { N: Number(n), r: Number(r), p: Number(p) }
  const expected = Buffer.from(key, 'base64url')
  const actual = await derive(password, Buffer.from(salt, 'base64url'), parameters)
  const ok = actual.length === expected.length && timingSafeEqual(actual, expected)
  const outdated = parameters.N < current.N || parameters.r < current.r || parameters.p < current.p
  return { ok, outdated }
}

/** A hash to compare against when the email is unknown, so a miss takes as long as a wrong password. */
let decoy: Promise<string> | undefined
export function decoyHash(parameters: ScryptParameters): Promise<string> {
  decoy ??= hashPassword(randomBytes(16).toString('hex'), parameters)
  return decoy
}
