import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  formatBits,
  formatDecimal,
  formatMoney,
  formatPoints,
  formatShare,
  formatShareInterval,
  formatSigned,
} from './figures'

// The web app's own number formatting (packages/web/src/negotiation/trade/format.test.ts and
// prepare/format.test.ts) was replaced by these; its examples are kept here.
describe('figures as people read them', () => {
  it('writes utilities with one decimal', () => {
    expect(formatPoints(47.95)).toBe('48.0')
    expect(formatPoints(35)).toBe('35.0')
    expect(formatPoints(0.04)).toBe('0.0')
    expect(formatPoints(70.925)).toBe('70.9')
    expect(formatPoints(71.69166)).toBe('71.7')
    expect(formatPoints(0.25)).toBe('0.3')
    expect(formatPoints(100)).toBe('100.0')
  })

  it('signs margins', () => {
    expect(formatSigned(8.24)).toBe('+8.2')
    expect(formatSigned(-3)).toBe('-3.0')
    expect(formatSigned(0)).toBe('+0.0')
    expect(formatSigned(3.14)).toBe('+3.1')
    expect(formatSigned(-3.16)).toBe('-3.2')
    // A change that rounds to nothing keeps its sign (the web app used to write `+0.0` here).
    expect(formatSigned(-0.04)).toBe('-0.0')
  })

  it('writes shares as whole percents, with one decimal below 1%', () => {
    expect(formatShare(0.35)).toBe('35%')
    expect(formatShare(0.004)).toBe('0.4%')
    expect(formatShare(0)).toBe('0%')
    expect(formatShare(0.254)).toBe('25%')
    // One decimal below 1% (the web app used to write `1%` here).
    expect(formatShare(0.006)).toBe('0.6%')
  })

  it('writes an interval of shares with one percent sign', () => {
    expect(formatShareInterval(0.09, 0.43)).toBe('9–43%')
    expect(formatShareInterval(0.004, 0.2)).toBe('0.4–20%')
  })

  it('writes bits with two decimals', () => {
    expect(formatBits(0.4567)).toBe('0.46')
    expect(formatBits(0)).toBe('0.00')
  })

  it('writes money equivalents rounded to whole units, with separators and the unit', () => {
    expect(formatMoney(10234.6, 'USD/year')).toBe('10,235 USD/year')
    expect(formatMoney(-4500, 'USD/year')).toBe('-4,500 USD/year')
  })

  it('writes a given number as short as it was given', () => {
    expect(formatDecimal(72.5)).toBe('72.5')
    expect(formatDecimal(2)).toBe('2')
    expect(formatDecimal(0.1 + 0.2)).toBe('0.3')
    expect(formatDecimal(123.456, 1)).toBe('123.5')
    expect(formatDecimal(-0.04, 1)).toBe('0')
  })

  // Moved from the web app's weight formatting (packages/web/src/negotiation/prepare/format.test.ts).
  it('prints weights with at most one decimal', () => {
    expect(formatDecimal(34.6666, 1)).toBe('34.7')
    expect(formatDecimal(8, 1)).toBe('8')
  })
})

describe('figures against their definitions (property)', () => {
  const share = fc.double({ min: 0, max: 1, noNaN: true })
  it('writes an interval as its two shares joined, with the last percent sign only', () => {
    fc.assert(
      fc.property(share, share, (low, high) => {
        expect(formatShareInterval(low, high)).toBe(`${formatShare(low).slice(0, -1)}–${formatShare(high)}`)
      }),
    )
  })
  it('writes a share within half a unit of its last digit, never 0% for a share above nothing', () => {
    fc.assert(
      fc.property(share, (value) => {
        const shown = Number(formatShare(value).slice(0, -1))
        const unit = value < 0.01 && value > 0 ? 0.1 : 1
        expect(Math.abs(shown - value * 100)).toBeLessThanOrEqual(unit / 2 + 1e-9)
        if (value >= 0.0005) expect(shown).toBeGreaterThan(0)
      }),
    )
  })
  it('writes money as the whole units nearest the value', () => {
    fc.assert(
      fc.property(fc.double({ min: -1e12, max: 1e12, noNaN: true }), (value) => {
        const [number, unit] = formatMoney(value, 'EUR').split(' ')
        expect(unit).toBe('EUR')
        const digits = (number ?? '').replace(/,/g, '')
        expect(number).toMatch(/^-?\d{1,3}(,\d{3})*$/)
        expect(Math.abs(Math.abs(Number(digits)) - Math.abs(value))).toBeLessThanOrEqual(0.5)
      }),
    )
  })
  it('writes a decimal that reads back within half of its last place', () => {
    fc.assert(
      fc.property(
        fc.double({ min: -1e6, max: 1e6, noNaN: true }),
        fc.integer({ min: 0, max: 4 }),
        (value, places) => {
          const shown = formatDecimal(value, places)
          expect(Math.abs(Number(shown) - value)).toBeLessThanOrEqual(0.5 * 10 ** -places + 1e-9)
          expect(shown).not.toMatch(/\.\d*0$/)
        },
      ),
    )
  })
})
