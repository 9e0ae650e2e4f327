/**
 * A wide table's box: on a narrow screen the table scrolls sideways inside it instead of widening
 * the page. The box is a named region that takes the keyboard focus, so the arrow keys scroll it
 * for someone without a mouse (a scrollable region must be reachable by keyboard).
 */
import type { ReactNode } from 'react'

export function ScrollRegion({
  label,
  className,
  children,
}: {
  label: string
  className?: string
  children: ReactNode
}) {
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must take the focus to scroll by keyboard
    <section className={`scroll-region${className ? ` ${className}` : ''}`} aria-label={label} tabIndex={0}>
      {children}
    </section>
  )
}
