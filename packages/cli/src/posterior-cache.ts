/**
 * The posterior kept beside the journal (`acme.journal.jsonl.cache`), so a command that replays the
 * journal does not draw and reweigh thousands of samples on every run: the learner's state after
 * the journal's moves is saved, and the next run resumes it, learning only from moves added since.
 * Core's learner resumed from a snapshot gives exactly what learning every move again gives, so the
 * figures are the same with the cache, without it and with a damaged one.
 *
 * The cache is keyed by a hash of the plan's text and of each of the moves it learned from, chained
 * move by move (plus the version of Parley and of the sampler): a change to the plan, or to any of
 * those moves (a retraction, an edit), leaves it unused. A file that can not be read, is cut short
 * or fails its checksum is ignored and replaced. It is only ever written whole (a temporary file
 * renamed over it), and a failure to write it (a read-only folder) costs the next run time, nothing else.
 *
 * The same file keeps the plan as core checked it and the journal's events as read, each with the
 * hash of the text (and name) of its file: a command whose plan and journal are unchanged since takes
 * them from here instead of reading YAML and checking every field and event again, which costs more
 * than the rest of a replay. A byte changed in either file, or another Parley version, reads them again.
 *
 * The file: the line `parley posterior cache`, a 4-byte little-endian length, a JSON header of that
 * length, zero padding to a multiple of 8 bytes, then the samples (float64), the log weights
 * (float64), the samples' orders (int32), their readings of the estimate (one byte per sample) and,
 * when an issue is uncertain, the directions (one byte each).
 */
import { createHash } from 'node:crypto'
import { readFile } from 'node:fs/promises'
import {
  type IssuePosterior,
  inferPriorities,
  LEARNER_STATE_VERSION,
  type LearnerState,
  type MoveInformation,
  type Observation,
  observationKey,
  type Posterior,
  PriorityLearner,
  type Space,
} from '@parley/core'
import { writeFilesAtomically } from './atomic-write'
import type { ReadJournal } from './journal-file'
import type { CheckedPlan } from './plan-file'
import { VERSION } from './version'

const MAGIC = 'parley posterior cache\n'

/** `acme.journal.jsonl` → `acme.journal.jsonl.cache`. */
export function posteriorCachePathFor(journalFile: string): string {
  return `${journalFile}.cache`
}

interface Header {
  /** The chained hash of the plan and the first `observed` moves. */
  key: string
  checksum: string
  version: number
  seed: number
  count: number
  issues: number
  random: number
  observed: number
  flips: boolean
  moves: MoveInformation[]
  /** The posterior's figures per issue (see `LearnerState.figures`). */
  figures?: Record<string, IssuePosterior>
  /** The plan as checked, and the journal as read, when they were kept with it. */
  plan?: CheckedPlan
  journal?: ReadJournal
}

/** What a cache file holds: the learner's state after its moves, and the plan and journal it was kept with. */
export interface KeptReplay {
  key: string
  state: LearnerState
  plan?: CheckedPlan
  journal?: ReadJournal
}

/** Hashes of the plan and each prefix of the moves: `keys[k]` stands for the plan and the first k moves. */
export function prefixKeys(planText: string, observations: readonly Observation[]): string[] {
  const hash = (text: string) => createHash('sha256').update(text).digest('hex')
  const keys = [hash(`${MAGIC}${VERSION}\n${LEARNER_STATE_VERSION}\n${planText}`)]
  for (const observation of observations)
    keys.push(hash(`${keys.at(-1) ?? ''}\n${observationKey(observation)}`))
  return keys
}

/** Over the header's other fields and the body: a changed byte anywhere is caught, figures in the header included. */
function checksumOf(header: Omit<Header, 'checksum'>, body: Uint8Array): string {
  const { key, version, seed, count, issues, random, observed, flips, moves, figures, plan, journal } = header
  return createHash('sha256')
    .update(
      JSON.stringify([
        key,
        version,
        seed,
        count,
        issues,
        random,
        observed,
        flips,
        moves,
        figures ?? null,
        plan ?? null,
        journal ?? null,
      ]),
    )
    .update(body)
    .digest('hex')
}

/** The bytes of the file for a learner's state, keyed by `key`, with the plan and journal it was learned from. */
export function encodeCache(
  state: LearnerState,
  key: string,
  kept: { plan?: CheckedPlan; journal?: ReadJournal } = {},
): Uint8Array {
  const samples = state.samples.byteLength
  const weights = state.logWeight.byteLength
  const orders = state.orders.byteLength
  const readings = state.readings.byteLength
  const body = new Uint8Array(samples + weights + orders + readings + (state.flips?.byteLength ?? 0))
  body.set(new Uint8Array(state.samples.buffer, state.samples.byteOffset, samples), 0)
  body.set(new Uint8Array(state.logWeight.buffer, state.logWeight.byteOffset, weights), samples)
  body.set(new Uint8Array(state.orders.buffer, state.orders.byteOffset, orders), samples + weights)
  body.set(state.readings, samples + weights + orders)
  if (state.flips) body.set(state.flips, samples + weights + orders + readings)
  const fields: Omit<Header, 'checksum'> = {
    key,
    version: state.version,
    seed: state.seed,
    count: state.count,
    issues: state.issues,
    random: state.random,
    observed: state.observed,
    flips: state.flips !== undefined,
    moves: state.moves,
    ...(state.figures ? { figures: state.figures } : {}),
    ...(kept.plan ? { plan: kept.plan } : {}),
    ...(kept.journal ? { journal: kept.journal } : {}),
  }
  const header: Header = { ...fields, checksum: checksumOf(fields, body) }
  const json = Buffer.from(JSON.stringify(header))
  const start = Buffer.byteLength(MAGIC) + 4 + json.length
  const padded = Math.ceil(start / 8) * 8
  const bytes = new Uint8Array(padded + body.length)
  bytes.set(Buffer.from(MAGIC), 0)
  new DataView(bytes.buffer).setUint32(Buffer.byteLength(MAGIC), json.length, true)
  bytes.set(json, Buffer.byteLength(MAGIC) + 4)
  bytes.set(body, padded)
  return bytes
}

