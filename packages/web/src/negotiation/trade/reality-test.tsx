/**
 * The reality test: everything in play against our reservation, both BATNAs, our limits and the
 * rule, each with a plain verdict (accept, counter, walk away) and why; for a counter that only
 * moves issues their way, what accepting it would give away and the trade to propose instead; and
 * the warning when nothing in play beats our BATNA.
 */
import { formatPoints, type RealityTest as RealityTestResult } from '@parley/core'
import { Notice, PrivateMark } from '../../ui/controls'
import { useEstimateLabel } from '../estimate-words'
import { Sealed } from '../floor-seal'
import type { NegotiationModel } from '../model'
import { termsText } from './terms-text'
import { giveawayText, proposalText } from './trade-advice'

export function RealityTest({ model, test }: { model: NegotiationModel; test: RealityTestResult }) {
  const estimate = useEstimateLabel(model.derived.state.observations.length)
  if (test.items.length === 0) return <p>Nothing in play yet: the test runs once an offer is on the table.</p>
  return (
    <>
      {test.warning ? <Notice kind="error">{test.warning}</Notice> : null}
      <p className="hint">
        <PrivateMark>For our side only</PrivateMark> The reasons quote our reservation and BATNA.
      </p>
      {/* A list, not a table: the reasons and the trade advice are sentences, which a column of a
          table beside the terms squeezed to a few words a line. */}
      <ul className="reality-items" aria-label="Reality test of the bundles in play">
        {test.items.map((item) => (
          <li key={item.label} className="reality-item">
            <div className="reality-head">
              <strong className="reality-label">{inPlayName(item.label)}</strong>
              <span className={`verdict ${item.verdict.replace(' ', '-')}`}>{item.verdict}</span>
              <span className="reality-values">
                Value to us {formatPoints(item.utility.us)} · to them {formatPoints(item.utility.them)} (
                {estimate})
              </span>
            </div>
            <p className="terms">{termsText(model.space.issues, item.terms)}</p>
            <Sealed inline what="why (it quotes our floor)">
              {item.reason}
            </Sealed>
            {item.proposal ? (
              <div className="trade-advice">
                <p className="giveaway">{giveawayText(item)}</p>
                <p className="proposal">
                  <strong>{proposalText(model.space.issues, item, estimate)}</strong>
                </p>
              </div>
            ) : null}
          </li>
        ))}
      </ul>
    </>
  )
}

/** What is in play, as a heading for its line: a bundle by its letter, else the item's own words. */
function inPlayName(label: string): string {
  if (/^[A-Z]$/.test(label)) return `Bundle ${label}`
  return label.charAt(0).toUpperCase() + label.slice(1)
}
