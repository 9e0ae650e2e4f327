/**
 * A sealed floor through the API: before the first offer the reservation and limits change freely;
 * after it, a change needs floorChangeReason (400 without), is audited with the fields that moved and
 * the reason (never the values), and is listed in the negotiation's floor history.
 */
import { readFileSync } from 'node:fs'
import { RENEWAL_B } from '@parley/core/testing'
import { testBackends } from '@parley/store/testing'
import { describe, expect, it } from 'vitest'
import { suiteTeam } from './testing/harness'

const EXAMPLE = readFileSync(new URL('../../../examples/sales-saas-renewal.yaml', import.meta.url), 'utf8')
const RESERVATION = /^reservation: (\d+)/m
const backends = await testBackends()

describe.each(backends.map((backend) => [backend.dialect, backend] as const))(
  'our floor on %s',
  (_, backend) => {
    const { h, t } = suiteTeam(backend)
    const editor = () => ({ token: t.editor.token })

    it('moves freely before the first offer, then only with a reason, audited and listed', async () => {
      const imported = await h.call('POST', `/api/workspaces/${t.workspaceId}/negotiations/import`, {
        as: editor(),
        raw: { text: EXAMPLE, type: 'application/yaml' },
      })
      expect(imported.status).toBe(201)
      const path = `/api/workspaces/${t.workspaceId}/negotiations/${imported.body.id}`
      const reservation = Number(EXAMPLE.match(RESERVATION)?.[1])
      expect(reservation).toBeGreaterThan(10)
      const withReservation = (value: number) => EXAMPLE.replace(RESERVATION, `reservation: ${value}`)
      const save = (text: string, version: number, reason?: string) =>
        h.call(
          'PUT',
          `${path}/plan${reason === undefined ? '' : `?floorChangeReason=${encodeURIComponent(reason)}`}`,
          {
            as: editor(),
            raw: { text, type: 'application/yaml' },
            headers: { 'if-match': `"${version}"` },
          },
        )

      // Still preparing: no reason asked.
      expect((await save(withReservation(reservation - 1), 1)).status).toBe(200)
      const sent = await h.call('POST', `${path}/events`, {
        as: editor(),
        json: {
          id: '01JF0000000000000000000F10',
          type: 'offer-sent',
          bundles: [{ label: 'A', terms: RENEWAL_B }],
        },
      })
      expect(sent.status, JSON.stringify(sent.body)).toBe(201)

      // Sealed: refused without a reason, and nothing saved.
      const refused = await save(withReservation(reservation - 7), 2)
      expect(refused.status).toBe(400)
      expect(refused.body.error).toMatchObject({
        code: 'floor_change_reason_required',
        path: 'floorChangeReason',
      })
      expect(refused.body.error.message).toContain('the reservation changed after our first offer went out')
      expect((await save(withReservation(reservation - 7), 2, '   ')).status).toBe(400)
      expect((await h.call('GET', path, { as: editor() })).headers.get('etag')).toBe('"2"')
      // Anything else in the plan still saves without one.
      expect(
        (await save(withReservation(reservation - 1).replace(/^title: .*$/m, 'title: Renamed'), 2)).status,
      ).toBe(200)

      // With a reason: saved, audited without the values, and in the floor's history.
      const reason = 'Their CFO capped the budget; approved by our VP Sales'
      const saved = await save(
        withReservation(reservation - 7).replace(/^title: .*$/m, 'title: Renamed'),
        3,
        reason,
      )
      expect(saved.status, JSON.stringify(saved.body)).toBe(200)
      const audit = await h.call('GET', `/api/workspaces/${t.workspaceId}/audit`, {
        as: { token: t.owner.token },
      })
      const entry = (audit.body.entries as { action: string; detail: unknown; userId: string }[]).find(
        (row) => row.action === 'negotiation.floor_change',
      )
      expect(entry?.detail).toEqual({ fields: ['reservation'], reason, from: 3, to: 4 })
      expect(entry?.userId).toBe(t.editor.id)
      expect(Object.keys(entry?.detail as object)).toEqual(['fields', 'reason', 'from', 'to'])
      const history = await h.call('GET', `${path}/floor-changes`, { as: { token: t.viewer.token } })
      expect(history.status).toBe(200)
      expect(history.body.changes).toEqual([
        { at: expect.any(String), userId: t.editor.id, fields: ['reservation'], reason, from: 3, to: 4 },
      ])
    })
  },
)
