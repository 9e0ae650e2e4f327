import { runs } from '@parley/core/testing/runs'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { refold, renderIcs } from './ics'
import { cadence, mesoSheet, NAMES } from './testing/documents'

const now = new Date('2026-12-05T12:00:00Z')

/** The calendar's properties, read back as RFC 5545 says: lines unfolded, values unescaped. */
function readIcs(text: string): { name: string; value: string }[] {
  return text
    .replace(/\r\n[ \t]/g, '')
    .split('\r\n')
    .filter((line) => line !== '')
    .map((line) => {
      const colon = line.indexOf(':')
      return {
        name: line.slice(0, colon),
        value: line
          .slice(colon + 1)
          .replace(/\\([,;\\])/g, '$1')
          .replace(/\\n/gi, '\n'),
      }
    })
}

const property = (text: string, name: string) => readIcs(text).find((line) => line.name === name)?.value

describe('renderIcs', () => {
  it('writes the cadence as one recurring event', () => {
    const result = renderIcs(cadence, { now })
    if (!result.ok) throw new Error(result.error.message)
    const lines = readIcs(result.text)
    expect(lines[0]).toEqual({ name: 'BEGIN', value: 'VCALENDAR' })
    expect(lines.at(-1)).toEqual({ name: 'END', value: 'VCALENDAR' })
    expect(lines.filter((line) => line.name === 'BEGIN' && line.value === 'VEVENT')).toHaveLength(1)
    expect(property(result.text, 'RRULE')).toBe('FREQ=WEEKLY;INTERVAL=2;COUNT=6')
    expect(property(result.text, 'SUMMARY')).toBe(`Contract review: ${NAMES.us} / ${NAMES.them}`)
    expect(property(result.text, 'DESCRIPTION')).toBe(
      `Review of the agreed terms: price, ${NAMES.greekIssue}, ${NAMES.chineseIssue}.`,
    )
    expect(property(result.text, 'DTSTART')).toBe('20270111T090000')
    expect(property(result.text, 'DURATION')).toBe('PT45M')
    expect(property(result.text, 'DTSTAMP')).toBe('20261205T120000Z')
    // Every line within 75 octets, as the standard asks.
    for (const line of result.text.split('\r\n'))
      expect(new TextEncoder().encode(line).length).toBeLessThanOrEqual(75)
  })

  it('writes the same file for the same event, and another UID for another event', () => {
    const first = renderIcs(cadence, { now })
    const again = renderIcs(cadence, { now })
    expect(again).toEqual(first)
    const monthly = renderIcs(
      {
        ...cadence,
        calendar: { ...cadence.calendar!, recurrence: { frequency: 'MONTHLY', interval: 1, count: null } },
      },
      { now, startTime: '14:30' },
    )
    if (!first.ok || !monthly.ok) throw new Error('expected both to render')
    expect(property(monthly.text, 'UID')).not.toBe(property(first.text, 'UID'))
    expect(property(monthly.text, 'RRULE')).toBe('FREQ=MONTHLY;INTERVAL=1')
    expect(property(monthly.text, 'DTSTART')).toBe('20270111T143000')
  })

  it('answers no-calendar for a document without an event', () => {
    const result = renderIcs(mesoSheet, { now })
    expect(result).toEqual({
      ok: false,
      error: {
        code: 'no-calendar',
        message: expect.stringContaining('only the cadence document'),
        path: 'calendar',
      },
    })
  })
})

describe('refold', () => {
  it('folds every line within 75 octets and unfolds back to the same text', () => {
    const line = fc
      .array(fc.constantFrom('a', 'Ω', 'ά', '京', '😀', ' ', ';'), { maxLength: 200 })
      .map((parts) => `X:${parts.join('')}`) // a content line starts with its name, never a space
    fc.assert(
      fc.property(fc.array(line, { minLength: 1, maxLength: 4 }), (lines) => {
        const text = `${lines.join('\r\n')}\r\n`
        const folded = refold(text)
        for (const physical of folded.split('\r\n'))
          expect(new TextEncoder().encode(physical).length).toBeLessThanOrEqual(75)
        expect(folded.replace(/\r\n /g, '')).toBe(text)
      }),
      { numRuns: runs(100) },
    )
  })
})
