/**
 * The fairness story: a paragraph the signers on both sides could repeat, drafted by core from what
 * may be shared and then edited. Drafting over text someone wrote keeps it, to put back.
 */
import { useState } from 'react'
import { Button, TextField } from '../../ui/controls'

export function FairnessStory({
  value,
  problems,
  draft,
  onChange,
}: {
  value: string
  problems: { message: string }[]
  /** The story core drafts for the terms as they stand. */
  draft: () => string
  onChange: (story: string) => void
}) {
  const [replaced, setReplaced] = useState<string>()
  const draftStory = () => {
    const story = draft()
    if (value.trim() && value !== story) setReplaced(value)
    onChange(story)
  }
  return (
    <fieldset className="close-fairness">
      <legend>Fairness story</legend>
      <p className="hint">
        A short paragraph the signers on both sides could repeat. The draft uses only what may be shared: the
        terms, the decision rule, the evidence and the trades made.
      </p>
      <TextField multiline label="Fairness story" value={value} problems={problems} onChange={onChange} />
      <div className="close-buttons">
        <Button onClick={draftStory}>Draft the fairness story</Button>
        {replaced !== undefined ? (
          <Button
            onClick={() => {
              onChange(replaced)
              setReplaced(undefined)
            }}
          >
            Put my text back
          </Button>
        ) : null}
      </div>
    </fieldset>
  )
}
