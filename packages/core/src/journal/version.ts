/**
 * The version of a plan file an event was made against: the first 12 hex digits of the SHA-256 of
 * the plan's canonical JSON (keys sorted, no spaces), so reformatting or reordering the file keeps
 * the version and any change of content gives a new one.
 */
import { sha256 } from '@noble/hashes/sha2.js'
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js'
import type { Plan } from '../model/plan'

/** JSON with object keys sorted at every depth. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`
  }
  return JSON.stringify(value)
}

export function planFileVersion(plan: Plan): string {
  return bytesToHex(sha256(utf8ToBytes(canonicalJson(plan)))).slice(0, 12)
}
