import { spawnSync } from 'node:child_process'
import { describe, expect, it } from 'vitest'
import { suggestedCommand } from './suggested-command'

describe('a suggested command as it can be run here', () => {
  it('names the plan as given, with the journal or server it was read from', () => {
    expect(suggestedCommand('parley meso PLAN', 'deals/acme.yaml')).toBe('parley meso deals/acme.yaml')
    expect(suggestedCommand('parley offer PLAN --joint-gain', 'acme.yaml', { journal: 'j.jsonl' })).toBe(
      'parley offer acme.yaml --joint-gain --journal j.jsonl',
    )
    // Last, so that a word after the plan is not taken for --server's optional URL.
    expect(suggestedCommand('parley accept-contingency PLAN adopt', 'Sofia', { server: true })).toBe(
      'parley accept-contingency Sofia adopt --server',
    )
    expect(suggestedCommand('parley coach PLAN', 'Sofia', { server: true })).toBe(
      'parley coach Sofia --server',
    )
    expect(suggestedCommand('parley coach PLAN', '01ABC', { server: 'https://parley.example.com' })).toBe(
      'parley coach 01ABC --server https://parley.example.com',
    )
  })

  it('quotes a name the shell would split or expand, and the shell reads it back exactly', () => {
    for (const name of ["Sofia's offer.yaml", 'a b/$HOME `x`.yaml', 'plan*.yaml']) {
      const command = suggestedCommand('parley meso PLAN', name)
      const echoed = spawnSync('sh', ['-c', command.replace(/^parley meso /, 'printf %s ')], {
        encoding: 'utf8',
      })
      expect(echoed.stdout).toBe(name)
    }
  })
})
