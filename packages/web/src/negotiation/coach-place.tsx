/**
 * Where the coach sits. On a wide screen it has a column of its own beside the stage and stays in
 * view while the stage scrolls. Below that width there is no room beside the stage, and a coach
 * stacked under it would sit at the bottom of a long page, out of reach; there a Coach button
 * that stays in view opens it as a drawer (a modal dialog: Escape, the Close button or a tap
 * beside it closes it, and the focus goes back to the button). The coach is worked out only
 * while it is shown.
 */
import type { Stage } from '@parley/core'
import { useEffect, useRef, useState } from 'react'
import { CoachPanel } from './coach-panel'
import type { NegotiationModel } from './model'

/** The width below which the coach has no column (as in styles.css). */
const NARROW = '(max-width: 1100px)'

function useMediaQuery(query: string): boolean {
  const [matches, setMatches] = useState(() => window.matchMedia(query).matches)
  useEffect(() => {
    const list = window.matchMedia(query)
    const update = () => setMatches(list.matches)
    update()
    list.addEventListener('change', update)
    return () => list.removeEventListener('change', update)
  }, [query])
  return matches
}

export function CoachPlace({ model, stage }: { model: NegotiationModel; stage: Stage }) {
  const narrow = useMediaQuery(NARROW)
  if (narrow) return <CoachDrawer model={model} stage={stage} />
  return (
    <aside className="coach" aria-label="Coach">
      <CoachPanel model={model} stage={stage} />
    </aside>
  )
}

function CoachDrawer({ model, stage }: { model: NegotiationModel; stage: Stage }) {
  const [open, setOpen] = useState(false)
  const dialog = useRef<HTMLDialogElement>(null)
  useEffect(() => {
    const element = dialog.current
    if (!element) return
    if (open && !element.open) element.showModal()
    if (!open && element.open) element.close()
  }, [open])
  return (
    <>
      <button
        type="button"
        className="button primary coach-opener"
        aria-haspopup="dialog"
        onClick={() => setOpen(true)}
      >
        Coach
      </button>
      {/* A tap on the backdrop lands on the dialog itself; Escape is the keyboard's way to close it. */}
      {/* biome-ignore lint/a11y/useKeyWithClickEvents: the dialog closes on Escape natively */}
      <dialog
        ref={dialog}
        className="coach-drawer"
        aria-label="Coach"
        onClose={() => setOpen(false)}
        onClick={(event) => {
          if (event.target === event.currentTarget) setOpen(false)
        }}
      >
        <div className="coach-drawer-body">
          <button type="button" className="button coach-close" onClick={() => setOpen(false)}>
            Close the coach
          </button>
          {open ? <CoachPanel model={model} stage={stage} /> : null}
        </div>
      </dialog>
    </>
  )
}
