/**
 * The move verbs at a terminal: what the flags leave out is asked for, with choices from the plan,
 * through the real prompt library on a stand-in terminal (a stream that says it is a TTY), typed
 * one key at a time as a person would, each key sent once the question it answers is on screen.
 */

import { readFileSync } from 'node:fs'
import { PassThrough, Writable } from 'node:stream'
import {
  alternativesBeforeSigning,
  compileSpace,
  inferPriorities,
  type JournalEvent,
  jointGainInSight,
  parsePlanText,
  replay,
} from '@parley/core'
import { RENEWAL_B } from '@parley/core/testing'
import { describe, expect, it } from 'vitest'
import { journalOf, renewalNegotiation } from '../example-negotiation'
import { EXIT } from '../exit-codes'
import { runParley } from '../program'

const ENTER = '\r'
const DOWN = '\u001b[B'
const UP = '\u001b[A'
const CTRL_C = '\u0003'

interface Step {
  /** Text the question shows; the keys are typed once it has appeared (again) on the terminal. */
  after: string
  /** One key each: an arrow is one key of three characters. */
  keys: readonly string[]
}

async function atTerminal(argv: string[], steps: Step[]) {
  const stdin = Object.assign(new PassThrough(), { isTTY: true, setRawMode: () => stdin })
  let screen = ''
  let seen = 0
  const stderr = new Writable({
    write(chunk: Buffer, _encoding, done) {
      screen += chunk.toString()
      done()
    },
  })
  const stdout: string[] = []
  const run = runParley(
    argv,
    {
      stdout: new Writable({
        write(chunk: Buffer, _encoding, done) {
          stdout.push(chunk.toString())
          done()
        },
      }),
      stderr,
      stdin,
      env: {},
    },
    process.cwd(),
  )
  for (const step of steps) {
    const deadline = Date.now() + 5000
    for (;;) {
      const at = screen.indexOf(step.after, seen)
      if (at >= 0) {
        seen = at + step.after.length
        break
      }
      if (Date.now() > deadline) throw new Error(`never asked "${step.after}"; the screen shows:\n${screen}`)
      await new Promise((resolve) => setTimeout(resolve, 5))
    }
    for (const key of step.keys) {
      stdin.write(key)
      await new Promise((resolve) => setTimeout(resolve, 2))
    }
  }
  const code = await run
  return { code, stdout: stdout.join(''), screen }
}

/** The plan's space and the state its journal replays to, as the command reads them. */
function negotiationOf(plan: string) {
  const parsed = parsePlanText(readFileSync(plan, 'utf8'), { format: 'yaml' })
  if (!parsed.ok) throw new Error('the example does not parse')
  const space = compileSpace(parsed.plan)
  return { space, state: replay(space, journalOf(plan) as JournalEvent[]) }
}

/** They chose B of our set and it is agreed; the alternatives before signing that status lists. */
function agreedOnB() {
  const plan = renewalNegotiation([
    { type: 'offer-sent', bundles: SET },
    { type: 'bundle-chosen', side: 'them', label: 'B' },
    { type: 'agreed', terms: RENEWAL_B },
  ])
  const { space, state } = negotiationOf(plan)
  return { plan, listed: alternativesBeforeSigning(space, state, inferPriorities(space, state.observations)) }
}

const SET = [
  { label: 'A', terms: { ...RENEWAL_B, price: 220000 } },
  { label: 'B', terms: RENEWAL_B },
  { label: 'C', terms: { ...RENEWAL_B, price: 250000, rollout: 45 } },
]

