/**
 * A list item just added (a stakeholder, an evidence item, a condition) takes the focus on its
 * first field, so its name can be typed at once and a keyboard user is not left on the button.
 */
import { useEffect, useRef } from 'react'

export function useFocusWhenAdded<E extends HTMLElement>(focus: boolean) {
  const ref = useRef<E>(null)
  // Only when the item first appears: later renders leave the focus where the person put it.
  // biome-ignore lint/correctness/useExhaustiveDependencies: see above
  useEffect(() => {
    if (focus) ref.current?.querySelector<HTMLElement>('input, textarea, select')?.focus()
  }, [])
  return ref
}
