/**
 * Access to the read-only shared folder (benchmarks, check values). Tests that need it run when it
 * is there, are required when CI=true, and otherwise skip with a message naming what is missing.
 */
import { existsSync, readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { ROOT } from './parley'

export const SHARED = resolve(process.env.PARLEY_SHARED ?? join(ROOT, '..', 'shared'))

export function sharedFile(relative: string): string | undefined {
  const file = join(SHARED, relative)
  if (existsSync(file)) return file
  if (process.env.CI === 'true')
    throw new Error(`${file} is missing; CI needs the shared folder (set PARLEY_SHARED)`)
  console.warn(`skipping: ${file} is missing; set PARLEY_SHARED to the shared folder to run this test`)
  return undefined
}

export interface SyntheticCheck {
  space: string
  n: number
  levels: number
  frontier: number
  nashLevels?: number[]
  nashUtilities?: [number, number]
  nashProduct?: number
  sumOfProducts: number
}

/** The check-value table of SYNTHETIC.md, parsed. */
export function syntheticChecks(file: string): SyntheticCheck[] {
  const rows = readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => /^\| \d+x\d+ \|/.test(line))
  return rows.map((line) => {
    const cells = line.split('|').map((cell) => cell.trim())
    const [space = '', , frontier = '', levels = '', utilities = '', product = '', sum = ''] = cells.slice(1)
    const [n, l] = space.split('x').map(Number)
    const nashUtilities = utilities
      ? (utilities.replace(/[()]/g, '').split(',').map(Number) as [number, number])
      : undefined
    return {
      space,
      n: n ?? 0,
      levels: l ?? 0,
      frontier: Number(frontier.replace(/,/g, '')),
      ...(levels ? { nashLevels: JSON.parse(levels) as number[] } : {}),
      ...(nashUtilities ? { nashUtilities } : {}),
      ...(product ? { nashProduct: Number(product) } : {}),
      sumOfProducts: Number(sum),
    }
  })
}
