import { describe, expect, it } from 'vitest'
import { runCaptured } from './captured-run'
import { EXIT } from './exit-codes'

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
})
