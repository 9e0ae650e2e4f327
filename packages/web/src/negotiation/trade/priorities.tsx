/**
 * What we have learned of their priorities: for each issue the posterior mean share with its 80%
 * interval, drawn as a bar with the plan's estimate marked, so a move that teaches something
 * visibly shifts them; and how much their last move and all their moves taught, in bits (core's
 * `learningInWords`, as `parley status` says it).
 */
import {
  formatShare,
  formatShareInterval,
  learningInWords,
  type NegotiationStatus,
  type NegotiatorWarning,
  NOTHING_LEARNED_YET,
  plainInformation,
} from '@parley/core'
import { PrivateMark } from '../../ui/controls'
import { Figure } from '../../ui/maths'
import type { NegotiationModel } from '../model'
import { position, shareScale } from './priority-bars'
import { WarningList, warningsOf } from './warnings'

export function Priorities({
  model,
  status,
  warnings,
}: {
  model: NegotiationModel
  status: NegotiationStatus
  /** The journal's warnings; those about thin evidence are shown here. */
  warnings: readonly NegotiatorWarning[]
}) {
  const entries = model.space.issues.flatMap((issue) => {
    const entry = status.posterior[issue.id]
    return entry ? [{ issue, entry }] : []
  })
  const scale = shareScale(entries.map(({ entry }) => entry))
  const { learning } = status
  return (
    <>
      <p className="hint">
        <PrivateMark>For our side only</PrivateMark> Our estimate of how much each issue weighs with them,
        updated by every choice, ranking, counter and stated priority. The bar is the 80% interval, the dark
        mark the mean, the hollow mark the plan's estimate. Scale 0–{formatShare(scale)}.
      </p>
      <WarningList
        warnings={warningsOf(warnings, 'thin_evidence')}
        issues={model.space.issues}
        label="How much our estimate rests on"
      />
      <ul className="priorities">
        {entries.map(({ issue, entry }) => (
          <li key={issue.id} className="priority">
            <span className="priority-text">
              <span className="priority-name">{issue.name}</span>{' '}
              <span className="priority-mean">{formatShare(entry.mean)}</span>{' '}
              <span className="priority-interval">({formatShareInterval(entry.low, entry.high)})</span>
              <span className="hint"> · plan {formatShare(entry.estimate)}</span>
              {entry.reversed !== undefined ? (
                <span className="hint"> · {formatShare(entry.reversed)} likely they lean the other way</span>
              ) : null}
            </span>
            <span className="priority-bar" aria-hidden="true">
              <span
                className="interval"
                style={{
                  left: `${position(entry.low, scale)}%`,
                  width: `${Math.max(0.5, position(entry.high, scale) - position(entry.low, scale))}%`,
                }}
              />
              <span className="estimate" style={{ left: `${position(entry.estimate, scale)}%` }} />
              <span className="mean" style={{ left: `${position(entry.mean, scale)}%` }} />
            </span>
          </li>
        ))}
      </ul>
      <p aria-live="polite">
        <Figure
          plain={
            learning.moves.length === 0
              ? `${NOTHING_LEARNED_YET}.`
              : `We learned ${wordsFor(learning.lastBits)} from their last move, and ${wordsFor(learning.totalBits)} from all their moves.`
          }
          maths={learningInWords(learning)}
        />
      </p>
    </>
  )
}

/** `a lot`, `some`, `a little`, `nothing new`. */
function wordsFor(bits: number): string {
  const amount = plainInformation(bits)
  return amount === 'nothing' ? 'nothing new' : amount
}
