/**
 * Our floor once the first offer has gone out: a change to the reservation or a limit is saved only
 * with the reason for it, which the team sees in the floor's history (and the audit log), so the
 * floor never drifts quietly under pressure.
 */
import { useId, useState } from 'react'
import { Button, Notice } from '../ui/controls'
import type { NegotiationModel } from './model'

export function FloorReason({ model }: { model: NegotiationModel }) {
  const [reason, setReason] = useState('')
  const id = useId()
  const given = reason.trim()
  return (
    <Notice kind="error">
      <p>
        This change moves our floor (the reservation or a limit) after our first offer went out. Say why, and
        it is saved with your reason for the team to see; or change it back.
      </p>
      <div className="field">
        <label htmlFor={id}>Why our floor moved</label>
        <input id={id} value={reason} maxLength={1000} onChange={(event) => setReason(event.target.value)} />
      </div>
      <Button kind="primary" disabled={!given} onClick={() => void model.saveWithReason(given)}>
        Save with this reason
      </Button>
    </Notice>
  )
}
