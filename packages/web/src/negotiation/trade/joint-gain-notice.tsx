/**
 * The joint gain in sight, for our side only: a bundle better for both than the table under the
 * current estimate, what it changes, and a button that records it as our offer (what `parley offer
 * --joint-gain` records).
 */
import { changesInWords, listAnd, type NegotiationStatus, type Space, tableInWords } from '@parley/core'
import { Button, Notice, PrivateMark } from '../../ui/controls'
import type { NegotiationModel } from '../model'
import { offerSentEvent } from './events'
import { RecordingStatus, useRecorder } from './recording'
import { termsText } from './terms-text'
import { jointGainText } from './trade-advice'

export function JointGainNotice(props: {
  model: NegotiationModel
  space: Space
  status: NegotiationStatus
  estimate: string
}) {
  const { model, space, status, estimate } = props
  const recorder = useRecorder(model)
  const { rest } = recorder.place(['bundles'])
  const gain = status.jointGain
  // Once offered, the bundle is the table and no gain is in sight: the notice goes, its word stays.
  if (!gain) return recorder.done ? <RecordingStatus recorder={recorder} rest={rest} /> : null
  return (
    <Notice kind="info">
      <p>
        <PrivateMark>For our side only</PrivateMark> <strong>Joint gain in sight:</strong> a bundle better for
        both sides than {tableInWords(status.table?.source)}, {jointGainText(gain, estimate)}:{' '}
        {listAnd(changesInWords(space, status.table?.terms ?? {}, gain.terms))}.
      </p>
      <p>
        In full: <span className="terms">{termsText(space.issues, gain.terms)}</span>
      </p>
      {model.canEdit ? (
        <>
          <RecordingStatus recorder={recorder} rest={rest} />
          <Button
            disabled={recorder.busy}
            onClick={() =>
              void recorder.record(
                offerSentEvent([{ terms: gain.terms }]),
                'Recorded as our offer: ask how it works for them, then record their answer.',
              )
            }
          >
            Record as our offer
          </Button>
        </>
      ) : null}
    </Notice>
  )
}
