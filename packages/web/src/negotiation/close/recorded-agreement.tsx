/**
 * The agreement as the journal keeps it: the terms, contingencies, measures, change control, exit,
 * governance and fairness story (all of it shareable), and, for us alone, its reality test.
 */
import { counterpartyView, currentEstimate, realityTest } from '@parley/core'
import { useMemo } from 'react'
import { PrivateMark, Section } from '../../ui/controls'
import { ScrollRegion } from '../../ui/scroll-region'
import type { NegotiationModel } from '../model'
import { RealityOfTerms } from './agreement-checks'
import { levelLabel } from './levels'

export function RecordedAgreement({ model }: { model: NegotiationModel }) {
  const { space } = model
  const { state, posterior } = model.derived
  const agreement = useMemo(() => counterpartyView(space, state).agreement, [space, state])
  const reality = useMemo(
    () =>
      realityTest(space, state, currentEstimate(space, state, posterior)).items.find(
        (item) => item.label === 'agreed',
      ),
    [space, state, posterior],
  )
  if (!agreement || !state.agreed) return null
  const eventId = state.agreed.eventId
  const stored = model.events.find((entry) => entry.event.id === eventId)
  const { governance } = agreement
  const text = (value: string | null) => value ?? <span className="hint">not written</span>
  return (
    <Section title="Recorded agreement">
      {stored ? (
        <p className="hint">
          Recorded <time dateTime={stored.createdAt}>{new Date(stored.createdAt).toLocaleString()}</time>
        </p>
      ) : null}
      <dl className="close-record">
        {space.issues.map((issue) => {
          const level = agreement.terms[issue.id]
          return (
            <div key={issue.id}>
              <dt>{issue.name}</dt>
              <dd>{level === undefined ? '—' : levelLabel(issue, level)}</dd>
            </div>
          )
        })}
      </dl>
      {agreement.contingencies.length > 0 ? (
        <>
          <h3>Contingencies</h3>
          <ul>
            {agreement.contingencies.map((contingency) => (
              <li key={contingency.wording}>{contingency.wording}</li>
            ))}
          </ul>
        </>
      ) : null}
      {agreement.measures.length > 0 ? (
        <ScrollRegion label="Agreed measures">
          <table className="table">
            <caption className="close-caption">Agreed measures</caption>
            <thead>
              <tr>
                <th scope="col">Metric</th>
                <th scope="col">Threshold</th>
                <th scope="col">Reporting</th>
                <th scope="col">Remedy</th>
              </tr>
            </thead>
            <tbody>
              {agreement.measures.map((measure) => (
                <tr key={`${measure.metric}-${measure.threshold}`}>
                  <td>{measure.metric}</td>
                  <td>{String(measure.threshold)}</td>
                  <td>{measure.reporting}</td>
                  <td>{measure.remedy}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      ) : null}
      <dl className="close-record prose">
        <div>
          <dt>Change control</dt>
          <dd>{text(agreement.changeControl)}</dd>
        </div>
        <div>
          <dt>Exit</dt>
          <dd>{text(agreement.exit)}</dd>
        </div>
        <div>
          <dt>Review cadence</dt>
          <dd>{text(governance.reviewCadence)}</dd>
        </div>
        <div>
          <dt>Data access</dt>
          <dd>{text(governance.dataAccess)}</dd>
        </div>
        <div>
          <dt>Escalation path</dt>
          <dd>{text(governance.escalation)}</dd>
        </div>
      </dl>
      <h3>Fairness story</h3>
      <p className="close-story">{text(agreement.fairnessStory)}</p>
      {reality ? (
        <div className="close-private">
          <h3>
            Reality test <PrivateMark />
          </h3>
          <RealityOfTerms item={reality} />
        </div>
      ) : null}
    </Section>
  )
}
