import { describe, expect, it } from 'vitest'
import { PASSWORD } from '../testing/harness'
import { passwordProblem } from './password-policy'

const ANN = { email: 'ann.example@example.com', name: 'Ann Example' }

describe('the password policy', () => {
  it('takes a long, unguessable password, such as the one the tests sign in with', () => {
    expect(passwordProblem(PASSWORD, ANN)).toBeUndefined()
    expect(passwordProblem('another good password', ANN)).toBeUndefined()
    expect(passwordProblem('plum-Kettle-Orbit-9', ANN)).toBeUndefined()
  })

  it('refuses fewer than 12 characters, however random', () => {
    expect(passwordProblem('x7#Qm!p2Zr', ANN)).toEqual({
      code: 'too_short',
      message: 'must be at least 12 characters',
    })
    expect(passwordProblem('a'.repeat(1025), ANN)).toMatchObject({ code: 'too_long' })
  })

  it('refuses common and breached passwords, saying so in plain words', () => {
    expect(passwordProblem('password12', ANN)).toMatchObject({ code: 'too_short' })
    expect(passwordProblem('password1234', ANN)).toEqual({
      code: 'weak_password',
      message: expect.stringMatching(/^is too close to a commonly used password; /),
    })
    expect(passwordProblem('qwertyuiop12', ANN)?.code).toBe('weak_password')
    expect(passwordProblem('iloveyou1234', ANN)?.message).toMatch(/commonly used password/)
  })

  it('refuses what is easy to guess: repeats, and the person’s own name or email', () => {
    expect(passwordProblem('aaaaaaaaaaaa', ANN)?.message).toMatch(/^is too easy to guess: it repeats/)
    expect(passwordProblem('ann.example@example.com', ANN)?.message).toMatch(
      /contains your name or email address/,
    )
    expect(passwordProblem('Ann Example 2026', ANN)?.message).toMatch(/contains your name or email address/)
    // The same words are fine for someone they do not name.
    expect(passwordProblem('Ann Example 2026', { email: 'bob@example.com', name: 'Bob' })).toBeUndefined()
  })
})
