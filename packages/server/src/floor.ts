/**
 * Our floor once an offer has gone out (core's journal/floor.ts): saving a plan that moves the
 * reservation or a limit then takes a reason, which goes to the audit log with the fields that moved
 * (never their values), so the floor never drifts quietly under pressure.
 */
import { type FloorField, floorFieldsChanged, floorIsSealed, type Plan, replay } from '@parley/core'
import type { Negotiation, Store } from '@parley/store'
import { storedEvents } from './journal'
import type { Memo } from './memo'
import { hasPlan, spaceOf } from './plans'

/** The longest reason kept for a change of our floor. */
export const FLOOR_REASON_MAX_LENGTH = 1000

export type FloorCheck =
  | { ok: true; floorChange?: { fields: FloorField[]; reason: string } }
  | { ok: false; code: 'floor_change_reason_required'; message: string }

export async function checkFloorChange(
  services: { store: Store; memo: Memo },
  found: Negotiation,
  next: Plan,
  reason: string | undefined,
): Promise<FloorCheck> {
  if (!hasPlan(found)) return { ok: true }
  const fields = floorFieldsChanged(JSON.parse(found.planJson) as Plan, next)
  if (fields.length === 0) return { ok: true }
  const stored = (await services.store.listEvents(found.workspaceId, found.id)) ?? []
  if (!floorIsSealed(replay(spaceOf(services.memo, found), storedEvents(stored)))) return { ok: true }
  const given = reason?.trim()
  if (given) return { ok: true, floorChange: { fields, reason: given } }
  const moved = fields
    .map((field) => (field === 'reservation' ? 'the reservation' : 'the limits'))
    .join(' and ')
  return {
    ok: false,
    code: 'floor_change_reason_required',
    message: `${moved} changed after our first offer went out: say why with floorChangeReason (in the query), so the team sees why the floor moved`,
  }
}
