import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { readThreshold } from './threshold'

/** Whether a text is a decimal number, read character by character: the definition, without a pattern. */
function isDecimal(text: string): boolean {
  let k = 0
  const digits = () => {
    const start = k
    while (k < text.length && text[k] !== undefined && '0123456789'.includes(text[k] as string)) k++
    return k - start
  }
  if (text[k] === '+' || text[k] === '-') k++
  let count = digits()
  if (text[k] === '.') {
    k++
    count += digits()
  }
  if (count === 0) return false
  if (text[k] === 'e' || text[k] === 'E') {
    k++
    if (text[k] === '+' || text[k] === '-') k++
    if (digits() === 0) return false
  }
  return k === text.length
}

describe('reading a threshold', () => {
  it('reads a number only when it is one, and keeps words as they are', () => {
    expect(readThreshold(' 99.9 ')).toBe(99.9)
    expect(readThreshold('99.9%')).toBe('99.9%')
    expect(readThreshold('')).toBe('')
    expect(readThreshold('-2')).toBe(-2)
    expect(readThreshold('the March audit')).toBe('the March audit')
    expect(readThreshold('1e3')).toBe(1000)
    expect(readThreshold('12abc')).toBe('12abc')
  })

  it('keeps what only a programmer reads as a number as text', () => {
    expect(readThreshold('0x10')).toBe('0x10')
    expect(readThreshold('0b101')).toBe('0b101')
    expect(readThreshold('0o17')).toBe('0o17')
    expect(readThreshold('Infinity')).toBe('Infinity')
    expect(readThreshold('1_000')).toBe('1_000')
    expect(readThreshold('1,000')).toBe('1,000')
    expect(readThreshold('1e999')).toBe('1e999')
  })

  it('gives back every finite number as it is written (property)', () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (value) => {
        expect(readThreshold(` ${String(value)} `)).toBe(value === 0 ? 0 : value)
      }),
    )
  })

  it('is a number exactly when the text is a finite decimal number, else the trimmed text (property)', () => {
    const text = fc.oneof(
      fc.string(),
      fc.stringMatching(/^\s?[-+]?\d{0,3}\.?\d{0,3}([eE][-+]?\d{0,3})?\s?$/),
      fc.stringMatching(/^0[xXbBoO][0-9a-fA-F]{1,4}$/),
    )
    fc.assert(
      fc.property(text, (typed) => {
        const trimmed = typed.trim()
        const read = readThreshold(typed)
        const number = Number(trimmed)
        if (isDecimal(trimmed) && Number.isFinite(number)) expect(read).toBe(number)
        else expect(read).toBe(trimmed)
      }),
    )
  })
})
