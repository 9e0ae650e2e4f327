import type { Invitation, Tradeable } from '@parley/server/contract'
import { describe, expect, it } from 'vitest'
import { placeProblems, problemLine } from './field-problems'
import { openInvitations } from './invitations'
import { EMPTY_TRADEABLE, formOfTradeable, tradeableInput } from './tradeable-form'

const entry: Tradeable = {
  id: 'T1',
  name: 'Case study',
  description: 'A reference they can publish',
  issue: 'Support tier',
  unit: 'tier',
  contexts: ['sales', 'partnership'],
  costToUs: 'low',
  valueToThem: 'high',
  lesson: 'Offer it before any discount',
  source: { negotiationId: 'N1' },
  tags: ['reference'],
  createdBy: 'U1',
  createdAt: '2026-11-25T10:00:00.000Z',
  updatedAt: '2026-11-25T10:00:00.000Z',
}

describe('a library entry in the form', () => {
  it('sends only what was written, in the order of the contexts', () => {
    expect(
      tradeableInput({
        ...EMPTY_TRADEABLE,
        name: ' Webinar ',
        contexts: ['hiring', 'sales'],
        costToUs: 'medium',
      }),
    ).toEqual({ name: 'Webinar', contexts: ['sales', 'hiring'], costToUs: 'medium' })
  })

  it('keeps what the form does not edit, and drops the server-made fields', () => {
    const form = { ...formOfTradeable(entry), name: 'Case study and webinar', description: '' }
    expect(tradeableInput(form, entry)).toEqual({
      name: 'Case study and webinar',
      issue: 'Support tier',
      unit: 'tier',
      contexts: ['sales', 'partnership'],
      costToUs: 'low',
      valueToThem: 'high',
      lesson: 'Offer it before any discount',
      source: { negotiationId: 'N1' },
      tags: ['reference'],
    })
  })

  it('opens an entry as written', () => {
    expect(formOfTradeable({ id: 'T2', name: 'X', createdBy: 'U', createdAt: '', updatedAt: '' })).toEqual({
      ...EMPTY_TRADEABLE,
      name: 'X',
    })
  })
})

describe('invitations still open', () => {
  const base: Invitation = {
    id: 'I1',
    workspaceId: 'W',
    role: 'editor',
    email: null,
    createdBy: 'U',
    createdAt: '2026-11-20T10:00:00.000Z',
    expiresAt: '2026-11-27T10:00:00.000Z',
    acceptedAt: null,
    acceptedBy: null,
    revokedAt: null,
  }
  it('leaves out the accepted, revoked and expired ones, newest first', () => {
    const list = [
      base,
      { ...base, id: 'I2', acceptedAt: '2026-11-21T10:00:00.000Z' },
      { ...base, id: 'I3', revokedAt: '2026-11-21T10:00:00.000Z' },
      { ...base, id: 'I4', expiresAt: '2026-11-24T10:00:00.000Z' },
      { ...base, id: 'I5', createdAt: '2026-11-22T10:00:00.000Z' },
    ]
    expect(openInvitations(list, new Date('2026-11-25T10:00:00.000Z')).map((i) => i.id)).toEqual(['I5', 'I1'])
  })
})

describe('server problems on fields', () => {
  it('places each problem at its path and leaves the rest for the form', () => {
    const placed = placeProblems([
      { path: 'email', message: 'must be an email address (name@example.com)' },
      { path: '', message: 'the server can not be reached' },
    ])
    expect(placed.at('email')).toEqual([{ message: 'must be an email address (name@example.com)' }])
    expect(placed.at('role')).toEqual([])
    expect(placed.rest(['email']).map(problemLine)).toEqual(['the server can not be reached'])
    expect(problemLine({ path: 'name', message: 'too long' })).toBe('name: too long')
  })
})
