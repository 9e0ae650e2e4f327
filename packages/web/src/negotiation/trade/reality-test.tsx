/**
 * The reality test: everything in play against our reservation, both BATNAs, our limits and the
 * rule, each with a plain verdict (accept, counter, walk away) and why; for a counter that only
 * moves issues their way, what accepting it would give away and the trade to propose instead; and
 * the warning when nothing in play beats our BATNA.
 */
import { formatPoints, type RealityTest as RealityTestResult } from '@parley/core'
import { Notice, PrivateMark } from '../../ui/controls'
import { ScrollRegion } from '../../ui/scroll-region'
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
      <ScrollRegion label="Reality test">
        <table className="table reality">
          <caption className="visually-hidden">Reality test of the bundles in play</caption>
          <thead>
            <tr>
              <th scope="col">In play</th>
              <th scope="col">Verdict</th>
              <th scope="col">Why</th>
              <th scope="col" className="number">
                Value to us
              </th>
              <th scope="col" className="number">
                Value to them ({estimate})
              </th>
              <th scope="col">Terms</th>
            </tr>
          </thead>
          <tbody>
            {test.items.map((item) => (
              <tr key={item.label}>
                <th scope="row">{item.label}</th>
                <td>
                  <span className={`verdict ${item.verdict.replace(' ', '-')}`}>{item.verdict}</span>
                </td>
                <td>
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
                </td>
                <td className="number">{formatPoints(item.utility.us)}</td>
                <td className="number">{formatPoints(item.utility.them)}</td>
                <td className="terms">{termsText(model.space.issues, item.terms)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollRegion>
    </>
  )
}
