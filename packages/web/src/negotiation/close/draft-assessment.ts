/**
 * The agreement as drafted, assessed as it changes (assessment.ts): once every issue has a level.
 * Testing the draft replays and lints, so typing stays quick while the check catches up.
 */
import { useDeferredValue, useMemo } from 'react'
import type { NegotiationModel } from '../model'
import type { AgreedInput } from './agreement'
import { type AgreementAssessment, assessAgreement } from './assessment'

export function useDraftAssessment(
  model: Pick<NegotiationModel, 'space' | 'journal' | 'derived'>,
  input: AgreedInput,
): AgreementAssessment | undefined {
  const { space, journal, derived } = model
  const deferred = useDeferredValue(input)
  return useMemo(
    () =>
      Object.keys(deferred.terms).length < space.issues.length
        ? undefined
        : assessAgreement(space, journal, derived, deferred),
    [space, journal, derived, deferred],
  )
}
