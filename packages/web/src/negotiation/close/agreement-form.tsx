/**
 * The agreement, written down: a level per issue, the contingencies they accepted, measures with a
 * threshold, reporting and remedy, change control, the exit, governance and the fairness story
 * (drafted by core from what may be shared, then edited). Beside it, the terms as drafted are
 * reality-tested and linted as they change; recording appends one `agreed` event, and the server's
 * refusals show under the fields they are about.
 */
import { draftFairnessStory, type Terms } from '@parley/core'
import { useEffect, useMemo, useState } from 'react'
import { Section } from '../../ui/controls'
import { placeProblems } from '../../workspace/field-problems'
import type { NegotiationModel } from '../model'
import { AgreedContingencies } from './agreed-contingencies'
import { AgreedGovernance } from './agreed-governance'
import { AgreedMeasures } from './agreed-measures'
import { AgreedTerms } from './agreed-terms'
import { type AgreementForm, agreementEvent, fieldPaths, initialAgreementForm } from './agreement'
import { AgreementChecks } from './agreement-checks'
import { RecordAgreement, useAgreementRecording } from './agreement-recording'
import { useDraftAssessment } from './draft-assessment'
import { FairnessStory } from './fairness-story'

export function AgreementSection({
  model,
  proposed,
}: {
  model: NegotiationModel
  /** Terms to put into the form (an alternative offered before signing), each time a new object. */
  proposed?: { terms: Terms }
}) {
  const { space } = model
  const { state } = model.derived
  const [form, setForm] = useState<AgreementForm>(() => initialAgreementForm(space, state))
  const recording = useAgreementRecording(space, model.append, Boolean(state.agreed))
  const { clearDone } = recording
  const change = (patch: Partial<AgreementForm>) => {
    setForm((current) => ({ ...current, ...patch }))
    clearDone()
  }
  useEffect(() => {
    if (!proposed) return
    setForm((current) => ({ ...current, terms: { ...proposed.terms } }))
    clearDone()
    // The form is further down the page: show it changed.
    document.getElementById('agreement-form')?.scrollIntoView({ block: 'start' })
  }, [proposed, clearDone])
  const event = useMemo(() => agreementEvent(form, state.contingencies), [form, state.contingencies])
  const assessment = useDraftAssessment(model, event.input)
  const placed = placeProblems(recording.problems)

  return (
    <Section title="Agreement" id="agreement-form">
      <p className="hint">
        {state.agreed
          ? 'An agreement is recorded (shown above). Recording again keeps both in the journal; the latest counts.'
          : 'Write down what both sides agreed, measurably, before anyone signs.'}
      </p>
      <div className="agreement-layout">
        <AgreedTerms
          issues={space.issues}
          terms={form.terms}
          problemsAt={placed.at}
          onChange={(terms) => change({ terms })}
        />
        <aside className="agreement-aside">
          <AgreementChecks assessment={assessment} title="Checks on these terms" />
        </aside>
        <div className="agreement-rest">
          <AgreedContingencies
            space={space}
            state={state}
            included={form.contingencies}
            onChange={(contingencies) => change({ contingencies })}
          />
          <AgreedMeasures
            measures={form.measures}
            problemsAt={placed.at}
            onChange={(measures) => change({ measures })}
          />
          <AgreedGovernance form={form} problemsAt={placed.at} onChange={change} />
          <FairnessStory
            value={form.fairnessStory}
            problems={placed.at('fairnessStory')}
            draft={() => draftFairnessStory(space, state, { terms: event.input.terms })}
            onChange={(fairnessStory) => change({ fairnessStory })}
          />
          <RecordAgreement
            recording={recording}
            unplaced={placed.rest(fieldPaths(space, form))}
            onRecord={() => void recording.record(form, event)}
          />
        </div>
      </div>
    </Section>
  )
}
