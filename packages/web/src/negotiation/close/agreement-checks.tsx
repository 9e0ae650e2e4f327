/**
 * Beside the agreement form: the reality test of the terms as drafted (private: it measures them
 * against our reservation and BATNA) and what the linter finds in the agreement as written.
 */
import type { Finding, RealityItem } from '@parley/core'
import { formatPoints as pts, formatSigned as signed } from '@parley/core'
import { useId } from 'react'
import { PrivateMark } from '../../ui/controls'
import { Sealed } from '../floor-seal'
import type { AgreementAssessment } from './assessment'
import { findingPath } from './assessment'

const VERDICT: Record<RealityItem['verdict'], string> = {
  accept: 'Accept',
  counter: 'Counter',
  'walk away': 'Walk away',
}

export function RealityOfTerms({ item }: { item: RealityItem }) {
  const margin = (label: string, value: number | null, sealed?: string) =>
    value === null ? null : (
      <li>
        {label}:{' '}
        {sealed ? (
          <Sealed inline what={sealed}>
            {signed(value)}
          </Sealed>
        ) : (
          signed(value)
        )}
      </li>
    )
  return (
    <div className="close-reality">
      <p className={`close-verdict ${item.verdict.replace(' ', '-')}`}>
        <strong>{VERDICT[item.verdict]}</strong> —{' '}
        <Sealed inline what="why (it quotes our floor)">
          {item.reason}
        </Sealed>
      </p>
      <ul>
        <li>
          Value to us: {pts(item.utility.us)} · to them (estimated): {pts(item.utility.them)}
        </li>
        {margin('Over our reservation', item.margin.reservation, 'the margin')}
        {margin('Over our BATNA', item.margin.batnaUs)}
        {margin('Over their BATNA (estimated)', item.margin.batnaThem)}
        <li>{item.meetsDecisionRule ? 'Meets the decision rule' : 'Does not meet the decision rule'}</li>
        <li>{item.breaksLimits ? 'Breaks our limits' : 'Keeps our limits'}</li>
      </ul>
    </div>
  )
}

export function AgreementFindings({ findings }: { findings: readonly Finding[] }) {
  if (findings.length === 0) return <p>No pitfalls found in the agreement as written.</p>
  return (
    <ul className="findings">
      {findings.map((finding) => (
        <li key={`${finding.id}-${finding.message}`} className={finding.severity}>
          <strong>{finding.severity}</strong> {finding.message}
          <p className="hint">
            {findingPath(finding) ? `${findingPath(finding)} · ` : ''}fix: {finding.fix}
          </p>
        </li>
      ))}
    </ul>
  )
}

export function AgreementChecks({
  assessment,
  title,
}: {
  assessment: AgreementAssessment | undefined
  title: string
}) {
  const id = useId()
  return (
    <section className="agreement-checks" aria-labelledby={id}>
      <h3 id={id}>
        {title} <PrivateMark />
      </h3>
      {!assessment ? (
        <p>Choose a level for every issue to test the terms.</p>
      ) : !assessment.ok ? (
        <ul className="field-problems">
          {assessment.problems.map((problem) => (
            <li key={`${problem.path}-${problem.message}`} className="error">
              {problem.path}: {problem.message}
            </li>
          ))}
        </ul>
      ) : (
        <>
          <h4>Reality test</h4>
          {assessment.reality ? <RealityOfTerms item={assessment.reality} /> : null}
          <h4>Pitfalls in the agreement</h4>
          <AgreementFindings findings={assessment.findings} />
        </>
      )}
    </section>
  )
}
