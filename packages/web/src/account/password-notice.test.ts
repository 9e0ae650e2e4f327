import { describe, expect, it } from 'vitest'
import { describePasswordChange, isNoticeDue, NOTICE_DAYS } from './password-notice'

const AT = '2026-11-25T12:00:00.000Z'
const DAY = 86_400_000

describe('the notice of a password change', () => {
  it('is due for a change of the last 14 days that this browser has not seen', () => {
    const change = { at: AT, via: 'reset-link' as const }
    expect(isNoticeDue(change, new Date(Date.parse(AT) + DAY), null)).toBe(true)
    expect(isNoticeDue(change, new Date(Date.parse(AT) + NOTICE_DAYS * DAY - 1), 'an older change')).toBe(
      true,
    )
    expect(isNoticeDue(change, new Date(Date.parse(AT) + NOTICE_DAYS * DAY), null)).toBe(false)
  })

  it('is not due once dismissed or made here, nor when the password never changed', () => {
    const change = { at: AT, via: 'self' as const }
    expect(isNoticeDue(change, new Date(AT), AT)).toBe(false)
    expect(isNoticeDue(null, new Date(AT), null)).toBe(false)
  })

  it('says how the password was set, in plain words', () => {
    expect(describePasswordChange({ at: AT, via: 'reset-link' })).toContain('password-reset link')
    expect(describePasswordChange({ at: AT, via: 'machine' })).toContain(
      'administrator on the server machine',
    )
    expect(describePasswordChange({ at: AT, via: 'self' })).toContain('from another browser or session')
  })
})