describe('move verbs ask at a terminal for what the flags leave out', () => {
  it('reply: a ranking chosen from the labels of our latest offer', async () => {
    const plan = renewalNegotiation([{ type: 'offer-sent', bundles: SET }])
    const run = await atTerminal(
      ['reply', plan],
      [
        { after: 'What did they answer?', keys: [DOWN, ENTER] },
        { after: 'Their first choice?', keys: [DOWN, DOWN, ENTER] },
        { after: 'Next?', keys: [ENTER] },
      ],
    )
    expect(run.code).toBe(EXIT.ok)
    expect(run.stdout).toContain('they ranked C > A > B')
    expect(journalOf(plan).at(-1)).toMatchObject({ type: 'bundles-ranked', order: ['C', 'A', 'B'] })
  })

  it('reply: a counter to a set changes the bundle they name, keeping its other terms', async () => {
    const plan = renewalNegotiation([{ type: 'offer-sent', bundles: SET }])
    const run = await atTerminal(
      ['reply', plan],
      [
        { after: 'What did they answer?', keys: [DOWN, DOWN, ENTER] },
        { after: 'Did they counter with terms of their own?', keys: ['y', ENTER] },
        { after: 'Which of our bundles does their counter change?', keys: [DOWN, DOWN, ENTER] },
        // price first; its level starts at C's (250000), and one step up the list is 240000.
        { after: 'Their counter: which issue?', keys: [ENTER] },
        { after: 'Their counter: price to which level?', keys: [UP, ENTER] },
        { after: 'Their counter: another issue?', keys: [ENTER] },
        { after: 'Their reason', keys: [ENTER] },
      ],
    )
    expect(run.code).toBe(EXIT.ok)
    expect(journalOf(plan).at(-1)).toMatchObject({
      type: 'offer-rejected',
      counter: { terms: { ...RENEWAL_B, price: 240000, rollout: 45 } },
    })
  })

  it('concede: the issue and level picked from the plan, then nothing back (a gift)', async () => {
    const plan = renewalNegotiation([
      { type: 'offer-sent', bundles: SET },
      { type: 'bundle-chosen', side: 'them', label: 'B' },
    ])
    const run = await atTerminal(
      ['concede', plan],
      [
        // price is the plan's first issue; the level starts at our position (B's 230000), and one
        // step up the list is 220000.
        { after: 'We give: which issue?', keys: [ENTER] },
        { after: 'We give: price to which level?', keys: [UP, ENTER] },
        { after: 'We give: another issue?', keys: [ENTER] },
        { after: 'We get in return: which issue?', keys: [ENTER] },
      ],
    )
    expect(run.code).toBe(EXIT.ok)
    expect(run.screen).toContain('(that is all)')
    expect(journalOf(plan).at(-1)).toMatchObject({ type: 'concession', give: { price: 220000 }, get: {} })
  })

  it('agree, after an agreement: which of the alternatives listed before signing they signed', async () => {
    const { plan, listed } = agreedOnB()
    expect(listed.length).toBeGreaterThan(1)
    const run = await atTerminal(['agree', plan], [{ after: 'What did they sign?', keys: [DOWN, ENTER] }])
    expect(run.code).toBe(EXIT.ok)
    expect(run.screen).toContain('alternative 1 listed before signing: ')
    expect(journalOf(plan).at(-1)).toMatchObject({ type: 'agreed', terms: listed[1]?.terms })
  })

  it('offer: the bundle better for both than the table comes first when one is in sight', async () => {
    const plan = renewalNegotiation([
      { type: 'offer-sent', bundles: [{ label: 'A', terms: { ...RENEWAL_B, term: 12 } }] },
    ])
    const { space, state } = negotiationOf(plan)
    const joint = jointGainInSight(space, state, inferPriorities(space, state.observations))
    if (!joint) throw new Error('expected a joint gain over a 12-month term')
    const run = await atTerminal(['offer', plan], [{ after: 'What do you offer?', keys: [ENTER] }])
    expect(run.code).toBe(EXIT.ok)
    expect(run.screen).toContain('the bundle better for both than the table (+')
    expect(journalOf(plan).at(-1)).toMatchObject({ type: 'offer-sent', bundles: [{ terms: joint.terms }] })
    // That offer is now the table: nothing better for both is left, and the question says so by leaving it out.
    const again = await atTerminal(['offer', plan], [{ after: 'What do you offer?', keys: [CTRL_C] }])
    expect(again.screen).toContain('the MESO set Parley proposes now')
    expect(again.screen).not.toContain('better for both')
  })

  it('offer, after an agreement: the alternatives before signing come first', async () => {
    const { plan, listed } = agreedOnB()
    const run = await atTerminal(['offer', plan], [{ after: 'What do you offer?', keys: [ENTER] }])
    expect(run.code).toBe(EXIT.ok)
    expect(run.screen).toContain(`the ${listed.length} alternatives before signing that parley status lists`)
    expect(journalOf(plan).at(-1)).toMatchObject({
      type: 'alternatives-offered',
      bundles: listed.map((alternative, k) => ({ label: String(k + 1), terms: alternative.terms })),
    })
  })

  it('Ctrl-C at a question writes nothing and exits 130', async () => {
    const plan = renewalNegotiation([{ type: 'offer-sent', bundles: SET }])
    const run = await atTerminal(['reply', plan], [{ after: 'What did they answer?', keys: [CTRL_C] }])
    expect(run.code).toBe(EXIT.interrupted)
    expect(run.screen).toContain('Interrupted: nothing was recorded.')
    expect(journalOf(plan)).toHaveLength(1)
  })
})
