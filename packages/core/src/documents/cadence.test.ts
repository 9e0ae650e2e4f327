import { describe, expect, it } from 'vitest'
import { parseCadence } from './cadence'

describe('parseCadence', () => {
  it.each([
    ['Quarterly business review', 'MONTHLY', 3],
    ['monthly steering call', 'MONTHLY', 1],
    ['every 2 weeks', 'WEEKLY', 2],
    ['Every two months, with the sponsor', 'MONTHLY', 2],
    ['every other week', 'WEEKLY', 2],
    ['weekly stand-up during rollout', 'WEEKLY', 1],
    ['fortnightly', 'WEEKLY', 2],
    ['half-yearly review', 'MONTHLY', 6],
    ['annually, before renewal', 'YEARLY', 1],
    ['every quarter', 'MONTHLY', 3],
  ] as const)('reads "%s" as %s every %i', (text, frequency, interval) => {
    expect(parseCadence(text)).toMatchObject({ frequency, interval })
  })

  it('reads nothing from words that name no period', () => {
    expect(parseCadence('as needed')).toBeUndefined()
    expect(parseCadence('every time it breaks')).toBeUndefined()
  })
})
