/** Parsers for flag values: a wrong value is invalid input (exit 1) with a message naming the flag. */
import { InvalidArgumentError } from 'commander'

export function positiveNumber(value: string): number {
  const number = Number(value)
  if (value.trim() === '' || !Number.isFinite(number) || number <= 0) {
    throw new InvalidArgumentError(`must be a positive number, not '${value}'`)
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
