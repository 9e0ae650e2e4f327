import { describe, expect, it } from 'vitest'
import { computeSettings } from './compute-settings'

describe('computeSettings', () => {
  it('reads each setting that is set, and leaves the others to the server defaults', () => {
    expect(computeSettings({})).toEqual({ ok: true, compute: {} })
    expect(
      computeSettings({
        PARLEY_COMPUTE_THREADS: '3',
        PARLEY_COMPUTE_DEADLINE_MS: ' 2500 ',
        PARLEY_COMPUTE_WORK_BUDGET: '2e9',
        PARLEY_COMPUTE_MEMORY_MB: '1024',
        PARLEY_COMPUTE_PER_WORKSPACE: '4',
        PARLEY_COMPUTE_UNKNOWN: 'ignored',
      }),
    ).toEqual({
      ok: true,
      compute: { threads: 3, deadlineMs: 2500, workBudget: 2e9, memoryMb: 1024, perWorkspace: 4 },
    })
  })

  it('refuses a value that is not a positive number, naming the variable and the value', () => {
    for (const [name, value] of [
      ['PARLEY_COMPUTE_THREADS', 'two'],
      ['PARLEY_COMPUTE_THREADS', '1.5'],
      ['PARLEY_COMPUTE_DEADLINE_MS', '0'],
      ['PARLEY_COMPUTE_MEMORY_MB', '-1'],
      ['PARLEY_COMPUTE_WORK_BUDGET', 'Infinity'],
      ['PARLEY_COMPUTE_PER_WORKSPACE', '1e9'],
    ] as const) {
      const read = computeSettings({ [name]: value })
      expect(read.ok).toBe(false)
      if (!read.ok) expect(read.message).toContain(`${name} must be`)
      if (!read.ok) expect(read.message).toContain(JSON.stringify(value))
    }
  })
})
