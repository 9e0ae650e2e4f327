import { describe, expect, it } from 'vitest'
import { answerAttempts, newAnswerId } from './answer-id'

describe('answer ids', () => {
  it('are UUIDs the server takes', () => {
    expect(newAnswerId()).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/)
  })

  it('stay the same for the same answer sent twice, and change for another or after a refusal', () => {
    const attempts = answerAttempts()
    const first = attempts.idFor({ type: 'choose', bundle: 'B' })
    expect(attempts.idFor({ type: 'choose', bundle: 'B' })).toBe(first)
    const other = attempts.idFor({ type: 'choose', bundle: 'A' })
    expect(other).not.toBe(first)
    attempts.forget()
    expect(attempts.idFor({ type: 'choose', bundle: 'A' })).not.toBe(other)
  })
})
