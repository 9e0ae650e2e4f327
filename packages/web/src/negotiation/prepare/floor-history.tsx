/**
 * The floor's history beside the reservation: each time our reservation or a limit moved after the
 * first offer, when and why (the server's floor-changes), so the team sees that the floor moved.
 */
import type { FloorChanges } from '@parley/server/contract'
import { useEffect, useState } from 'react'
import { listFloorChanges } from '../../api/negotiations'
import type { NegotiationModel } from '../model'

const FIELD_WORDS = { reservation: 'the reservation', limits: 'the limits' } as const

export function FloorHistory({ model }: { model: NegotiationModel }) {
  const [changes, setChanges] = useState<FloorChanges['changes']>([])
  const { workspaceId, id: negotiationId, version } = model.record
  // Read again with each version of the plan: a save that moved the floor makes a new one.
  useEffect(() => {
    if (version < 1) return
    listFloorChanges({ workspaceId, negotiationId }).then(setChanges, () => setChanges([]))
  }, [workspaceId, negotiationId, version])
  if (changes.length === 0) return null
  return (
    <div className="floor-history">
      <h3>Our floor moved after the first offer</h3>
      <ul>
        {changes.map((change) => (
          <li key={`${change.to}-${change.at}`}>
            {new Date(change.at).toLocaleString()}:{' '}
            {change.fields.map((field) => FIELD_WORDS[field]).join(' and ')} (version {change.to}) — “
            {change.reason}”
          </li>
        ))}
      </ul>
    </div>
  )
}
