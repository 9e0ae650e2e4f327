/**
 * The journal as a timeline: when, whose move, what kind, and what happened in words; retracted
 * moves struck through with the reason, skipped ones with what no longer fits. The journal is
 * append-only, so "Retract" records a retraction (with a reason) rather than deleting anything.
 */
import { useEffect, useRef, useState } from 'react'
import { Button, TextField } from '../../ui/controls'
import type { NegotiationModel } from '../model'
import { retractEvent } from './events'
import { type JournalLine, journalLines } from './journal-summary'
import { RecordingStatus, useRecorder } from './recording'

function RetractForm({
  model,
  line,
  onClose,
}: {
  model: NegotiationModel
  line: JournalLine
  onClose: () => void
}) {
  const recorder = useRecorder(model)
  const [reason, setReason] = useState('')
  const box = useRef<HTMLDivElement>(null)
  useEffect(() => {
    box.current?.querySelector('input')?.focus()
  }, [])
  const { at, rest } = recorder.place(['reason', 'target'])
  const save = async () => {
    if (await recorder.record(retractEvent(line.id, reason), 'Retracted.')) onClose()
  }
  return (
    <div className="retract-form" ref={box}>
      <TextField
        label="Reason for retracting"
        hint="Replay will skip this move; the journal keeps it and your reason"
        value={reason}
        onChange={setReason}
        problems={[...(at.reason ?? []), ...(at.target ?? [])]}
      />
      <RecordingStatus recorder={recorder} rest={rest} />
      <Button kind="danger" onClick={() => void save()} disabled={recorder.busy}>
        Confirm retraction
      </Button>{' '}
      <Button onClick={onClose}>Cancel</Button>
    </div>
  )
}

export function JournalTimeline({ model }: { model: NegotiationModel }) {
  const [open, setOpen] = useState<string>()
  const { state } = model.derived
  // A retraction shows on the move it retracts; only one that retracts nothing known stands alone.
  const lines = journalLines(model.space.issues, model.journal, state.retracted, state.findings).filter(
    (line) => line.type !== 'retract' || line.skipped.length > 0,
  )
  // The other side's own answers, given through a share link, and what they said with them.
  const fromDealRoom = new Map(
    model.journal
      .filter((event) => event.source === 'deal-room')
      .map((event) => [
        event.id,
        event.type === 'bundle-chosen' || event.type === 'bundles-ranked'
          ? event.comment
          : event.type === 'offer-rejected'
            ? event.reason
            : undefined,
      ]),
  )
  const buttons = useRef(new Map<string, HTMLButtonElement | null>())
  if (lines.length === 0) return <p>No moves recorded yet.</p>
  const close = (id: string) => {
    setOpen(undefined)
    buttons.current.get(id)?.focus()
  }
  return (
    <ol className="timeline">
      {lines.map((line) => (
        <li
          key={line.id}
          className={`timeline-item side-${line.side}${line.retracted ? ' retracted' : ''}${line.skipped.length ? ' skipped' : ''}`}
        >
          <div className="timeline-head">
            <time dateTime={line.at}>{new Date(line.at).toLocaleString()}</time>
            <span className="side">{line.side === 'us' ? 'Us' : 'Them'}</span>
            <span className="type">{line.typeLabel}</span>
            <span className="hint">round {line.round}</span>
            {fromDealRoom.has(line.id) ? <span className="deal-room-mark">from the deal room</span> : null}
          </div>
          <p className="summary">{line.summary}</p>
          {fromDealRoom.get(line.id) ? <p className="summary">“{fromDealRoom.get(line.id)}”</p> : null}
          {line.retracted ? (
            <p className="flag">
              Retracted
              {line.retractedAt ? ` on ${new Date(line.retractedAt).toLocaleString()}` : ''}
              {line.retractionReason ? `: ${line.retractionReason}` : ''}
            </p>
          ) : null}
          {line.skipped.map((message) => (
            <p key={message} className="flag">
              Skipped: {message}
            </p>
          ))}
          {model.canEdit && line.retractable ? (
            open === line.id ? (
              <RetractForm model={model} line={line} onClose={() => close(line.id)} />
            ) : (
              <button
                type="button"
                className="button secondary retract"
                ref={(element) => {
                  buttons.current.set(line.id, element)
                }}
                onClick={() => setOpen(line.id)}
              >
                Retract
              </button>
            )
          ) : null}
        </li>
      ))}
    </ol>
  )
}
