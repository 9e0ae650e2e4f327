import { rmSync } from 'node:fs'
import { inferPriorities } from '@parley/core'
import { describe, expect, it } from 'vitest'
import { renewalNegotiation } from './example-negotiation'
import { loadNegotiation } from './negotiation-file'

describe('loadNegotiation without a journal', () => {
  it('draws the prior only when a command asks for it, and gives what drawing it at once gives', async () => {
    const plan = renewalNegotiation([])
    rmSync(plan.replace(/\.yaml$/, '.journal.jsonl'))
    const loaded = await loadNegotiation(plan)
    if (!loaded.ok) throw new Error('the example does not load')
    expect(loaded.journal.exists).toBe(false)
    // A getter, not a value: `meso` before any move never reads it.
    expect(typeof Object.getOwnPropertyDescriptor(loaded, 'posterior')?.get).toBe('function')
    const eager = inferPriorities(loaded.plan.space, [])
    expect(loaded.posterior.issues).toEqual(eager.issues)
    expect(loaded.posterior).toBe(loaded.posterior)
  })
})
