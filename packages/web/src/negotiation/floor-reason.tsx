/**
 * Our floor once the first offer has gone out: a change to the reservation or a limit is saved only
 * with the reason for it, which the team sees in the floor's history (and the audit log), so the
 * floor never drifts quietly under pressure.
 */
import { useState } from 'react'
import { Button, Notice, TextField } from '../ui/controls'
import type { NegotiationModel } from './model'

export function FloorReason({ model }: { model: NegotiationModel }) {
  const [reason, setReason] = useState('')
  const given = reason.trim()
  return (
    <Notice kind="error">
      <p>
        This change moves our floor (the reservation or a limit) after our first offer went out. Say why, and
        it is saved with your reason for the team to see; or change it back.
      </p>
      <TextField
        label="Why our floor moved"
        value={reason}
        onChange={setReason}
        required
        hint="Kept with the change in the floor's history, for the team (at most 1,000 characters)"
        problems={reason.length > 1000 ? [{ message: 'must be at most 1,000 characters' }] : []}
      />
      <Button
        kind="primary"
        disabled={!given || reason.length > 1000}
        onClick={() => void model.saveWithReason(given)}
      >
        Save with this reason
      </Button>
    </Notice>
  )
}
