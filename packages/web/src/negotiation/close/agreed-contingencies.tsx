/**
 * The contingencies written into the agreement: each one proposed during the negotiation, worded as
 * the other side sees it (never with each side's beliefs), included or not.
 */
import { counterpartyView, type NegotiationState, type Space } from '@parley/core'
import { useMemo } from 'react'
import { CheckboxField } from '../../ui/controls'
import { contingencyKey } from './agreement'

export function AgreedContingencies({
  space,
  state,
  included,
  onChange,
}: {
  space: Space
  state: NegotiationState
  /** Keys of the contingencies included (see `contingencyKey`). */
  included: readonly string[]
  onChange: (included: string[]) => void
}) {
  const wordings = useMemo(() => counterpartyView(space, state).contingencies, [space, state])
  return (
    <fieldset>
      <legend>Contingencies agreed</legend>
      {state.contingencies.length === 0 ? (
        <p className="hint">No contingency was proposed.</p>
      ) : (
        state.contingencies.map((record, k) => {
          const key = contingencyKey(record)
          return (
            <CheckboxField
              key={key}
              label={`Include: ${wordings[k]?.wording ?? record.contingency.metric}${record.accepted ? '' : ' (not accepted yet)'}`}
              checked={included.includes(key)}
              onChange={(checked) =>
                onChange(checked ? [...included, key] : included.filter((other) => other !== key))
              }
            />
          )
        })
      )}
    </fieldset>
  )
}
