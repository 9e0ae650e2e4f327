import { Command } from 'commander'
import { describe, expect, it } from 'vitest'
import { runCaptured } from './captured-run'
import { EXIT } from './exit-codes'
import { buildProgram, VERBS } from './program'

const run = runCaptured

describe('runParley', () => {
  it('lists every verb in its help, in order', async () => {
    const help = await run(['--help'])
    expect(help.code).toBe(EXIT.ok)
    const verbs = [...help.stdout.matchAll(/^ {2}([a-z-]+) /gm)].map((match) => match[1])
    expect(verbs).toEqual([
      'check',
      'score',
      'frontier',
      'meso',
      'journal',
      'offer',
      'reply',
      'concede',
      'heard',
      'propose-contingency',
      'accept-contingency',
      'agree',
      'note',
      'retract',
      'status',
      'coach',
      'lint',
      'debrief',
      'simulate',
      'rehearse',
      'init',
      'import',
      'export',
      'serve',
      'user',
      'export-db',
      'import-db',
      'completion',
      'help',
    ])
  })

  it('tells bad usage (an unknown verb) from an invalid flag value', async () => {
    expect((await run(['chek'])).code).toBe(EXIT.usage)
    expect((await run(['frontier', 'acme.yaml', '--epsilon', 'x'])).code).toBe(EXIT.invalid)
  })

  it('names each verb by the command it declares, and declares one verb alone when the line names it', () => {
    const run = { context: { out: undefined as never, cwd: '.', env: {} }, exit: () => undefined }
    for (const [name, verb] of VERBS) {
      const alone = new Command('parley')
      verb(alone, run)
      expect(alone.commands.map((command) => command.name())).toContain(name)
    }
    const every = buildProgram({ ...run, context: { ...run.context, out: { streams: {} } as never } })
    const declared = every.commands.map((command) => command.name()).filter((name) => name !== '__complete')
    expect(declared).toEqual(VERBS.map(([name]) => name))
    const one = buildProgram({ ...run, context: { ...run.context, out: { streams: {} } as never } }, 'status')
    expect(one.commands.map((command) => command.name())).toEqual(['status'])
    // Anything else declares them all: the help, the completion and a misspelt verb's suggestion need every one.
    for (const first of ['help', '__complete', 'stauts', '--help', undefined])
      expect(
        buildProgram({ ...run, context: { ...run.context, out: { streams: {} } as never } }, first).commands,
      ).toHaveLength(every.commands.length)
  })

  it('runs a verb declared alone as it runs among the others: its help, and its refusals', async () => {
    const help = await run(['status', '--help'])
    expect(help.code).toBe(EXIT.ok)
    expect(help.stdout).toMatch(/^Usage: parley status \[options\] <plan>/)
    expect((await run(['status'])).code).toBe(EXIT.usage)
    const unknown = await run(['status', 'acme.yaml', '--jsn'])
    expect(unknown.code).toBe(EXIT.usage)
    expect(unknown.stderr).toMatch(/unknown option '--jsn'[\s\S]*Did you mean --json\?/)
    const suggestion = await run(['stauts'])
    expect(suggestion.code).toBe(EXIT.usage)
    expect(suggestion.stderr).toMatch(/Did you mean status\?/)
  })
})
