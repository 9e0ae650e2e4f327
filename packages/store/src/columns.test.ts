import { describe, expect, it } from 'vitest'
import { fieldsOf, rowOf } from './columns'
import type { NegotiationRow, PasswordResetRow } from './schema'

describe('columns and fields', () => {
  it('renames every column to camelCase and back, values untouched', () => {
    const row: PasswordResetRow = {
      id: 'r1',
      user_id: 'u1',
      workspace_id: 'w1',
      token_hash: 'h',
      created_by: 'u2',
      created_at: '2026-11-25T12:00:00.000Z',
      expires_at: '2026-11-26T12:00:00.000Z',
      used_at: null,
    }
    const fields = fieldsOf(row)
    expect(fields).toEqual({
      id: 'r1',
      userId: 'u1',
      workspaceId: 'w1',
      tokenHash: 'h',
      createdBy: 'u2',
      createdAt: '2026-11-25T12:00:00.000Z',
      expiresAt: '2026-11-26T12:00:00.000Z',
      usedAt: null,
    })
    expect(rowOf<PasswordResetRow>(fields)).toEqual(row)
  })

  it('keeps columns with several words and numbers as they are', () => {
    const row = { last_activity_at: 'x', event_count: 3, plan_json: '{}' } as Partial<NegotiationRow>
    expect(fieldsOf(row)).toEqual({ lastActivityAt: 'x', eventCount: 3, planJson: '{}' })
    expect(rowOf(fieldsOf(row))).toEqual(row)
  })
})
