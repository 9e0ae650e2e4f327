import { Hono } from 'hono'
import { describe, expect, it } from 'vitest'
import { ERRORS } from './api'
import { ERROR_CODES, type ErrorCode, errorAnswer } from './error-codes'
import { fail } from './errors'

const NAMES = Object.keys(ERROR_CODES) as ErrorCode[]

describe('the error table', () => {
  it('answers every code with one status, but for the two whose clients read one code at two statuses', () => {
    const statuses = new Map<string, Set<number>>()
    for (const name of NAMES) {
      const { code, status } = errorAnswer(name)
      statuses.set(code, (statuses.get(code) ?? new Set()).add(status))
    }
    const shared = [...statuses].filter(([, seen]) => seen.size > 1)
    expect(Object.fromEntries(shared.map(([code, seen]) => [code, [...seen].sort()]))).toEqual({
      bad_token: [401, 403],
      busy: [429, 503],
    })
  })

  it('is what `fail` answers with', async () => {
    const app = new Hono().get('/:name', (c) => fail(c, c.req.param('name') as ErrorCode, 'why'))
    for (const name of NAMES) {
      const { code, status } = errorAnswer(name)
      const answer = await app.request(`/${name}`)
      expect(answer.status).toBe(status)
      expect(await answer.json()).toEqual({ error: { code, message: 'why', path: '' } })
    }
  })

  it('documents every status it answers with, naming the codes', () => {
    for (const name of NAMES) {
      const { code, status } = errorAnswer(name)
      expect(ERRORS[status].description).toContain(`\`${code}\``)
    }
  })
})
