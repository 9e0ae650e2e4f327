/**
 * "Show the maths": every figure is in a salesperson's words by default ("we learned a lot from
 * their answer", "worth 72 of 100 to us"); the switch reveals the exact terms an expert looks for
 * (bits, samples, seeds, Nash products), as core's glossary words both. The choice is kept in this
 * browser, so an expert does not switch it on at every visit.
 */
import { createContext, type ReactNode, useCallback, useContext, useEffect, useState } from 'react'

const STORAGE_KEY = 'parley.showMaths'

interface Maths {
  shown: boolean
  setShown(shown: boolean): void
}

const MathsContext = createContext<Maths>({ shown: false, setShown: () => undefined })

function stored(): boolean {
  try {
    return globalThis.localStorage?.getItem(STORAGE_KEY) === 'true'
  } catch {
    // Storage refused (private mode, a policy): the plain words, as by default.
    return false
  }
}

export function MathsProvider({ children }: { children: ReactNode }) {
  const [shown, setState] = useState(stored)
  const setShown = useCallback((next: boolean) => setState(next), [])
  useEffect(() => {
    try {
      globalThis.localStorage?.setItem(STORAGE_KEY, String(shown))
    } catch {
      // Not kept: the switch still works for this visit.
    }
  }, [shown])
  return <MathsContext.Provider value={{ shown, setShown }}>{children}</MathsContext.Provider>
}

/** Whether the exact terms are shown. */
export function useMaths(): boolean {
  return useContext(MathsContext).shown
}

export function MathsSwitch() {
  const { shown, setShown } = useContext(MathsContext)
  return (
    <label className="maths-switch">
      <input type="checkbox" checked={shown} onChange={(event) => setShown(event.target.checked)} /> Show the
      maths
    </label>
  )
}

/** Plain words by default, the exact ones with the maths shown. */
export function Figure({ plain, maths }: { plain: ReactNode; maths: ReactNode }) {
  return <>{useMaths() ? maths : plain}</>
}