/** The key and state a file holds, or undefined for anything that is not a whole, intact cache. */
export function decodeCache(bytes: Uint8Array): KeptReplay | undefined {
  try {
    const magic = Buffer.byteLength(MAGIC)
    if (bytes.length < magic + 4 || Buffer.from(bytes.subarray(0, magic)).toString('latin1') !== MAGIC)
      return undefined
    const length = new DataView(bytes.buffer, bytes.byteOffset).getUint32(magic, true)
    if (magic + 4 + length > bytes.length) return undefined
    const header = JSON.parse(Buffer.from(bytes.subarray(magic + 4, magic + 4 + length)).toString('utf8'))
    if (!isHeader(header)) return undefined
    const cells = header.count * header.issues
    const start = Math.ceil((magic + 4 + length) / 8) * 8
    const sizes = [cells * 8, header.count * 8, cells * 4, header.count, header.flips ? cells : 0] as const
    const offsets = [0, sizes[0], sizes[0] + sizes[1], sizes[0] + sizes[1] + sizes[2]] as const
    const flipsAt = offsets[3] + sizes[3]
    if (bytes.length !== start + flipsAt + sizes[4]) return undefined
    // A copy, aligned for the float views and no longer tied to the file's buffer (a Buffer's
    // `slice` would be a view, hence the copy by hand).
    const body = new Uint8Array(bytes.length - start)
    body.set(bytes.subarray(start))
    if (checksumOf(header, body) !== header.checksum) return undefined
    return {
      key: header.key,
      state: {
        version: header.version,
        seed: header.seed,
        count: header.count,
        issues: header.issues,
        random: header.random,
        observed: header.observed,
        samples: new Float64Array(body.buffer, offsets[0], cells),
        logWeight: new Float64Array(body.buffer, offsets[1], header.count),
        orders: new Int32Array(body.buffer, offsets[2], cells),
        readings: new Uint8Array(body.buffer, offsets[3], header.count),
        ...(header.flips ? { flips: new Uint8Array(body.buffer, flipsAt, cells) } : {}),
        moves: header.moves,
        ...(header.figures ? { figures: header.figures } : {}),
      },
      ...(header.plan ? { plan: header.plan } : {}),
      ...(header.journal ? { journal: header.journal } : {}),
    }
  } catch {
    return undefined
  }
}

function isHeader(value: unknown): value is Header {
  if (typeof value !== 'object' || value === null) return false
  const header = value as Record<string, unknown>
  const whole = (key: string) => Number.isSafeInteger(header[key]) && (header[key] as number) >= 0
  return (
    typeof header.key === 'string' &&
    typeof header.checksum === 'string' &&
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
    (header.figures === undefined || (typeof header.figures === 'object' && header.figures !== null)) &&
    (header.plan === undefined || isKept(header.plan, ['plan'], ['warnings'])) &&
    (header.journal === undefined || isKept(header.journal, [], ['events', 'lines', 'problems']))
  )
}

function isKept(value: unknown, objects: readonly string[], arrays: readonly string[]): boolean {
  if (typeof value !== 'object' || value === null) return false
  const kept = value as Record<string, unknown>
  return (
    typeof kept.hash === 'string' &&
    objects.every((key) => typeof kept[key] === 'object' && kept[key] !== null) &&
    arrays.every((key) => Array.isArray(kept[key]))
  )
}

/** The cache file beside a journal, read; undefined when there is none or it is not whole and intact. */
export async function readReplayCache(file: string): Promise<KeptReplay | undefined> {
  return decodeCache(await readFile(file).catch(() => new Uint8Array()))
}

/**
 * The posterior for a journal's moves (what `inferPriorities` gives for them), resumed from the
 * cache file beside the journal when it was learned from a prefix of these moves on this plan, and
 * the cache brought up to date, with the plan and journal to keep beside it (`keep`). `file`: the
 * cache's path, or undefined to keep none (no journal yet). `read`: the cache as already read, if it was.
 */
export async function cachedPosterior(
  space: Space,
  planText: string,
  observations: readonly Observation[],
  file: string | undefined,
  keep: { plan?: CheckedPlan; journal?: ReadJournal } = {},
  read?: KeptReplay | null,
): Promise<Posterior> {
  if (file === undefined) return inferPriorities(space, observations)
  const keys = prefixKeys(planText, observations)
  const cached = read === undefined ? await readReplayCache(file) : (read ?? undefined)
  const resumed =
    cached && cached.key === keys[cached.state.observed]
      ? PriorityLearner.resume(space, observations, cached.state)
      : undefined
  const learner = resumed ?? new PriorityLearner(space)
  const start = learner.observed
  for (const observation of observations.slice(start)) learner.observe(observation)
  // Before the snapshot, so that it keeps the figures per issue too.
  const posterior = learner.posterior()
  const stale = (kept: { hash: string } | undefined, now: { hash: string } | undefined) =>
    now !== undefined && kept?.hash !== now.hash
  if (
    !resumed ||
    start < observations.length ||
    stale(cached?.plan, keep.plan) ||
    stale(cached?.journal, keep.journal)
  ) {
    await writeFilesAtomically(
      [{ path: file, text: encodeCache(learner.snapshot(), keys[observations.length] ?? '', keep) }],
      { overwrite: true },
    ).catch(() => undefined)
  }
  return posterior
}
