import { describe, expect, it } from 'vitest'
import { ApiError } from '../api/http'
import { CONFLICT_MESSAGE, DRAFT_CONFLICT_MESSAGE, saveFailure } from './conflicts'

const refusal = (status: number, message: string, code = 'x') =>
  new ApiError(status, { error: { code, message, path: '' } }, new Headers())

describe('a save that failed', () => {
  it('is a conflict when someone else saved meanwhile (409)', () => {
    expect(saveFailure(refusal(409, 'the plan changed since version 1'))).toEqual({
      state: 'conflict',
      message: CONFLICT_MESSAGE,
    })
  })

  it("is a conflict when someone else saved the team's draft meanwhile (412, or 428 for a first draft)", () => {
    for (const failed of [
      refusal(412, 'the draft changed since version 2', 'stale_draft'),
      refusal(428, 'send If-Match with the draft version', 'version_required'),
    ])
      expect(saveFailure(failed)).toEqual({ state: 'conflict', message: DRAFT_CONFLICT_MESSAGE })
  })

  it('waits for a reason when it moves our floor after the first offer (400 floor_change_reason_required)', () => {
    const failed = refusal(
      400,
      'the reservation changed after our first offer went out',
      'floor_change_reason_required',
    )
    expect(saveFailure(failed)).toEqual({
      state: 'reason',
      message: 'the reservation changed after our first offer went out',
    })
  })

  it("is an error with the server's message otherwise", () => {
    expect(saveFailure(refusal(400, 'title: is required'))).toEqual({
      state: 'error',
      message: 'title: is required',
    })
    expect(saveFailure(new Error('the server can not be reached'))).toEqual({
      state: 'error',
      message: 'the server can not be reached',
    })
  })
})
