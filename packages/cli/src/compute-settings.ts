/**
 * The compute settings of `parley serve` from the environment: how many threads compute views, and
 * the deadline, work budget, memory and per-workspace limits of each (see the server's
 * compute/pool.ts for what each means). A value that is not a positive number is refused by name.
 */
import type { ComputeOptions } from '@parley/server'

const SETTINGS = {
  PARLEY_COMPUTE_THREADS: { option: 'threads', integer: true, max: 256 },
  PARLEY_COMPUTE_DEADLINE_MS: { option: 'deadlineMs', integer: true, max: 3_600_000 },
  PARLEY_COMPUTE_WORK_BUDGET: { option: 'workBudget', integer: false, max: 1e15 },
  PARLEY_COMPUTE_MEMORY_MB: { option: 'memoryMb', integer: true, max: 1_048_576 },
  PARLEY_COMPUTE_PER_WORKSPACE: { option: 'perWorkspace', integer: true, max: 1_000 },
} as const satisfies Record<string, { option: keyof ComputeOptions; integer: boolean; max: number }>

export type ComputeSettings = { ok: true; compute: Partial<ComputeOptions> } | { ok: false; message: string }

export function computeSettings(env: Record<string, string | undefined>): ComputeSettings {
  const compute: Partial<Record<(typeof SETTINGS)[keyof typeof SETTINGS]['option'], number>> = {}
  for (const [name, { option, integer, max }] of Object.entries(SETTINGS)) {
    const text = env[name]?.trim()
    if (text === undefined || text === '') continue
    const value = Number(text)
    if (!Number.isFinite(value) || value <= 0 || value > max || (integer && !Number.isInteger(value)))
      return {
        ok: false,
        message: `${name} must be ${integer ? 'a whole number' : 'a number'} from 1 to ${max}, not ${JSON.stringify(text)}`,
      }
    compute[option] = value
  }
  return { ok: true, compute }
}
