// The built `parley rehearse`: moves piped to its standard input, a debrief at the end, no journal beside the plan.
import { existsSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { parley } from './parley'

const plan = 'examples/sales-saas-renewal.yaml'

describe('parley rehearse (built)', () => {
  it('reads moves from piped input, debriefs, and writes no journal beside the plan', () => {
    const run = parley(['rehearse', plan, '--rounds', '3', '--set', 'posteriorSamples=300'], {
      input: 'ask\nmeso\nwalk\n',
    })
    expect(run.stderr).toBe('')
    expect(run.code).toBe(0)
    expect(run.stdout).toContain('They say what matters most to them: ')
    expect(run.stdout).toContain('Outcome: walked away after 1 round.')
    expect(existsSync('examples/sales-saas-renewal.journal.jsonl')).toBe(false)
  })
})
