import { readFileSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { RENEWAL_B } from '@parley/core/testing'
import { describe, expect, it } from 'vitest'
import { runCaptured } from '../captured-run'
import { journalOf, renewalNegotiation } from '../example-negotiation'
import { EXIT } from '../exit-codes'

const B = RENEWAL_B
const SET = [
  { label: 'A', terms: { ...B, price: 220000, support: 'premium' } },
  { label: 'B', terms: B },
  { label: 'C', terms: { ...B, price: 250000, rollout: 45 } },
]
/** Our set of three, answered by a choice of B: a table to concede, counter and agree on. */
const CHOSEN = [
  { type: 'offer-sent', bundles: SET },
  { type: 'bundle-chosen', side: 'them', label: 'B' },
]

/** The event as written, without what differs from one run to the next. */
function lastEvent(plan: string) {
  const { id: _id, at: _at, ...event } = journalOf(plan).at(-1) ?? {}
  return event
}

/** `parley agree PLAN --table` with an uptime measure (written beside the plan) and a fairness story, and more flags. */
function agreeWithUptime(plan: string, more: string[] = []) {
  const measures = join(dirname(plan), 'measures.yaml')
  writeFileSync(measures, '- { metric: uptime, threshold: 99.5, reporting: monthly, remedy: credits }\n')
  return runCaptured(['agree', plan, '--table', '--measures', measures, '--fairness', 'market rate', ...more])
}

describe('move verbs write the event `journal add` writes', () => {
  const cases: [string, object[], string[], object][] = [
    [
      'reply --chose',
      [{ type: 'offer-sent', bundles: SET }],
      ['reply', '--chose', 'B'],
      { type: 'bundle-chosen', label: 'B' },
    ],
    [
      'reply --ranked',
      [{ type: 'offer-sent', bundles: SET }],
      ['reply', '--ranked', 'C, A,B'],
      { type: 'bundles-ranked', order: ['C', 'A', 'B'] },
    ],
    [
      'reply --rejected --counter --reason',
      CHOSEN,
      [
        'reply',
        '--rejected',
        '--counter',
        ...Object.entries({ ...B, price: 200000 }).map(([k, v]) => `${k}=${v}`),
        '--reason',
        'over budget',
      ],
      { type: 'offer-rejected', counter: { terms: { ...B, price: 200000 } }, reason: 'over budget' },
    ],
    [
      'reply --rejected --counter --on, after a set of three',
      [{ type: 'offer-sent', bundles: SET }],
      ['reply', '--rejected', '--counter', 'price=200000', '--on', 'C'],
      { type: 'offer-rejected', counter: { terms: { ...B, price: 200000, rollout: 45 } } },
    ],
    [
      'reply --rejected --counter, naming only what they changed on the table (after a choice and a concession)',
      [...CHOSEN, { type: 'concession', give: { support: 'premium' }, get: { term: 36 } }],
      ['reply', '--rejected', '--counter', 'price=200000'],
      { type: 'offer-rejected', counter: { terms: { ...B, support: 'premium', term: 36, price: 200000 } } },
    ],
    [
      'concede --give --get --trigger',
      CHOSEN,
      ['concede', '--give', 'price=250000', '--get', 'term=36', '--trigger', 'if they sign by Friday'],
      { type: 'concession', give: { price: 250000 }, get: { term: 36 }, trigger: 'if they sign by Friday' },
    ],
    [
      'concede, a gift',
      CHOSEN,
      ['concede', '--give', 'support=premium'],
      { type: 'concession', give: { support: 'premium' }, get: {} },
    ],
    [
      'heard --ranking --more',
      [],
      [
        'heard',
        'launch date first',
        '--ranking',
        'rollout,price',
        '--more',
        'rollout:price:2',
        '--more',
        'billing:term',
      ],
      {
        type: 'interest-stated',
        text: 'launch date first',
        ranking: ['rollout', 'price'],
        relative: [
          { issue: 'rollout', over: 'price', factor: 2 },
          { issue: 'billing', over: 'term', factor: 1 },
        ],
      },
    ],
    [
      'propose-contingency',
      CHOSEN,
      [
        'propose-contingency',
        '--if',
        'monthly uptime < 99.5',
        '--then',
        'credits=15',
        '--within',
        'each month',
        '--source',
        'status page',
        '--reporting',
        'monthly report',
        '--exchange',
        'price=250000',
        '--id',
        'uptime',
      ],
      {
        type: 'contingency-proposed',
        contingency: {
          id: 'uptime',
          metric: 'monthly uptime',
          op: '<',
          threshold: 99.5,
          within: 'each month',
          consequence: { issue: 'credits', level: 15 },
          measurement: { source: 'status page', reporting: 'monthly report' },
        },
        exchange: { price: 250000 },
      },
    ],
    [
      "propose-contingency with both sides' probabilities",
      CHOSEN,
      [
        'propose-contingency',
        '--if',
        'adoption >= 80',
        '--then',
        'uplift=5',
        '--chance-us',
        '0.3',
        '--chance-them',
        '70%',
      ],
      {
        type: 'contingency-proposed',
        contingency: {
          metric: 'adoption',
          op: '>=',
          threshold: 80,
          consequence: { issue: 'uplift', level: 5 },
          beliefs: { us: 0.3, them: 0.7 },
        },
      },
    ],
    ['note', [], ['note', 'their CFO joins next call'], { type: 'note', text: 'their CFO joins next call' }],
    [
      'offer --bundle with a private note',
      [],
      ['offer', '--bundle', ...Object.entries(B).map(([k, v]) => `${k}=${v}`), '--note', 'opening'],
      { type: 'offer-sent', bundles: [{ terms: B }], note: 'opening' },
    ],
  ]
  it.each(cases)('%s', async (_name, events, argv, raw) => {
    const [verb, ...rest] = argv as [string, ...string[]]
    const byVerb = renewalNegotiation(events)
    const byJson = renewalNegotiation(events)
    const recorded = await runCaptured([verb, byVerb, ...rest, '--json'])
    expect(recorded.stderr).toBe('')
    expect(recorded.code).toBe(EXIT.ok)
    const added = await runCaptured(['journal', 'add', byJson, JSON.stringify(raw), '--json'])
    expect(added.code).toBe(EXIT.ok)
    expect(lastEvent(byVerb)).toEqual(lastEvent(byJson))
    expect(journalOf(byVerb)).toHaveLength(events.length + 1)
    // --json prints the event written.
    expect(JSON.parse(recorded.stdout).event).toEqual(journalOf(byVerb).at(-1))
  })
})

describe('parley offer', () => {
  it('--meso records the set `parley meso` shows for the same options, and the answer to it can follow', async () => {
    const plan = renewalNegotiation([])
    const shown = JSON.parse((await runCaptured(['meso', plan, '--count', '2', '--json'])).stdout)
    const offered = await runCaptured(['offer', plan, '--meso', '--count', '2'])
    expect(offered.code).toBe(EXIT.ok)
    expect(offered.stdout).toContain('Added offer of 2 bundles (A and B)')
    const event = lastEvent(plan) as { bundles: { label: string; name: string; terms: object }[] }
    expect(event.bundles).toEqual(
      shown.bundles.map((bundle: { label: string; name: string; terms: object }) => ({
        label: bundle.label,
        name: bundle.name,
        terms: bundle.terms,
      })),
    )
    expect((await runCaptured(['reply', plan, '--chose', 'B'])).code).toBe(EXIT.ok)
  })

  it('--joint-gain records the bundle better for both that status shows, and exit 3 when there is none', async () => {
    const plan = renewalNegotiation([
      { type: 'offer-sent', bundles: [{ label: 'A', terms: { ...B, term: 12 } }] },
    ])
    const status = JSON.parse((await runCaptured(['status', plan, '--json'])).stdout)
    expect(status.jointGain).not.toBeNull()
    const offered = await runCaptured(['offer', plan, '--joint-gain'])
    expect(offered.code).toBe(EXIT.ok)
    expect(
      (lastEvent(plan) as { bundles: { terms: object }[] }).bundles.map((bundle) => bundle.terms),
    ).toEqual([status.jointGain.terms])
    // Now the table: nothing better for both is left in sight, and nothing is written.
    const after = JSON.parse((await runCaptured(['status', plan, '--json'])).stdout)
    expect(after.jointGain).toBeNull()
    const again = await runCaptured(['offer', plan, '--joint-gain', '--json'])
    expect(again.code).toBe(EXIT.no)
    expect(JSON.parse(again.stdout).failure.code).toBe('no_joint_gain')
    expect(journalOf(plan)).toHaveLength(2)
    const empty = renewalNegotiation([])
    const none = await runCaptured(['offer', empty, '--joint-gain'])
    expect(none.code).toBe(EXIT.no)
    expect(none.stderr).toContain('nothing is on the table yet')
  })

  it('--from takes `parley meso --json` output as it is', async () => {
    const plan = renewalNegotiation([])
    const file = join(dirname(plan), 'set.json')
    writeFileSync(file, (await runCaptured(['meso', plan, '--json'])).stdout)
    const offered = await runCaptured(['offer', plan, '--from', file, '--json'])
    expect(offered.code).toBe(EXIT.ok)
    const meso = JSON.parse(readFileSync(file, 'utf8'))
    expect(
      (lastEvent(plan) as { bundles: { terms: object }[] }).bundles.map((bundle) => bundle.terms),
    ).toEqual(meso.bundles.map((bundle: { terms: object }) => bundle.terms))
  })

  it('--from a file that is not an offer, or whose terms do not fit, is refused with the file and place', async () => {
    const plan = renewalNegotiation([])
    const file = join(dirname(plan), 'set.json')
    writeFileSync(file, '{"bundle": []}')
    const wrong = await runCaptured(['offer', plan, '--from', file])
    expect(wrong.code).toBe(EXIT.invalid)
    expect(wrong.stderr).toContain('set.json')
    expect(wrong.stderr).toContain('"bundles" list')
    writeFileSync(
      file,
      JSON.stringify({ bundles: [{ label: 'A', terms: { ...B, support: 'platinum' } }] }, null, 2),
    )
    const level = await runCaptured(['offer', plan, '--from', file])
    expect(level.code).toBe(EXIT.invalid)
    expect(level.stderr).toMatch(/set\.json:\d+:\d+ bundles\[0\]\.terms\.support/)
    expect(journalOf(plan)).toEqual([])
  })

  it('gives exit 3 and the reason when no MESO set exists, and writes nothing', async () => {
    const plan = renewalNegotiation([])
    const none = await runCaptured(['offer', plan, '--meso', '--target', '100', '--tolerance', '0.01'])
    expect(none.code).toBe(EXIT.no)
    expect(none.stderr).toContain('no MESO set')
    // Core says what to change in words; the command line adds the flag that asks for it.
    expect(none.stderr).toMatch(/try a target of ([\d.]+) or less \(--target \1\)/)
    expect(none.stderr).not.toMatch(/try --target/)
    expect(journalOf(plan)).toEqual([])
  })
})

describe('warnings on a move the verbs record', () => {
  it('places an idle contingency on --then and its issue, and records it all the same', async () => {
    const plan = renewalNegotiation(CHOSEN)
    const table = (
      JSON.parse((await runCaptured(['status', plan, '--json'])).stdout) as {
        table: { terms: Record<string, unknown> }
      }
    ).table.terms
    const run = await runCaptured([
      'propose-contingency',
      plan,
      '--if',
      'monthly uptime < 99.5',
      '--then',
      `credits=${table.credits}`,
    ])
    expect(run.code).toBe(EXIT.ok)
    expect(run.stderr).toContain(
      `warning --then credits: the consequence, service credit cap ${table.credits} %`,
    )
    expect(journalOf(plan)).toHaveLength(CHOSEN.length + 1)
  })
})

describe('bad input: the same refusals as `journal add`, nothing written', () => {
  it('an unknown issue or level gets journal add’s message, placed on the flag (exit 1)', async () => {
    const plan = renewalNegotiation(CHOSEN)
    const viaVerb = await runCaptured(['concede', plan, '--give', 'prise=250000', '--get', 'support=premum'])
    const viaJson = await runCaptured([
      'journal',
      'add',
      plan,
      JSON.stringify({ type: 'concession', give: { prise: 250000 }, get: { support: 'premum' } }),
    ])
    expect(viaVerb.code).toBe(EXIT.invalid)
    expect(viaJson.code).toBe(EXIT.invalid)
    const message = "unknown issue 'prise' (did you mean 'price'?)"
    expect(viaJson.stderr).toContain(message)
    expect(viaVerb.stderr).toContain(`--give prise: ${message}`)
    const level = await runCaptured(['concede', plan, '--give', 'support=premum'])
    expect(level.code).toBe(EXIT.invalid)
    expect(level.stderr).toMatch(/--give support: .*premium/)
    expect(journalOf(plan)).toHaveLength(CHOSEN.length)
  })

  it('a number level is read as a number, and a word that is not ISSUE=LEVEL is refused (exit 1)', async () => {
    const plan = renewalNegotiation(CHOSEN)
    const word = await runCaptured(['concede', plan, '--give', 'price'])
    expect(word.code).toBe(EXIT.invalid)
    expect(word.stderr).toContain("--give: 'price' is not ISSUE=LEVEL")
    expect((await runCaptured(['concede', plan, '--give', 'term=36'])).code).toBe(EXIT.ok)
    expect(lastEvent(plan)).toMatchObject({ give: { term: 36 } })
  })

  it.each([
    [['reply'], 'say what they did'],
    [
      ['reply', '--chose', 'A', '--ranked', 'A,B'],
      'give one of --chose, --ranked or --rejected, not several',
    ],
    [['offer'], 'say what to offer'],
    [['concede'], 'say what we give'],
    [['heard'], 'say what they said'],
    [['propose-contingency', '--then', 'credits=15'], 'say the condition'],
    [
      ['propose-contingency', '--if', 'adoption >= 80', '--then', 'uplift=5', '--chance-us', '0.3'],
      'give both probabilities that the condition occurs',
    ],
    [['accept-contingency'], 'say which contingency'],
    [['agree'], 'say what was agreed'],
    [['note'], 'say what to note'],
    [['retract', '--reason', 'slip'], 'say which move'],
    [['retract', '--last'], 'say why'],
  ])('a missing flag with stdin not a terminal is bad usage (exit 2): %s', async (argv, message) => {
    const [verb, ...rest] = argv as [string, ...string[]]
    const plan = renewalNegotiation(CHOSEN)
    const run = await runCaptured([verb, plan, ...rest], process.cwd(), '')
    expect(run.code).toBe(EXIT.usage)
    expect(run.stderr).toContain(`parley ${verb}: ${message}`)
    expect(journalOf(plan)).toHaveLength(CHOSEN.length)
  })

  it('a wrong label, a condition without an operator and a bad --more are invalid (exit 1)', async () => {
    const plan = renewalNegotiation([{ type: 'offer-sent', bundles: SET }])
    const label = await runCaptured(['reply', plan, '--chose', 'D'])
    expect(label.code).toBe(EXIT.invalid)
    expect(label.stderr).toContain('error --chose: the latest offer has n')
    expect(label.stderr).not.toContain('--chose label')
    const condition = await runCaptured([
      'propose-contingency',
      plan,
      '--if',
      'uptime',
      '--then',
      'credits=15',
    ])
    expect(condition.code).toBe(EXIT.invalid)
    expect(condition.stderr).toContain("'uptime' is not METRIC OP THRESHOLD")
    const chance = await runCaptured([
      'propose-contingency',
      plan,
      '--if',
      'adoption >= 80',
      '--then',
      'uplift=5',
      '--chance-us',
      '130%',
      '--chance-them',
      '0.5',
    ])
    expect(chance.code).toBe(EXIT.invalid)
    expect(chance.stderr).toContain(
      "--chance-us <p>' argument '130%' is invalid. must be a probability from 0 to 1, or a percentage such as 30%",
    )
    const more = await runCaptured(['heard', plan, 'x', '--more', 'rollout:price:twice'])
    expect(more.code).toBe(EXIT.invalid)
    expect(more.stderr).toContain('ISSUE:OVER[:FACTOR]')
    expect(journalOf(plan)).toHaveLength(1)
  })

  it('--on names a bundle of our latest offer, and goes with --counter', async () => {
    const plan = renewalNegotiation([{ type: 'offer-sent', bundles: SET }])
    const unknown = await runCaptured(['reply', plan, '--rejected', '--counter', 'price=200000', '--on', 'D'])
    expect(unknown.code).toBe(EXIT.invalid)
    expect(unknown.stderr).toContain("--on: no bundle 'D' in our latest offer (round 1); it has A, B, C")
    const alone = await runCaptured(['reply', plan, '--rejected', '--on', 'B'])
    expect(alone.code).toBe(EXIT.usage)
    expect(alone.stderr).toContain('--on goes with --counter')
    // Without --on, a partial counter to a set of three is refused as `journal add` refuses it.
    const partial = await runCaptured(['reply', plan, '--rejected', '--counter', 'price=200000'])
    expect(partial.code).toBe(EXIT.invalid)
    expect(partial.stderr).toContain(
      'a counter to several bundles must name every issue, or name the bundle it changes: --on LABEL',
    )
    expect(journalOf(plan)).toHaveLength(1)
  })

  it('a counter that leaves the bundle as offered is recorded with a warning on --counter; a single --bundle is refused on --bundle', async () => {
    const plan = renewalNegotiation([{ type: 'offer-sent', bundles: SET }])
    const same = await runCaptured([
      'reply',
      plan,
      '--rejected',
      '--on',
      'B',
      '--counter',
      `price=${B.price}`,
    ])
    expect(same.code).toBe(EXIT.ok)
    expect(same.stderr).toContain(
      'warning --counter: their counter is bundle B exactly as we offered it: it changes nothing, yet it is recorded as a rejection; if they took bundle B, retract this and record that they chose it',
    )
    expect(journalOf(plan)).toHaveLength(2)
    // The flag names the one bundle it gives: no `[0].terms` after it.
    const short = await runCaptured(['offer', plan, '--bundle', 'price=200000'])
    expect(short.code).toBe(EXIT.invalid)
    expect(short.stderr).toMatch(/^error --bundle: no level for \d+ issues: 'rollout'/m)
    expect(journalOf(plan)).toHaveLength(2)
  })

  it('a partial counter to a new set is refused even with a table from an earlier round', async () => {
    const plan = renewalNegotiation([...CHOSEN, { type: 'offer-sent', bundles: SET }])
    const partial = await runCaptured(['reply', plan, '--rejected', '--counter', 'price=200000'])
    expect(partial.code).toBe(EXIT.invalid)
    expect(partial.stderr).toContain('or name the bundle it changes: --on LABEL')
    expect(journalOf(plan)).toHaveLength(3)
  })

  it('--json reports a usage error as JSON on stdout', async () => {
    const plan = renewalNegotiation(CHOSEN)
    const run = await runCaptured(['reply', plan, '--json'], process.cwd(), '')
    expect(run.code).toBe(EXIT.usage)
    expect(JSON.parse(run.stdout).errors[0]).toMatchObject({ code: 'usage' })
  })
})

describe('retract and accept-contingency find the move', () => {
  it('by the number `journal list` shows, by an id prefix, or the last one', async () => {
    const plan = renewalNegotiation([...CHOSEN, { type: 'note', text: 'one' }, { type: 'note', text: 'two' }])
    const ids = journalOf(plan).map((event) => event.id as string)
    expect((await runCaptured(['retract', plan, '3', '--reason', 'slip'])).code).toBe(EXIT.ok)
    expect(lastEvent(plan)).toMatchObject({ type: 'retract', target: ids[2], reason: 'slip' })
    expect((await runCaptured(['retract', plan, '--last', '--reason', 'slip'])).code).toBe(EXIT.ok)
    expect(lastEvent(plan)).toMatchObject({ target: ids[3] })
    // The same prefix starts every id here: too short to say which.
    const ambiguous = await runCaptured(['retract', plan, '01JR', '--reason', 'slip'])
    expect(ambiguous.code).toBe(EXIT.invalid)
    expect(ambiguous.stderr).toContain('give more of it')
    expect(
      (await runCaptured(['retract', plan, (ids[1] as string).toLowerCase(), '--reason', 'slip'])).code,
    ).toBe(EXIT.ok)
    expect(lastEvent(plan)).toMatchObject({ target: ids[1] })
    const beyond = await runCaptured(['retract', plan, '99', '--reason', 'slip'])
    expect(beyond.code).toBe(EXIT.invalid)
    expect(beyond.stderr).toContain('is not one of their numbers')
  })

  it('accepts a contingency by its own id or --last, and agree carries it with its measurement', async () => {
    const plan = renewalNegotiation(CHOSEN)
    expect(
      (
        await runCaptured([
          'propose-contingency',
          plan,
          '--if',
          'uptime < 99.5',
          '--then',
          'credits=15',
          '--source',
          'status page',
          '--reporting',
          'monthly',
          '--id',
          'uptime',
        ])
      ).code,
    ).toBe(EXIT.ok)
    const none = await runCaptured(['accept-contingency', plan, 'nope'])
    expect(none.code).toBe(EXIT.invalid)
    expect((await runCaptured(['accept-contingency', plan, 'uptime'])).code).toBe(EXIT.ok)
    expect(lastEvent(plan)).toMatchObject({ type: 'contingency-accepted', target: 'uptime' })
    const nothingOpen = await runCaptured(['accept-contingency', plan, '--last'])
    expect(nothingOpen.code).toBe(EXIT.invalid)
    expect(nothingOpen.stderr).toContain('no contingency is waiting')
    const agreed = await agreeWithUptime(plan)
    expect(agreed.code).toBe(EXIT.ok)
    expect(lastEvent(plan)).toMatchObject({
      type: 'agreed',
      terms: B,
      contingencies: [{ id: 'uptime', measurement: { source: 'status page', reporting: 'monthly' } }],
      measures: [{ metric: 'uptime', threshold: 99.5, reporting: 'monthly', remedy: 'credits' }],
      fairnessStory: 'market rate',
    })
  })

  it('recording the agreement again keeps what the recorded one says beyond its terms, unless a flag says it anew', async () => {
    const plan = renewalNegotiation(CHOSEN)
    const first = await agreeWithUptime(plan, [
      '--exit',
      '90 days notice',
      '--review-cadence',
      'quarterly',
      '--escalation',
      'both VPs',
    ])
    expect(first.code).toBe(EXIT.ok)
    // The alternative they chose before signing: other terms, the rest kept; one governance field given anew.
    const terms = Object.entries({ ...B, term: 36 }).map(([issue, level]) => `${issue}=${level}`)
    const again = await runCaptured(['agree', plan, '--bundle', ...terms, '--review-cadence', 'monthly'])
    expect(again.code).toBe(EXIT.ok)
    expect(lastEvent(plan)).toMatchObject({
      type: 'agreed',
      terms: { ...B, term: 36 },
      measures: [{ metric: 'uptime', threshold: 99.5, reporting: 'monthly', remedy: 'credits' }],
      fairnessStory: 'market rate',
      exit: '90 days notice',
      governance: { reviewCadence: 'monthly', escalation: 'both VPs' },
    })
  })

  it('--alternative N records the alternative status lists before signing, keeping the rest; once signed there is none', async () => {
    const plan = renewalNegotiation(CHOSEN)
    const before = await runCaptured(['agree', plan, '--alternative', '1'])
    expect(before.code).toBe(EXIT.invalid)
    expect(before.stderr).toContain('there is no alternative to sign')
    expect((await agreeWithUptime(plan, ['--exit', '90 days notice'])).code).toBe(EXIT.ok)
    const status = JSON.parse((await runCaptured(['status', plan, '--json'])).stdout) as {
      postSettlement: { terms: Record<string, unknown> }[]
      nextMove: { command?: string }
    }
    expect(status.postSettlement.length).toBeGreaterThan(0)
    expect(status.nextMove.command).toBe('parley offer PLAN --alternatives')
    const beyond = await runCaptured([
      'agree',
      plan,
      '--alternative',
      String(status.postSettlement.length + 1),
    ])
    expect(beyond.code).toBe(EXIT.invalid)
    expect(beyond.stderr).toMatch(/there (is 1 alternative|are \d alternatives) before signing: give 1/)
    const both = await runCaptured(['agree', plan, '--table', '--alternative', '1'])
    expect(both.code).toBe(EXIT.usage)
    expect(both.stderr).toContain('give one of --table, --bundle and --alternative')
    const written = journalOf(plan).length
    const signed = await runCaptured(['agree', plan, '--alternative', '1'])
    expect(signed.code).toBe(EXIT.ok)
    expect(journalOf(plan)).toHaveLength(written + 1)
    expect(lastEvent(plan)).toMatchObject({
      type: 'agreed',
      terms: status.postSettlement[0]?.terms,
      measures: [{ metric: 'uptime', threshold: 99.5, reporting: 'monthly', remedy: 'credits' }],
      fairnessStory: 'market rate',
      exit: '90 days notice',
    })
    // They signed one: the step is done.
    const after = JSON.parse((await runCaptured(['status', plan, '--json'])).stdout) as {
      postSettlement: unknown[]
    }
    expect(after.postSettlement).toEqual([])
    const again = await runCaptured(['agree', plan, '--alternative', '1'])
    expect(again.code).toBe(EXIT.invalid)
    expect(journalOf(plan)).toHaveLength(written + 1)
  })

  it('a measures file with a wrong entry is refused at its line', async () => {
    const plan = renewalNegotiation(CHOSEN)
    const measures = join(dirname(plan), 'measures.yaml')
    writeFileSync(measures, 'measures:\n  - metric: uptime\n    threshold: 99.5\n')
    const agreed = await runCaptured(['agree', plan, '--table', '--measures', measures])
    expect(agreed.code).toBe(EXIT.invalid)
    expect(agreed.stderr).toMatch(/measures\.yaml:\d+:\d+ measures\[0\]/)
    expect(journalOf(plan)).toHaveLength(CHOSEN.length)
  })
})
