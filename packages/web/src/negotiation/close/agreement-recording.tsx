/**
 * Recording the agreement: every issue needs an agreed level first; then one `agreed` event is
 * appended, and the server's refusals come back at the form fields they are about (a measure's path
 * in the event names its row in the form). What no field shows is listed by the button.
 */
import type { Space } from '@parley/core'
import { useCallback, useState } from 'react'
import { Button, Notice } from '../../ui/controls'
import { problemLine } from '../../workspace/field-problems'
import type { NegotiationModel } from '../model'
import { type AgreementEvent, type AgreementForm, formPath, missingTerms } from './agreement'

type Problem = { path: string; message: string }

export interface AgreementRecording {
  problems: Problem[]
  busy: boolean
  /** What was recorded, said once it is. */
  done: string | undefined
  record(form: AgreementForm, event: AgreementEvent): Promise<void>
  clearDone(): void
}

export function useAgreementRecording(
  space: Space,
  append: NegotiationModel['append'],
  correcting: boolean,
): AgreementRecording {
  const [problems, setProblems] = useState<Problem[]>([])
  const [busy, setBusy] = useState(false)
  const [done, setDone] = useState<string>()
  const record = async (form: AgreementForm, event: AgreementEvent) => {
    const missing = missingTerms(space, form)
    if (missing.length > 0) {
      setProblems(missing)
      return
    }
    setBusy(true)
    setProblems([])
    try {
      const result = await append(event.input)
      if (result.ok)
        setDone(correcting ? 'The corrected agreement is recorded.' : 'The agreement is recorded.')
      else
        setProblems(
          result.problems.map((p) => ({ path: formPath(p.path, event.measureRows), message: p.message })),
        )
    } catch (caught) {
      setProblems([{ path: '', message: caught instanceof Error ? caught.message : String(caught) }])
    } finally {
      setBusy(false)
    }
  }
  // Stable, so a form can clear the message from an effect.
  const clearDone = useCallback(() => setDone(undefined), [])
  return { problems, busy, done, record, clearDone }
}

/** The button, and what came of pressing it: the problems no field shows, or that it is recorded. */
export function RecordAgreement({
  recording,
  unplaced,
  onRecord,
}: {
  recording: AgreementRecording
  /** The problems at no field of the form. */
  unplaced: Problem[]
  onRecord: () => void
}) {
  return (
    <>
      {unplaced.length > 0 ? (
        <Notice kind="error">
          The agreement was not recorded:
          <ul>
            {unplaced.map((problem) => (
              <li key={problemLine(problem)}>{problemLine(problem)}</li>
            ))}
          </ul>
        </Notice>
      ) : recording.problems.length > 0 ? (
        <Notice kind="error">The agreement was not recorded: see the problems marked above.</Notice>
      ) : null}
      {recording.done ? <Notice kind="success">{recording.done}</Notice> : null}
      <Button kind="primary" onClick={onRecord} disabled={recording.busy}>
        Record the agreement
      </Button>
    </>
  )
}
