/**
 * Before signing: the alternatives `parley status` lists once an agreement is recorded (core's
 * `alternativesBeforeSigning`, which status calls too), each at least as good for us and possibly
 * better for them. For our side only: it shows what each is worth to us.
 */
import { alternativesBeforeSigning, formatPoints, type Terms } from '@parley/core'
import { useMemo } from 'react'
import { Button, PrivateMark, Section } from '../../ui/controls'
import { Figure } from '../../ui/maths'
import { useEstimateLabel } from '../estimate-words'
import type { NegotiationModel } from '../model'
import { termsText } from '../trade/terms-text'
import { jointGainText } from '../trade/trade-advice'

export function PostSettlementSection({
  model,
  onUse,
}: {
  model: NegotiationModel
  /** Puts an alternative's terms into the agreement form (editors only). */
  onUse?: (terms: Terms) => void
}) {
  const { space, derived } = model
  const alternatives = useMemo(
    () => alternativesBeforeSigning(space, derived.state, derived.posterior),
    [space, derived],
  )
  const estimate = useEstimateLabel(derived.state.observations.length)
  if (alternatives.length === 0) return null
  return (
    <Section title="Before you sign" id="before-you-sign">
      <p>
        <PrivateMark>For our side only</PrivateMark> Alternatives to offer beside the agreement, each at least
        as good for us: they keep the agreement if they prefer it, so offering costs nothing. Record the one
        they sign as the agreement below: the measures and governance already written stay.
      </p>
      <ol className="post-settlement">
        {alternatives.map((option) => (
          <li key={termsText(space.issues, option.terms)}>
            {jointGainText(option, estimate)}: {formatPoints(option.utility.us)} to us,{' '}
            {formatPoints(option.utility.them)} to them,{' '}
            <Figure
              plain={`better for them with a ${Math.round(option.chance * 100)}% chance by what we know of them`}
              maths={`better for them in ${Math.round(option.chance * 100)}% of our estimate's draws`}
            />{' '}
            — <span className="terms">{termsText(space.issues, option.terms)}</span>
            {onUse ? (
              <>
                {' '}
                <Button onClick={() => onUse(option.terms)}>Put these terms in the agreement form</Button>
              </>
            ) : null}
          </li>
        ))}
      </ol>
    </Section>
  )
}
