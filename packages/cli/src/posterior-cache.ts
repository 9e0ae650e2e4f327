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
 * The file: the line `parley posterior cache`, the SHA-256 of the rest in 64 hexadecimal digits,
 * then the learner's state as core writes it (`learnerStateBytes`), with the key, the plan and the
 * journal in its header.
 */
import { createHash } from 'node:crypto'
import { readFileSync } from 'node:fs'
import {
  inferPriorities,
  LEARNER_STATE_VERSION,
  type LearnerState,
  learnerStateBytes,
  learnerStateOf,
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

const CHECKSUM = 64

/** The bytes of the file for a learner's state, keyed by `key`, with the plan and journal it was learned from. */
export function encodeCache(
  state: LearnerState,
  key: string,
  kept: { plan?: CheckedPlan; journal?: ReadJournal } = {},
): Uint8Array {
  const body = learnerStateBytes(state, {
    key,
    ...(kept.plan ? { plan: kept.plan } : {}),
    ...(kept.journal ? { journal: kept.journal } : {}),
  })
  const magic = Buffer.from(MAGIC)
  const bytes = new Uint8Array(magic.length + CHECKSUM + body.length)
  bytes.set(magic, 0)
  bytes.set(Buffer.from(createHash('sha256').update(body).digest('hex'), 'latin1'), magic.length)
  bytes.set(body, magic.length + CHECKSUM)
  return bytes
}

/** The key and state a file holds, or undefined for anything that is not a whole, intact cache. */
export function decodeCache(bytes: Uint8Array): KeptReplay | undefined {
  const magic = Buffer.byteLength(MAGIC)
  if (bytes.length < magic + CHECKSUM || Buffer.from(bytes.subarray(0, magic)).toString('latin1') !== MAGIC)
    return undefined
  const body = bytes.subarray(magic + CHECKSUM)
  const checksum = Buffer.from(bytes.subarray(magic, magic + CHECKSUM)).toString('latin1')
  if (createHash('sha256').update(body).digest('hex') !== checksum) return undefined
  const read = learnerStateOf(body)
  if (!read) return undefined
  const { key, plan, journal } = read.kept
  if (typeof key !== 'string') return undefined
  if (plan !== undefined && !isKept(plan, ['plan'], ['warnings'])) return undefined
  if (journal !== undefined && !isKept(journal, [], ['events', 'lines', 'problems'])) return undefined
  return {
    key,
    state: read.state,
    ...(plan ? { plan: plan as CheckedPlan } : {}),
    ...(journal ? { journal: journal as ReadJournal } : {}),
  }
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
  let bytes: Uint8Array
  try {
    // Synchronously: see `readTextFile` in plan-file.ts.
    bytes = readFileSync(file)
  } catch {
    bytes = new Uint8Array()
  }
  return decodeCache(bytes)
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
