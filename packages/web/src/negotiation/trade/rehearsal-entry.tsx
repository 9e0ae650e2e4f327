/**
 * The Rehearse entry as the stages place it: the simulator behind it (core's counterpart, its
 * strategies and the rehearsal's debrief) loads only when a stage with it is opened and shown,
 * not with the first stage a person visits.
 */
import { lazy, Suspense } from 'react'
import type { RehearsalEntry as Entry } from './rehearsal-panel'

const Loaded = lazy(async () => ({ default: (await import('./rehearsal-panel')).RehearsalEntry }))

export function RehearsalEntry(props: Parameters<typeof Entry>[0]) {
  return (
    <Suspense fallback={<p aria-busy="true">Loading the rehearsal…</p>}>
      <Loaded {...props} />
    </Suspense>
  )
}
