/** Parsers for flag values: a wrong value is invalid input (exit 1) with a message naming the flag. */
import { MIN_EPSILON } from '@parley/core'
import { InvalidArgumentError } from 'commander'

export function positiveNumber(value: string): number {
  const number = Number(value)
  if (value.trim() === '' || !Number.isFinite(number) || number <= 0) {
    throw new InvalidArgumentError(`must be a positive number, not '${value}'`)
  }
  return number
}

/** An epsilon for the frontier: from core's smallest meaningful bound up to 100 points. */
export function epsilonPoints(value: string): number {
  const number = Number(value)
  if (value.trim() === '' || !Number.isFinite(number) || number < MIN_EPSILON || number > 100) {
    throw new InvalidArgumentError(
      `must be a number of points from ${MIN_EPSILON} to 100 (leave it out for the exact frontier), not '${value}'`,
    )
  }
  return number
}

export function nonNegativeNumber(value: string): number {
  const number = Number(value)
  if (value.trim() === '' || !Number.isFinite(number) || number < 0) {
    throw new InvalidArgumentError(`must be a number of 0 or more, not '${value}'`)
  }
  return number
}

export function utilityPoints(value: string): number {
  const number = Number(value)
  if (value.trim() === '' || !Number.isFinite(number) || number < 0 || number > 100) {
    throw new InvalidArgumentError(`must be a utility between 0 and 100, not '${value}'`)
  }
  return number
}

export function integerIn(min: number, max: number) {
  return (value: string): number => {
    const number = Number(value)
    if (!Number.isInteger(number) || number < min || number > max) {
      throw new InvalidArgumentError(`must be a whole number from ${min} to ${max}, not '${value}'`)
    }
    return number
  }
}

/** A probability: 0 to 1, or a percentage with its sign (`0.3`, `30%`). */
export function probability(value: string): number {
  const text = value.trim()
  const percent = text.endsWith('%')
  const number = Number(percent ? text.slice(0, -1) : text)
  const share = percent ? number / 100 : number
  if (text === '' || text === '%' || !Number.isFinite(share) || share < 0 || share > 1) {
    throw new InvalidArgumentError(
      `must be a probability from 0 to 1, or a percentage such as 30%, not '${value}'`,
    )
  }
  return share
}
