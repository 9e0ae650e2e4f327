import { copyFileSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { runCaptured } from '../captured-run'
import { EXIT } from '../exit-codes'

const folder = mkdtempSync(join(tmpdir(), 'parley-rehearse-'))
const plan = join(folder, 'renewal.yaml')
copyFileSync(join(import.meta.dirname, '../../../../examples/sales-saas-renewal.yaml'), plan)
// The plan's real journal, which a rehearsal must leave exactly as it is.
const realJournal = join(folder, 'renewal.journal.jsonl')
const REAL =
  '{"id":"01JREAL0000000000000000000","at":"2026-11-01T10:00:00.000Z","side":"us","round":0,"planVersion":"x","type":"note","text":"the real talks"}\n'
writeFileSync(realJournal, REAL)

/** Quick rehearsals: a light posterior, four rounds. */
const quick = ['--rounds', '4', '--set', 'posteriorSamples=300']

function rehearse(input: string, ...flags: string[]) {
  return runCaptured(['rehearse', plan, ...quick, ...flags], folder, input)
}

describe('parley rehearse', () => {
  it('says in the debrief where an accepted counter falls short of our plan, and measures what was left within it', async () => {
    // Seed 3's first counter breaks our limits and sits below our BATNA; accepted all the same.
    const result = await rehearse('meso\naccept\n', '--seed', '3')
    expect(result.code).toBe(EXIT.ok)
    expect(result.stdout).toMatch(
      /Against our plan: the agreement is worth [\d.]+ to us, below our reservation and our BATNA \(35\.0\)\./,
    )
    expect(result.stdout).toContain('Against our plan: the agreement breaks our limits price >= 190000')
    expect(result.stdout).toContain(
      'Value left on the table: none within our limits and the rule, since no bundle there is better for both; the agreement lies outside them.',
    )
  })

  it('plays our side from piped lines to an agreement, then debriefs against the truth', async () => {
    const scratch = join(folder, 'scratch.jsonl')
    const result = await rehearse(
      'ask\nmeso\nstatus\ncoach\nmeso\naccept\nmeso 60\naccept\n',
      '--journal',
      scratch,
    )
    // Moves the journal records with a warning (an agreement under our limits) are warned about, never refused.
    expect(result.stderr).not.toContain('error')
    expect(result.code).toBe(EXIT.ok)
    expect(result.stdout).toContain('They say what matters most to them: ')
    expect(result.stdout).toMatch(/They rank [ABC], [ABC], [ABC] and counter \(round 1 of 4\):/)
    expect(result.stdout).toMatch(/\(U_us \d+\.\d · U_them \d+\.\d, est\., learned from \d moves?\)/)
    // The coach at hand: the midgame's words and advice for the scratch journal.
    expect(result.stdout).toContain('Coach (midgame)')
    expect(result.stdout).toMatch(
      /For you only:\n(?: {4}• .*\n)* {4}• Hold your floor: nothing below 48\.0 points for us/,
    )
    expect(result.stdout).toContain('Debrief (against the true frontier the simulator knows)')
    expect(result.stdout).toMatch(/Outcome: agreed after \d rounds?\./)
    expect(result.stdout).toMatch(/Agreement: .*: U_us \d+\.\d, U_them \d+\.\d \(true\)\./)
    expect(result.stdout).toMatch(/Value left on the table: /)
    // The scratch journal holds the rehearsal, ending in the agreement; the real journal is untouched.
    const events = readFileSync(scratch, 'utf8')
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line))
    expect(events[0].type).toBe('interest-stated')
    expect(events.at(-1).type).toBe('agreed')
    expect(readFileSync(realJournal, 'utf8')).toBe(REAL)
  })

  it('says in the debrief what Parley would offer before signing, and which bundle they would sign', async () => {
    // Their own agreement to one of our sets (seed 1): an agreement Parley can still improve on for both.
    const result = await rehearse('ask\nmeso\nmeso\nmeso\nmeso\naccept\n', '--seed', '1', '--rounds', '10')
    expect(result.code).toBe(EXIT.ok)
    const agreement = /Agreement: .*: U_us (\d+\.\d), U_them (\d+\.\d) \(true\)\./.exec(result.stdout)
    const before =
      /Before signing, Parley would offer beside the agreement \(each at least as good for us; U_them true\): (.*)\.\n/.exec(
        result.stdout,
      )
    if (!agreement || !before) throw new Error(`no agreement or no step before signing:\n${result.stdout}`)
    const ours = Number(agreement[1])
    const theirs = Number(agreement[2])
    const options = [...(before[1] ?? '').matchAll(/\(U_us (\d+\.\d), U_them (\d+\.\d)\)/g)].map((match) => ({
      us: Number(match[1]),
      them: Number(match[2]),
    }))
    expect(options.length).toBeGreaterThan(0)
    for (const option of options) expect(option.us).toBeGreaterThanOrEqual(ours)
    const best = Math.max(...options.map((option) => option.them))
    if (best > theirs)
      expect(result.stdout).toMatch(/would sign .* instead: \d+\.\d more for us, \d+\.\d more for them\./)
    else expect(result.stdout).toContain('would keep the agreement: none of them is better for them.')
  })

  it('is the same for the same seed', async () => {
    const a = await rehearse('meso\nmeso\nwalk\n', '--seed', '42')
    const b = await rehearse('meso\nmeso\nwalk\n', '--seed', '42')
    expect(b.stdout).toBe(a.stdout)
    expect(a.stdout).toContain('You walk away.')
    expect(a.stdout).toContain('Outcome: walked away after 2 rounds.')
  })

  it('says what is wrong with an unknown command or a refused move, and carries on', async () => {
    const result = await rehearse('dance\naccept\noffer price=200000\noffer bogus=3\nmeso\nquit\n')
    expect(result.stderr).toContain("error unknown command 'dance' (type help for the commands)")
    expect(result.stderr).toContain('error there is no counter of theirs to accept')
    expect(result.stderr).toContain(
      'error nothing is on the table yet, so a bundle names every issue; missing: ',
    )
    expect(result.stderr).toContain("unknown issue 'bogus'")
    // The MESO set after the refusals was still offered, and the debrief says the rehearsal stopped.
    expect(result.stdout).toMatch(/and counter \(round 1 of 4\)/)
    expect(result.stdout).toContain('Outcome: stopped before the end after 1 round.')
    // Piped lines that were refused make the exit code say so.
    expect(result.code).toBe(EXIT.invalid)
  })

  it('plays their side in role reversal, showing their true preferences, and lets them sign an alternative', async () => {
    const scratch = join(folder, 'reversal.jsonl')
    const result = await rehearse(
      'priorities price support\ncounter price=180000\naccept A\nwalk\nsign 3\nsign 1\n',
      '--as',
      'them',
      '--journal',
      scratch,
    )
    expect(result.stdout).toContain('(role reversal)')
    expect(result.stdout).toMatch(/What you \(.*\) really value:/)
    expect(result.stdout).toContain('Parley asks: "What matters most to you?"')
    expect(result.stdout).toContain('Parley offers (round 1 of 4):')
    expect(result.stdout).toContain('Parley offers (round 2 of 4):')
    // Agreed, and before signing Parley offers its alternatives; only signing remains.
    expect(result.stdout).toMatch(/Agreed \(round 2 of 4\): .* \(your U \d+\.\d\)/)
    expect(result.stdout).toContain('Before signing, Parley offers beside it')
    const first = /\n {2}1\. (.*) {2}\(your U \d+\.\d\)\n/.exec(result.stdout)?.[1]
    if (!first) throw new Error(`no alternative offered:\n${result.stdout}`)
    expect(result.stderr).toContain(
      'error the terms are agreed and Parley offers alternatives before signing',
    )
    expect(result.stderr).toContain('error no alternative 3')
    expect(result.stdout).toContain(`Signed instead of the agreement: ${first}`)
    expect(result.stdout).toMatch(/Outcome: agreed after 2 rounds\./)
    expect(result.stdout).toContain('Before signing, Parley offered beside the agreement')
    expect(result.stdout).toMatch(/You signed .* instead: -?\d+\.\d more for us, -?\d+\.\d more for them\./)
    // The one signed is the scratch journal's latest agreement; the refused lines say so in the exit code.
    const events = readFileSync(scratch, 'utf8')
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line))
    expect(events.slice(-2).map((event) => event.type)).toEqual(['agreed', 'agreed'])
    expect(result.code).toBe(EXIT.invalid)
  })

  it("never writes the scratch journal over the plan's own journal or an existing file", async () => {
    const own = await rehearse('walk\n', '--journal', realJournal)
    expect(own.code).toBe(EXIT.invalid)
    expect(own.stderr).toContain("is the plan's own journal: a rehearsal never writes there")
    const existing = join(folder, 'taken.jsonl')
    writeFileSync(existing, 'x')
    const taken = await rehearse('walk\n', '--journal', existing)
    expect(taken.code).toBe(EXIT.invalid)
    expect(readFileSync(existing, 'utf8')).toBe('x')
    expect(readFileSync(realJournal, 'utf8')).toBe(REAL)
  })

  it("refuses an invalid plan with parley check's messages and exit 1", async () => {
    const bad = join(folder, 'bad.yaml')
    writeFileSync(bad, readFileSync(plan, 'utf8').replace(/^title: .*$/m, 'title: 42\nbogus: true'))
    const check = await runCaptured(['check', bad], folder)
    const result = await runCaptured(['rehearse', bad], folder, 'meso\n')
    expect(result.code).toBe(EXIT.invalid)
    expect(check.code).toBe(EXIT.invalid)
    const errors = (text: string) => text.split('\n').filter((line) => line.startsWith('error '))
    expect(errors(result.stderr).length).toBeGreaterThan(0)
    expect(errors(result.stderr)).toEqual(errors(check.stderr))
    expect(result.stdout).toBe('')
    expect(existsSync(join(folder, 'bad.journal.jsonl'))).toBe(false)
  })
})
