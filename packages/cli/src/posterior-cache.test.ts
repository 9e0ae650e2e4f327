import { appendFileSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { inferPriorities, type LearnerState, PriorityLearner, replay } from '@parley/core'
import { RENEWAL_B } from '@parley/core/testing'
import { describe, expect, it } from 'vitest'
import { runCaptured } from './captured-run'
import { renewalNegotiation } from './example-negotiation'
import { EXIT } from './exit-codes'
import { journalPathFor, loadJournal } from './journal-file'
import { fileTextHash, loadPlan } from './plan-file'
import {
  cachedPosterior,
  decodeCache,
  posteriorCachePathFor,
  prefixKeys,
  readReplayCache,
} from './posterior-cache'

const B = RENEWAL_B

/** Their moves: a ranking of a set of three, a stated priority, a choice, a counter. */
const MOVES = [
  {
    type: 'offer-sent',
    bundles: [
      { label: 'A', terms: { ...B, term: 12 } },
      { label: 'B', terms: B },
      { label: 'C', terms: { ...B, term: 24 } },
    ],
  },
  { type: 'bundles-ranked', side: 'them', order: ['C', 'B', 'A'] },
  { type: 'interest-stated', side: 'them', text: 'the launch date first', ranking: ['rollout', 'price'] },
  {
    type: 'offer-sent',
    bundles: [
      { label: 'A', terms: { ...B, rollout: 90 } },
      { label: 'B', terms: { ...B, term: 24, credits: 5 } },
    ],
  },
  { type: 'bundle-chosen', side: 'them', label: 'B' },
  { type: 'offer-rejected', side: 'them', counter: { terms: { ...B, term: 24, price: 200000 } } },
]

/** The plan, its journal's replay, the cache's path, and the posterior the cache gives now. */
async function learned(plan: string) {
  const loaded = await loadPlan(plan)
  if (!loaded.ok) throw new Error('the example does not load')
  const journal = await loadJournal(journalPathFor(plan))
  const { observations } = replay(loaded.space, journal.events)
  const file = posteriorCachePathFor(journal.file)
  return {
    file,
    observations,
    fresh: inferPriorities(loaded.space, observations),
    cached: await cachedPosterior(loaded.space, loaded.text, observations, file),
    keys: prefixKeys(loaded.text, observations),
  }
}

function cacheIn(file: string) {
  return decodeCache(readFileSync(file))
}

describe('the posterior kept beside the journal', () => {
  it('gives the figures of learning every move again, on the first run and on the next', async () => {
    const plan = renewalNegotiation(MOVES)
    const first = await learned(plan)
    expect(first.observations.length).toBe(4)
    expect(first.cached).toEqual(first.fresh)
    expect(cacheIn(first.file)).toMatchObject({ key: first.keys[4], state: { observed: 4 } })
    const second = await learned(plan)
    expect(second.cached).toEqual(first.fresh)
  })

  it('is resumed as read from the file, not learned again (the bytes of a file read are a view at an offset)', async () => {
    const plan = renewalNegotiation(MOVES)
    const first = await learned(plan)
    const loaded = await loadPlan(plan)
    if (!loaded.ok) throw new Error('the example does not load')
    const read = await readReplayCache(first.file)
    expect(read?.state.observed).toBe(4)
    const resumed = PriorityLearner.resume(loaded.space, first.observations, read?.state as LearnerState)
    expect(resumed?.observed).toBe(4)
    expect(resumed?.posterior()).toEqual(first.fresh)
  })

  it('makes every command that replays the journal print the same with the cache as without', async () => {
    const plan = renewalNegotiation(MOVES)
    const cache = posteriorCachePathFor(journalPathFor(plan))
    for (const verb of ['status', 'coach', 'lint', 'debrief', 'meso']) {
      rmSync(cache, { force: true })
      const without = await runCaptured([verb, plan, '--json'])
      expect(readFileSync(cache).length).toBeGreaterThan(0)
      const withCache = await runCaptured([verb, plan, '--json'])
      expect(withCache.code).toBe(without.code)
      expect(withCache.stdout).toBe(without.stdout)
    }
  })

  it('learns only the moves added since, and ends where learning them all does', async () => {
    const plan = renewalNegotiation(MOVES.slice(0, 3))
    expect(cacheIn((await learned(plan)).file)?.state.observed).toBe(2)
    appendFileSync(
      journalPathFor(plan),
      `\n${MOVES.slice(3)
        .map((move, k) =>
          JSON.stringify({
            id: `01JS${String(k).padStart(22, '0')}`,
            at: '2026-11-25T11:00:00.000Z',
            round: 2,
            planVersion: 1,
            side: 'us',
            ...move,
          }),
        )
        .join('\n')}`,
    )
    const grown = await learned(plan)
    expect(grown.observations.length).toBe(4)
    expect(grown.cached).toEqual(grown.fresh)
    expect(cacheIn(grown.file)).toMatchObject({ key: grown.keys[4], state: { observed: 4 } })
  })

  it('is not used once an earlier move changes', async () => {
    const plan = renewalNegotiation(MOVES)
    const before = await learned(plan)
    const journal = journalPathFor(plan)
    writeFileSync(
      journal,
      readFileSync(journal, 'utf8').replace('"order":["C","B","A"]', '"order":["A","B","C"]'),
    )
    const after = await learned(plan)
    expect(after.keys[1]).not.toBe(before.keys[1])
    expect(after.fresh).not.toEqual(before.fresh)
    expect(after.cached).toEqual(after.fresh)
  })

  it('is not used once the plan changes', async () => {
    const plan = renewalNegotiation(MOVES)
    const before = await learned(plan)
    // Their weight on the term: the prior, hence every figure, moves with it.
    writeFileSync(
      plan,
      readFileSync(plan, 'utf8').replace(
        'them: { weight: 7, scores: { "12": 40',
        'them: { weight: 17, scores: { "12": 40',
      ),
    )
    const after = await learned(plan)
    expect(after.keys[0]).not.toBe(before.keys[0])
    expect(after.fresh).not.toEqual(before.fresh)
    expect(after.cached).toEqual(after.fresh)
    expect(cacheIn(after.file)?.key).toBe(after.keys[4])
  })

  it('keeps the plan as checked and the journal as read, and uses them only while their text is the same', async () => {
    const plan = renewalNegotiation(MOVES)
    const journal = journalPathFor(plan)
    expect((await runCaptured(['status', plan])).code).toBe(EXIT.ok)
    const kept = cacheIn(posteriorCachePathFor(journal))
    const planText = readFileSync(plan, 'utf8')
    const loaded = await loadPlan(plan)
    if (!loaded.ok) throw new Error('the example does not load')
    expect(kept?.plan).toEqual({
      hash: fileTextHash(planText, plan),
      plan: loaded.plan,
      warnings: loaded.warnings,
    })
    expect(kept?.journal?.hash).toBe(fileTextHash(readFileSync(journal, 'utf8'), journal))
    expect(kept?.journal?.events).toEqual((await loadJournal(journal)).events)

    // Used while the text is the same: a kept plan marked as such comes back instead of a new reading,
    // with the file's text and its source read only when asked for.
    if (!kept?.plan || !kept.journal) throw new Error('the cache keeps both')
    const marked = { ...kept.plan, plan: { ...kept.plan.plan, title: 'as kept' } }
    const fromCache = await loadPlan(plan, marked)
    expect(fromCache.ok && fromCache.plan.title).toBe('as kept')
    expect(fromCache.ok && fromCache.source.value).toEqual(loaded.source.value)
    const keptNote = { ...kept.journal, events: kept.journal.events.slice(0, 1) }
    expect((await loadJournal(journal, keptNote)).events).toHaveLength(1)

    // A byte changed (a comment) reads them again, and the next command keeps the new reading.
    writeFileSync(plan, `${planText}# a comment\n`)
    appendFileSync(journal, `${JSON.stringify({ type: 'note', text: 'later' })}\n`)
    const reread = await loadPlan(plan, marked)
    expect(reread.ok && reread.plan.title).toBe(loaded.plan.title)
    expect(await loadJournal(journal, keptNote)).toEqual(await loadJournal(journal))
    expect((await runCaptured(['status', plan])).code).toBe(EXIT.ok)
    expect(cacheIn(posteriorCachePathFor(journal))?.plan?.hash).toBe(
      fileTextHash(`${planText}# a comment\n`, plan),
    )
  })

  describe('a damaged cache is ignored and replaced, never trusted', () => {
    const damages: [string, (bytes: Buffer) => Uint8Array][] = [
      ['empty', () => new Uint8Array()],
      ['cut short', (bytes) => bytes.subarray(0, bytes.length - 100)],
      [
        'one byte of the samples changed',
        (bytes) => bytes.map((byte, k) => (k === bytes.length - 20 ? byte ^ 1 : byte)),
      ],
      [
        'a figure in the header changed (what the first move taught us)',
        (bytes) =>
          Buffer.from(
            bytes
              .toString('latin1')
              .replace(/"bits":(\d)/, (_, digit) => `"bits":${(Number(digit) + 1) % 10}`),
            'latin1',
          ),
      ],
      ['a header that is not JSON', (bytes) => bytes.map((byte, k) => (k === 30 ? 0x7b : byte))],
      ['another kind of file', () => Buffer.from('{"type":"note"}\n')],
      ['random bytes', (bytes) => bytes.map((_, k) => (k * 7919) % 251)],
    ]
    for (const [name, damage] of damages)
      it(name, async () => {
        const plan = renewalNegotiation(MOVES)
        const { file, fresh } = await learned(plan)
        writeFileSync(file, damage(readFileSync(file)))
        const again = await learned(plan)
        expect(again.cached).toEqual(fresh)
        expect(cacheIn(file)).toMatchObject({ key: again.keys[4], state: { observed: 4 } })
      })
  })

  it('costs nothing but time when it can not be written', async () => {
    const plan = renewalNegotiation(MOVES)
    // A folder where the cache file would go: it can be neither read nor replaced.
    mkdirSync(posteriorCachePathFor(journalPathFor(plan)))
    const { cached, fresh } = await learned(plan)
    expect(cached).toEqual(fresh)
    expect((await runCaptured(['status', plan])).code).toBe(EXIT.ok)
  })

  it('is not written for a plan with no journal yet', async () => {
    const plan = renewalNegotiation([])
    rmSync(journalPathFor(plan))
    expect((await runCaptured(['status', plan])).code).toBe(EXIT.ok)
    expect(() => readFileSync(posteriorCachePathFor(journalPathFor(plan)))).toThrow(/ENOENT/)
  })
})
