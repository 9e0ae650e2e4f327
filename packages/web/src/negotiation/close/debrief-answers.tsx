/**
 * The debrief prompts with their answers: typed in place, saved together as one `debrief` event
 * holding the answers that changed (the journal keeps every version; the latest counts).
 */
import type { AnsweredPrompt } from '@parley/core'
import { useState } from 'react'
import { Button, Notice, Section, TextField } from '../../ui/controls'
import { problemLine } from '../../workspace/field-problems'
import type { NegotiationModel } from '../model'
import { changedAnswers } from './debrief'

export function DebriefAnswers({ model, prompts }: { model: NegotiationModel; prompts: AnsweredPrompt[] }) {
  const [drafts, setDrafts] = useState<Record<string, string>>(() =>
    Object.fromEntries(prompts.map((prompt) => [prompt.id, prompt.answer ?? ''])),
  )
  const [busy, setBusy] = useState(false)
  const [message, setMessage] = useState<{ kind: 'success' | 'error' | 'info'; text: string }>()
  const changed = changedAnswers(prompts, drafts)
  const count = Object.keys(changed).length

  const save = async () => {
    if (count === 0) {
      setMessage({ kind: 'info', text: 'Nothing to save: no answer changed.' })
      return
    }
    setBusy(true)
    setMessage(undefined)
    try {
      const result = await model.append({ type: 'debrief', answers: changed })
      setMessage(
        result.ok
          ? { kind: 'success', text: count === 1 ? 'One answer saved.' : `${count} answers saved.` }
          : { kind: 'error', text: result.problems.map(problemLine).join('; ') },
      )
    } catch (caught) {
      setMessage({ kind: 'error', text: caught instanceof Error ? caught.message : String(caught) })
    } finally {
      setBusy(false)
    }
  }

  if (!model.canEdit)
    return (
      <Section title="Debrief">
        <dl className="debrief-read">
          {prompts.map((prompt) => (
            <div key={prompt.id}>
              <dt>{prompt.text}</dt>
              <dd>{prompt.answer ?? <span className="hint">not answered yet</span>}</dd>
            </div>
          ))}
        </dl>
      </Section>
    )
  return (
    <Section title="Debrief">
      <p className="hint">Answer while it is fresh; the answers stay in the journal with the negotiation.</p>
      {prompts.map((prompt) => (
        <TextField
          key={prompt.id}
          multiline
          className="debrief-prompt"
          label={prompt.text}
          value={drafts[prompt.id] ?? ''}
          onChange={(text) => {
            setDrafts((current) => ({ ...current, [prompt.id]: text }))
            setMessage(undefined)
          }}
        />
      ))}
      {message ? <Notice kind={message.kind}>{message.text}</Notice> : null}
      <Button kind="primary" onClick={() => void save()} disabled={busy}>
        Save answers
      </Button>
      {count > 0 ? (
        <span className="hint debrief-unsaved">
          {' '}
          {count === 1 ? 'One answer not saved yet' : `${count} answers not saved yet`}
        </span>
      ) : null}
    </Section>
  )
}
