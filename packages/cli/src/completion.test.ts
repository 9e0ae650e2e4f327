import { Writable } from 'node:stream'
import { describe, expect, it } from 'vitest'
import { completionCandidates, completionScript } from './completion'
import { renewalNegotiation } from './example-negotiation'
import { Output } from './output'
import { buildProgram } from './program'

function program() {
  const nowhere = new Writable({ write: (_chunk, _encoding, done) => done() })
  const out = new Output({ stdout: nowhere, stderr: nowhere, env: {} })
  return buildProgram({ context: { out, cwd: process.cwd(), env: {} }, exit: () => {} })
}

const complete = (words: string[]) => completionCandidates(program(), words)

describe('completion candidates', () => {
  it('commands, subcommands and flags from the command tree, hidden ones left out', async () => {
    expect(await complete(['con'])).toEqual(['concede'])
    expect(await complete([''])).toEqual(
      expect.arrayContaining(['offer', 'reply', 'status', 'completion', 'help']),
    )
    expect(await complete([''])).not.toContain('__complete')
    expect(await complete(['journal', ''])).toEqual(['add', 'list'])
    expect(await complete(['reply', 'x.yaml', '--r'])).toEqual(['--ranked', '--rejected', '--reason'])
    expect(await complete(['coach', 'x.yaml', '--stage', 'mid'])).toEqual(['midgame'])
  })

  it('issue ids and levels of the plan on the line, for terms, issue lists and labels', async () => {
    const plan = renewalNegotiation([
      {
        type: 'offer-sent',
        bundles: [
          { label: 'A', terms: {} },
          { label: 'B', terms: {} },
        ],
      },
    ])
    expect(await complete(['concede', plan, '--give', ''])).toEqual([
      'price=',
      'rollout=',
      'billing=',
      'support=',
      'credits=',
      'term=',
      'uplift=',
    ])
    expect(await complete(['concede', plan, '--give', 'price=250000', 'sup'])).toEqual(['support='])
    expect(await complete(['concede', plan, '--give', 'support='])).toEqual([
      'support=standard',
      'support=premium',
      'support=enterprise',
    ])
    expect(await complete(['offer', plan, '--bundle', 'rollout=4'])).toEqual(['rollout=45'])
    expect(await complete(['heard', plan, 'x', '--ranking', 'rollout,pr'])).toEqual(['rollout,price'])
    expect(await complete(['reply', plan, '--chose', ''])).toEqual(['A', 'B'])
    expect(await complete(['reply', plan, '--ranked', 'B,'])).toEqual(['B,A'])
    // A value that is free text, a positional, or a plan that is not there: the shell's files.
    expect(await complete(['concede', plan, '--trigger', ''])).toEqual([])
    expect(await complete(['status', ''])).toEqual([])
    expect(await complete(['concede', 'missing.yaml', '--give', ''])).toEqual([])
  })

  it('a script for each shell that asks `parley __complete`', () => {
    for (const shell of ['bash', 'zsh', 'fish'] as const)
      expect(completionScript(shell)).toContain('parley __complete --')
  })
})
