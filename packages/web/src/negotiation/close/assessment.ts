/**
 * The agreement as drafted, tested before it is recorded: the journal is replayed with it as its
 * next event, and core gives what it would give for the recorded one — whether the terms fit the
 * plan, the reality test's verdict on them (against our reservation, both BATNAs, our limits and
 * the rule) and the linter's findings on the agreement (governance missing, unmeasurable terms,
 * a private figure in its texts, a term never put on the table).
 */
import {
  type Finding,
  formatPath,
  type JournalEvent,
  lint,
  meanWeights,
  type Negotiation,
  type RealityItem,
  realityTest,
  type Space,
  stateAfter,
} from '@parley/core'
import { type AgreedInput, DRAFT_ID, draftedEvent } from './agreement'

export type AgreementAssessment =
  | { ok: true; reality: RealityItem | undefined; findings: Finding[] }
  | { ok: false; problems: { path: string; message: string }[] }

export function assessAgreement(
  space: Space,
  events: readonly JournalEvent[],
  derived: Negotiation,
  input: AgreedInput,
): AgreementAssessment {
  const draft = draftedEvent(input, derived.state)
  const after = stateAfter(space, derived.state, draft)
  if (after.problems.length > 0)
    return {
      ok: false,
      problems: after.problems.map((problem) => ({ path: formatPath(problem.at), message: problem.message })),
    }
  // Their side valued as `parley status` values it: the posterior's mean weights.
  const weights = meanWeights(derived.posterior.beliefs)
  const reality = realityTest(space, after.state, weights).items.find((item) => item.label === 'agreed')
  const findings = lint({ space, events: [...events, draft], state: after.state }).filter(
    (finding) => finding.place.document === 'journal' && finding.place.eventId === DRAFT_ID,
  )
  return { ok: true, reality, findings }
}

/** Where in the agreement a finding is, in words: `governance`, `measures[0]`, or the whole of it. */
export function findingPath(finding: Finding): string {
  return finding.place.document === 'journal' ? formatPath(finding.place.at) : ''
}
