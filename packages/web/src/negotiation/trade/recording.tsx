/**
 * Recording a move from a form: the body is built by a pure function, checked there first, then
 * appended; what the server refuses comes back with paths and is shown beside the fields (see
 * problems.ts), what fits no field above the button, and success is announced politely. A lost
 * connection says so: the append retried with the same id, so nothing was recorded twice.
 */
import { useCallback, useState } from 'react'
import { Notice } from '../../ui/controls'
import type { NegotiationModel } from '../model'
import type { Built } from './events'
import { type FormProblem, type PlacedProblems, placeProblems, problemText } from './problems'

export interface Recorder {
  busy: boolean
  problems: FormProblem[]
  done: string | undefined
  error: string | undefined
  /** Problems placed at these field paths, and the rest. */
  place(fields: readonly string[]): PlacedProblems
  /** Appends the built event; true when it was recorded. */
  record(built: Built, done: string): Promise<boolean>
  reset(): void
}

export function useRecorder(model: NegotiationModel): Recorder {
  const [busy, setBusy] = useState(false)
  const [problems, setProblems] = useState<FormProblem[]>([])
  const [done, setDone] = useState<string>()
  const [error, setError] = useState<string>()
  const { append } = model
  const record = useCallback(
    async (built: Built, message: string) => {
      setDone(undefined)
      setError(undefined)
      if (!built.ok) {
        setProblems(built.problems)
        return false
      }
      setBusy(true)
      try {
        const result = await append(built.event)
        if (!result.ok) {
          setProblems(result.problems.map((problem) => ({ path: problem.path, message: problem.message })))
          return false
        }
        setProblems([])
        setDone(message)
        return true
      } catch (caught) {
        setError(
          `${caught instanceof Error ? caught.message : String(caught)}. Nothing was recorded twice; try again when the server answers.`,
        )
        return false
      } finally {
        setBusy(false)
      }
    },
    [append],
  )
  const reset = useCallback(() => {
    setProblems([])
    setDone(undefined)
    setError(undefined)
  }, [])
  return {
    busy,
    problems,
    done,
    error,
    place: (fields) => placeProblems(problems, fields),
    record,
    reset,
  }
}

/** What the form as a whole was told: problems no field is about, a failure, or that it worked. */
export function RecordingStatus({ recorder, rest }: { recorder: Recorder; rest: readonly FormProblem[] }) {
  return (
    <>
      {rest.length > 0 ? (
        <Notice kind="error">
          <ul className="plain-list">
            {rest.map((problem) => (
              <li key={problemText(problem)}>{problemText(problem)}</li>
            ))}
          </ul>
        </Notice>
      ) : null}
      {recorder.error ? <Notice kind="error">{recorder.error}</Notice> : null}
      {recorder.done ? <Notice kind="success">{recorder.done}</Notice> : null}
    </>
  )
}
