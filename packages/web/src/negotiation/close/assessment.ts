/**
 * The agreement as drafted, tested before it is recorded: core admits it as the journal's next
 * event exactly as the server will (under core's preview id), and core gives what it would give for the recorded one — whether the terms fit the
 * plan, the reality test's verdict on them (against our reservation, both BATNAs, our limits and
 * the rule) and the linter's findings on the agreement (governance missing, unmeasurable terms,
 * a private figure in its texts, a term never put on the table).
 */
import {
  admitEvent,
  currentEstimate,
  type Finding,
  formatPath,
  type JournalEvent,
  lint,
  type Negotiation,
  PREVIEW_EVENT,
  type RealityItem,
  realityTest,
  type Space,
} from '@parley/core'
import type { AgreedInput } from './agreement'

export type AgreementAssessment =
  | { ok: true; reality: RealityItem | undefined; findings: Finding[] }
  | { ok: false; problems: { path: string; message: string }[] }

export function assessAgreement(
  space: Space,
  events: readonly JournalEvent[],
  derived: Negotiation,
  input: AgreedInput,
): AgreementAssessment {
  const admitted = admitEvent(space, { events, state: derived.state }, input, PREVIEW_EVENT)
  if (!admitted.ok)
    return {
      ok: false,
      problems: admitted.problems.map((problem) => ({
        path: formatPath(problem.at),
        message: problem.message,
      })),
    }
  // Their side valued as `parley status` values it: the current estimate.
  const weights = currentEstimate(space, derived.state, derived.posterior)
  const reality = realityTest(space, admitted.state, weights).items.find((item) => item.label === 'agreed')
  const findings = lint({ space, events: [...events, admitted.event], state: admitted.state }).filter(
    (finding) => finding.place.document === 'journal' && finding.place.eventId === PREVIEW_EVENT.id,
  )
  return { ok: true, reality, findings }
}

/** Where in the agreement a finding is, in words: `governance`, `measures[0]`, or the whole of it. */
export function findingPath(finding: Finding): string {
  return finding.place.document === 'journal' ? formatPath(finding.place.at) : ''
}
