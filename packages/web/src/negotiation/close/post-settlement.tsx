/**
 * Before signing: the alternatives `parley status` lists once an agreement is recorded (core's
 * `alternativesBeforeSigning`, which status calls too), each at least as good for us and possibly
 * better for them. For our side only: it shows what each is worth to us. An editor offers them
 * (an `alternatives-offered` event): the deal room then lets the other side sign the agreement or
 * one of them, and until they do this section says it waits for their signature.
 */
import { alternativesBeforeSigning, formatPoints, pendingAlternatives, type Terms } from '@parley/core'
import { useMemo, useState } from 'react'
import type { ApiProblem } from '../../api/http'
import { Button, Notice, PrivateMark, ProblemList, Section } from '../../ui/controls'
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
  const offered = pendingAlternatives(derived.state)
  const [busy, setBusy] = useState(false)
  const [refused, setRefused] = useState<ApiProblem[]>()
  if (alternatives.length === 0) return null
  const offer = async () => {
    setBusy(true)
    try {
      const appended = await model.append({
        type: 'alternatives-offered',
        bundles: alternatives.map((option, k) => ({ label: String(k + 1), terms: option.terms })),
      })
      setRefused(appended.ok ? undefined : appended.problems)
    } finally {
      setBusy(false)
    }
  }
  return (
    <Section title="Before you sign" id="before-you-sign">
      {offered ? (
        <p>
          <PrivateMark>For our side only</PrivateMark> Offered beside the agreement, waiting for their
          signature: a deal room link lets them sign the agreement as it is or one of these, and their
          signature is recorded as the agreement. If they answer by other means, record the one they sign
          below.
        </p>
      ) : (
        <p>
          <PrivateMark>For our side only</PrivateMark> Alternatives to offer beside the agreement, each at
          least as good for us: they keep the agreement if they prefer it, so offering costs nothing. Offer
          them through a deal room link (they sign there), or record the one they sign as the agreement below:
          the measures and governance already written stay.
        </p>
      )}
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
      {model.canEdit && !offered ? (
        <Button kind="primary" disabled={busy} onClick={() => void offer()}>
          Offer these before signing
        </Button>
      ) : null}
      {refused ? (
        <Notice kind="error">
          The alternatives were not recorded.
          <ProblemList problems={refused.map((problem) => ({ message: problem.message }))} />
        </Notice>
      ) : null}
    </Section>
  )
}
