/**
 * The sealed floor: our reservation, aspiration and walk-away limits stay hidden on screen until
 * someone reveals them on purpose, so a screen shared in a call does not show them. One click
 * reveals them for the page being viewed; opening another stage (or this one again) seals them
 * again, because a reveal is a decision about one moment, not a setting.
 */

import { capitalised } from '@parley/core'
import { createContext, type ReactNode, useContext, useEffect, useState } from 'react'
import { PrivateMark } from '../ui/controls'

interface Seal {
  revealed: boolean
  setRevealed: (revealed: boolean) => void
}

const SealContext = createContext<Seal>({ revealed: false, setRevealed: () => undefined })

/** Around one page view: mount it with the page's key so each view starts sealed. */
export function FloorSealProvider({ children }: { children: ReactNode }) {
  const [revealed, setRevealed] = useState(false)
  return <SealContext.Provider value={{ revealed, setRevealed }}>{children}</SealContext.Provider>
}

/** Whether the floor is shown on this page view. */
export function useFloorRevealed(): boolean {
  return useContext(SealContext).revealed
}

/**
 * Its children when the floor is revealed; else a sealed box saying what is hidden, with the
 * button that reveals the floor on this page. `inline` for a cell or a line inside other text.
 */
export function Sealed({
  what,
  children,
  inline,
  open,
}: {
  what: string
  children: ReactNode
  inline?: boolean
  /** Shown regardless, as while a problem in it is being fixed (its problem links must land). */
  open?: boolean
}) {
  const { revealed, setRevealed } = useContext(SealContext)
  // Once shown for a problem, it stays shown on this page view: fixing it must not hide the field.
  useEffect(() => {
    if (open) setRevealed(true)
  }, [open, setRevealed])
  if (revealed || open) return <>{children}</>
  if (inline) {
    return (
      <span className="sealed inline">
        <span className="sealed-dots" aria-hidden="true">
          ••••
        </span>{' '}
        <RevealButton what={what} reveal={() => setRevealed(true)} />
      </span>
    )
  }
  return (
    <div className="sealed">
      <p>
        <PrivateMark>Hidden</PrivateMark> {capitalised(what)}: hidden so a shared screen does not show our
        floor.
      </p>
      <RevealButton what={what} reveal={() => setRevealed(true)} />
    </div>
  )
}

/** The button that seals the floor again, shown while it is revealed. */
export function SealAgain() {
  const { revealed, setRevealed } = useContext(SealContext)
  if (!revealed) return null
  return (
    <p className="sealed-again">
      <button type="button" className="button secondary reveal" onClick={() => setRevealed(false)}>
        Hide our floor again
      </button>
    </p>
  )
}

/** A button that only shows (class `reveal`: it changes nothing, so a viewer has it too). */
function RevealButton({ what, reveal }: { what: string; reveal: () => void }) {
  return (
    <button type="button" className="button secondary reveal" onClick={reveal}>
      Show {what}
    </button>
  )
}
