/**
 * A one-time link to pass on: shown in a read-only field (selected on focus, so it can be copied by
 * hand too) with a button that copies it and says so, and when the link stops working.
 */
import { useId, useRef, useState } from 'react'
import { Button } from '../ui/controls'
import './copy-field.css'

export function CopyField({ label, value, expiresAt }: { label: string; value: string; expiresAt?: string }) {
  const id = useId()
  const input = useRef<HTMLInputElement>(null)
  const [copied, setCopied] = useState<'yes' | 'no' | undefined>()
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(value)
      setCopied('yes')
    } catch {
      // Without clipboard access (an address that is not secure), select it for a manual copy.
      input.current?.select()
      setCopied('no')
    }
  }
  return (
    <div className="field ws-copy-field">
      <label htmlFor={id}>{label}</label>
      <div className="ws-copy-row">
        <input
          id={id}
          ref={input}
          readOnly
          value={value}
          onFocus={(event) => event.target.select()}
          aria-describedby={expiresAt ? `${id}-expiry` : undefined}
        />
        <Button onClick={() => void copy()}>Copy</Button>
      </div>
      {expiresAt ? (
        <p className="hint" id={`${id}-expiry`}>
          Works once, until <time dateTime={expiresAt}>{new Date(expiresAt).toLocaleString()}</time>.
        </p>
      ) : null}
      <output className="hint" aria-live="polite">
        {copied === 'yes' ? 'Copied.' : copied === 'no' ? 'Selected: press Ctrl+C (⌘C) to copy.' : ''}
      </output>
    </div>
  )
}
