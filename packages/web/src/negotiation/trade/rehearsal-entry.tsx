/**
 * The Rehearse entry as the stages place it: a button that opens the rehearsal. The simulator behind
 * it (core's counterpart, its strategies and the rehearsal's debrief) loads when the button first
 * opens it, not with the stage: a stage's first load stays within its JavaScript budget.
 */
import type { Space } from '@parley/core'
import { lazy, Suspense, useState } from 'react'
import { Button } from '../../ui/controls'

const RehearsalPanel = lazy(async () => ({ default: (await import('./rehearsal-panel')).RehearsalPanel }))

export function RehearsalEntry({ space }: { space: Space }) {
  const [open, setOpen] = useState(false)
  return (
    <div className="rehearsal">
      <p>
        Try the talks first against a simulated counterpart whose true preferences only the simulator knows,
        or argue their side. Nothing you do here reaches the journal.
      </p>
      <Button kind={open ? 'secondary' : 'primary'} onClick={() => setOpen(!open)}>
        {open ? 'Close the rehearsal' : 'Rehearse'}
      </Button>
      {open ? (
        <Suspense fallback={<p aria-busy="true">Loading the rehearsal…</p>}>
          <RehearsalPanel space={space} />
        </Suspense>
      ) : null}
    </div>
  )
}
