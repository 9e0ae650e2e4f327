/**
 * A learner's state (`PriorityLearner.snapshot`) as bytes, and back: what the command line keeps
 * beside a journal and what the server sends the web app, so either resumes learning where it was
 * left instead of learning every move again. Exact: the numbers are the samples' own float64s.
 *
 * The layout: a 4-byte little-endian length, a JSON header of that length (the state's scalars,
 * its moves, their keys and figures, and whatever the caller adds under `kept`), zero padding to a multiple of
 * 8 bytes, then the samples (float64), the log weights (float64), the samples' orders (int32),
 * their readings of the estimate (one byte per sample) and, when an issue is uncertain, the
 * directions (one byte each). Whether the state fits a plan and a journal is `PriorityLearner.resume`'s
 * to check; this only reads what is there, and gives undefined for bytes that are not a whole state.
 */
import type { LearnerState, MoveInformation } from './posterior'

/** The state's plain fields (its arrays follow the header as bytes), whether it has directions, and the caller's own. */
type Header = Pick<
  LearnerState,
  'version' | 'seed' | 'count' | 'issues' | 'random' | 'observed' | 'moves' | 'keys' | 'figures'
> & {
  flips: boolean
  kept?: Record<string, unknown>
}

// Browsers and Node have both; core is compiled without their types (it names no platform), so
// they are declared here as the little this module uses, and a fallback stays for a runtime without.
declare const TextEncoder: (new () => { encode(text: string): Uint8Array }) | undefined
declare const TextDecoder: (new () => { decode(bytes: Uint8Array): string }) | undefined

/** JSON with every character past ASCII escaped, so a character is a byte and any decoder reads it alike. */
function asciiBytes(value: unknown): Uint8Array {
  const text = JSON.stringify(value).replace(
    /[\u007f-\uffff]/g,
    (character) => `\\u${character.charCodeAt(0).toString(16).padStart(4, '0')}`,
  )
  if (typeof TextEncoder === 'function') return new TextEncoder().encode(text)
  return Uint8Array.from(text, (character) => character.charCodeAt(0))
}

function asciiText(bytes: Uint8Array): string {
  if (typeof TextDecoder === 'function') return new TextDecoder().decode(bytes)
  let text = ''
  // In slices, so the arguments stay within what a call may take.
  for (let at = 0; at < bytes.length; at += 8192)
    text += String.fromCharCode(...bytes.subarray(at, at + 8192))
  return text
}

/** The bytes of a learner's state, with the caller's own fields (`kept`: JSON values) in the header. */
export function learnerStateBytes(state: LearnerState, kept?: Record<string, unknown>): Uint8Array {
  const header: Header = {
    version: state.version,
    seed: state.seed,
    count: state.count,
    issues: state.issues,
    random: state.random,
    observed: state.observed,
    flips: state.flips !== undefined,
    moves: state.moves,
    keys: state.keys,
    ...(state.figures ? { figures: state.figures } : {}),
    ...(kept ? { kept } : {}),
  }
  const json = asciiBytes(header)
  const start = Math.ceil((4 + json.length) / 8) * 8
  const parts = [state.samples, state.logWeight, state.orders, state.readings, state.flips]
  const length = parts.reduce((sum, part) => sum + (part?.byteLength ?? 0), 0)
  const bytes = new Uint8Array(start + length)
  new DataView(bytes.buffer).setUint32(0, json.length, true)
  bytes.set(json, 4)
  let at = start
  for (const part of parts) {
    if (!part) continue
    bytes.set(new Uint8Array(part.buffer, part.byteOffset, part.byteLength), at)
    at += part.byteLength
  }
  return bytes
}

/** The state and the caller's fields that `learnerStateBytes` wrote, or undefined for anything else. */
export function learnerStateOf(
  bytes: Uint8Array,
): { state: LearnerState; kept: Record<string, unknown> } | undefined {
  try {
    if (bytes.length < 4) return undefined
    const length = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength).getUint32(0, true)
    if (4 + length > bytes.length) return undefined
    const header: unknown = JSON.parse(asciiText(bytes.subarray(4, 4 + length)))
    if (!isHeader(header)) return undefined
    const cells = header.count * header.issues
    const start = Math.ceil((4 + length) / 8) * 8
    const sizes = [cells * 8, header.count * 8, cells * 4, header.count, header.flips ? cells : 0]
    const total = sizes.reduce((sum, size) => sum + size, 0)
    if (bytes.length !== start + total) return undefined
    // A copy, aligned for the float views and no longer tied to the caller's buffer (by hand: a
    // Node Buffer's `slice` is a view of the same memory, at the file's offset).
    const body = new Uint8Array(bytes.length - start)
    body.set(bytes.subarray(start))
    const at = (k: number) => sizes.slice(0, k).reduce((sum, size) => sum + size, 0)
    return {
      state: {
        version: header.version,
        seed: header.seed,
        count: header.count,
        issues: header.issues,
        random: header.random,
        observed: header.observed,
        samples: new Float64Array(body.buffer, at(0), cells),
        logWeight: new Float64Array(body.buffer, at(1), header.count),
        orders: new Int32Array(body.buffer, at(2), cells),
        readings: new Uint8Array(body.buffer, at(3), header.count),
        ...(header.flips ? { flips: new Uint8Array(body.buffer, at(4), cells) } : {}),
        moves: header.moves,
        keys: header.keys,
        ...(header.figures ? { figures: header.figures } : {}),
      },
      kept: header.kept ?? {},
    }
  } catch {
    // Not JSON: not a state.
    return undefined
  }
}

function isHeader(value: unknown): value is Header {
  if (typeof value !== 'object' || value === null) return false
  const header = value as Record<string, unknown>
  const whole = (key: string) => Number.isSafeInteger(header[key]) && (header[key] as number) >= 0
  const object = (key: string) =>
    header[key] === undefined || (typeof header[key] === 'object' && header[key] !== null)
  return (
    ['version', 'count', 'issues', 'observed'].every(whole) &&
    Number.isSafeInteger(header.seed) &&
    Number.isSafeInteger(header.random) &&
    typeof header.flips === 'boolean' &&
    Array.isArray(header.moves) &&
    header.moves.every(
      (move: unknown) =>
        typeof move === 'object' &&
        move !== null &&
        typeof (move as MoveInformation).eventId === 'string' &&
        typeof (move as MoveInformation).kind === 'string' &&
        typeof (move as MoveInformation).bits === 'number',
    ) &&
    Array.isArray(header.keys) &&
    header.keys.every((key: unknown) => typeof key === 'string') &&
    object('figures') &&
    object('kept') &&
    !Array.isArray(header.kept)
  )
}
