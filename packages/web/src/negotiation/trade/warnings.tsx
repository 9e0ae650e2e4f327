/**
 * Core's negotiator warnings where the decision is made: before a set is sent, beside a trade being
 * weighed, by their priorities and by the bundles in play. Each says what is wrong in a
 * salesperson's words (core words them); value left on the table also shows the better bundle.
 */
import { type NegotiatorWarning, negotiationWarnings, type WarningCode } from '@parley/core'
import { useMemo } from 'react'
import { PrivateMark } from '../../ui/controls'
import type { NegotiationModel } from '../model'
import { type IssueLabel, termsText } from './terms-text'

/** The journal's warnings (trades, thin evidence, sent figures), computed once per journal. */
export function useJournalWarnings(model: NegotiationModel): NegotiatorWarning[] {
  const { space, derived } = model
  return useMemo(() => negotiationWarnings(space, derived), [space, derived])
}

export function warningsOf(
  warnings: readonly NegotiatorWarning[],
  ...codes: WarningCode[]
): NegotiatorWarning[] {
  return warnings.filter((warning) => codes.includes(warning.code))
}

export function WarningList({
  warnings,
  issues,
  label,
}: {
  warnings: readonly NegotiatorWarning[]
  issues: readonly IssueLabel[]
  /** What the list is about, for a screen reader: `Before you send this set`. */
  label: string
}) {
  if (warnings.length === 0) return null
  return (
    <section className="negotiator-warnings" aria-label={label}>
      <p className="hint">
        <PrivateMark>For our side only</PrivateMark> {label}
      </p>
      <ul>
        {warnings.map((warning) => (
          <li
            key={`${warning.code}:${warning.message}`}
            className={`negotiator-warning is-${warning.severity}`}
            data-code={warning.code}
          >
            <strong>{warning.severity === 'warning' ? 'Warning: ' : 'Note: '}</strong>
            {warning.message}
            {warning.code === 'left_on_table' ? (
              <span className="better-bundle">
                {' '}
                Instead: <span className="terms">{termsText(issues, warning.better.terms)}</span>
              </span>
            ) : null}
          </li>
        ))}
      </ul>
    </section>
  )
}
