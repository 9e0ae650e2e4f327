/**
 * What people type or paste into a cell, read as plan values: option lists (`standard, premium`),
 * ranges (`180000-260000 step 10000`), preferences (`high`, `standard: 100, premium: 60`), curves
 * (`30:0, 45:60`), yes/no and confidence. Each reader returns the value, or a message saying what
 * it expected; none of them guesses silently.
 */
import { type Confidence, type Level, levelKey, type Preference, type Range } from '@parley/core'

export type Read<T> = { ok: true; value: T } | { ok: false; message: string }

const ok = <T>(value: T): Read<T> => ({ ok: true, value })
const fail = <T>(message: string): Read<T> => ({ ok: false, message })

/** A number as spreadsheets write it: `35`, `35%`, `1,000`, ` 2.5 `. */
export function readNumber(text: string): number | undefined {
  const cleaned = text
    .trim()
    .replace(/%$/, '')
    .replace(/(\d),(?=\d{3}\b)/g, '$1')
    .trim()
  if (cleaned === '') return undefined
  const value = Number(cleaned)
  return Number.isFinite(value) ? value : undefined
}

function split(text: string): string[] {
  return text
    .split(/[,;\n]/)
    .map((part) => part.trim())
    .filter((part) => part !== '')
}

/** Options from a list: numbers when every one is a number (`12, 24, 36`), texts otherwise. */
export function readOptions(text: string): Level[] {
  const parts = split(text)
  const numbers = parts.map((part) => (/^-?\d+(\.\d+)?$/.test(part) ? Number(part) : undefined))
  if (parts.length > 0 && numbers.every((n) => n !== undefined)) return numbers as number[]
  return parts
}

export function formatOptions(options: readonly Level[]): string {
  return options.map(levelKey).join(', ')
}

const RANGE = /^\s*(-?[\d.,]+)\s*(?:-|–|—|\.\.|to)\s*(-?[\d.,]+)\s*(?:(?:step|by|every|\/)\s*([\d.,]+))?\s*$/i

/** `180000-260000 step 10000`, `30..90 by 15`, `0 to 10` (step 1): a range; anything else: options. */
export function readLevels(text: string): Read<{ range: Range } | { options: Level[] }> {
  const match = RANGE.exec(text.replace(/\s+/g, ' '))
  if (match) {
    const min = readNumber(match[1] ?? '')
    const max = readNumber(match[2] ?? '')
    const step = match[3] === undefined ? 1 : readNumber(match[3])
    if (min === undefined || max === undefined || step === undefined)
      return fail(`'${text.trim()}' is not a range like 180000-260000 step 10000`)
    return ok({ range: { min, max, step } })
  }
  const options = readOptions(text)
  if (options.length === 0) return fail('no levels: give options (a, b, c) or a range (min-max step s)')
  return ok({ options })
}

export function formatRange(range: Range): string {
  return `${range.min}-${range.max} step ${range.step}`
}

/** `30:0, 45:60, 60:90`: a curve of [x, score] points. */
export function readPoints(text: string): Read<[number, number][]> {
  const pairs: [number, number][] = []
  for (const part of split(text)) {
    const [x, score, extra] = part.split(/\s*(?::|=|→|->)\s*/)
    const xv = readNumber(x ?? '')
    const sv = readNumber(score ?? '')
    if (xv === undefined || sv === undefined || extra !== undefined)
      return fail(`'${part}' is not a point like 45:60 (a value, then its score 0-100)`)
    pairs.push([xv, sv])
  }
  if (pairs.length < 2) return fail('a curve needs at least two points, like 30:0, 90:100')
  return ok(pairs)
}

export function formatPoints(points: readonly (readonly [number, number])[]): string {
  return points.map(([x, score]) => `${x}:${score}`).join(', ')
}

const HIGH = /^(prefer\s+)?(high|higher|more|max|maximi[sz]e|up|ascending|higher is better|more is better)$/i
const LOW = /^(prefer\s+)?(low|lower|less|min|minimi[sz]e|down|descending|lower is better|less is better)$/i

/**
 * A side's preference on an issue: `high`/`low` (numeric levels), scores per option
 * (`standard: 100, premium: 60`, or just `100, 60, 0` in the options' order), or a curve on a range
 * (`30:0, 90:100`).
 */
export function readPreference(
  text: string,
  levels: { kind: 'range' | 'options'; options?: readonly Level[] },
): Read<Pick<Preference, 'prefer' | 'scores' | 'points'>> {
  const trimmed = text.trim()
  if (HIGH.test(trimmed)) return ok({ prefer: 'high' })
  if (LOW.test(trimmed)) return ok({ prefer: 'low' })
  if (levels.kind === 'range') {
    const curve = readPoints(trimmed)
    return curve.ok
      ? ok({ points: curve.value })
      : fail(`'${trimmed}' is not a preference for a range: say high, low, or a curve like 30:0, 90:100`)
  }
  const options = levels.options ?? []
  const parts = split(trimmed)
  const scores: Record<string, number> = {}
  const bare = parts.map(readNumber)
  if (bare.every((n) => n !== undefined) && bare.length === options.length && bare.length > 0) {
    options.forEach((option, k) => {
      scores[levelKey(option)] = bare[k] as number
    })
    return ok({ scores })
  }
  for (const part of parts) {
    const match = /^(.*?)\s*(?::|=|→|->)\s*([^:=]+)$/.exec(part)
    const score = readNumber(match?.[2] ?? '')
    if (!match || score === undefined)
      return fail(
        `'${part}' is not a score: write option: score for each option (${options.map(levelKey).join(', ')}), or high or low`,
      )
    scores[(match[1] ?? '').trim()] = score
  }
  if (parts.length === 0) return fail('no preference given')
  return ok({ scores })
}

/** `yes`, `y`, `true`, `x`, `1`, `✓` and their opposites. */
export function readYesNo(text: string): Read<boolean> {
  const t = text.trim().toLowerCase()
  if (['yes', 'y', 'true', 'x', '1', '✓', '✔', 'tradeable', 'tradable'].includes(t)) return ok(true)
  if (['no', 'n', 'false', '0', '-', '—', ''].includes(t)) return ok(false)
  return fail(`'${text.trim()}' is not yes or no`)
}

export function readConfidence(text: string): Read<Confidence> {
  const t = text.trim().toLowerCase()
  if (['low', 'l'].includes(t)) return ok('low')
  if (['medium', 'med', 'm', 'mid'].includes(t)) return ok('medium')
  if (['high', 'h'].includes(t)) return ok('high')
  return fail(`'${text.trim()}' is not a confidence: low, medium or high`)
}
