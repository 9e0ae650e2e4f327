/**
 * What an editor can do with a negotiation as a whole: duplicate it (the plan, not the journal),
 * archive it (hidden from the list, restorable there) or delete it for good, which asks once more.
 * Renaming is the title field of Set up, saved with the plan.
 */
import { useState } from 'react'
import { archiveNegotiation, deleteNegotiation, duplicateNegotiation } from '../api/negotiations'
import { navigate } from '../router'
import { Button, Notice } from '../ui/controls'

export function ManageNegotiation({
  workspaceId,
  negotiationId,
  title,
}: {
  workspaceId: string
  negotiationId: string
  title: string
}) {
  const at = { workspaceId, negotiationId }
  const [confirming, setConfirming] = useState(false)
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string>()
  const run = async (action: () => Promise<void>) => {
    setBusy(true)
    setError(undefined)
    try {
      await action()
    } catch (caught) {
      setError(caught instanceof Error ? caught.message : String(caught))
    } finally {
      setBusy(false)
    }
  }
  return (
    <details className="manage-negotiation">
      <summary>Manage</summary>
      <div className="manage-actions">
        {error ? <Notice kind="error">{error}</Notice> : null}
        <Button
          disabled={busy}
          onClick={() =>
            void run(async () => {
              const copy = await duplicateNegotiation(at)
              navigate(`/w/${workspaceId}/n/${copy.id}`)
            })
          }
        >
          Duplicate
        </Button>
        <Button
          disabled={busy}
          onClick={() =>
            void run(async () => {
              await archiveNegotiation(at, true)
              navigate(`/w/${workspaceId}`)
            })
          }
        >
          Archive
        </Button>
        {confirming ? (
          <>
            <p>Delete “{title}” and its journal for good? Archive it instead to keep it out of the list.</p>
            <Button
              kind="danger"
              disabled={busy}
              onClick={() =>
                void run(async () => {
                  await deleteNegotiation(at)
                  navigate(`/w/${workspaceId}`)
                })
              }
            >
              Delete for good
            </Button>
            <Button onClick={() => setConfirming(false)}>Keep it</Button>
          </>
        ) : (
          <Button kind="danger" disabled={busy} onClick={() => setConfirming(true)}>
            Delete…
          </Button>
        )}
      </div>
    </details>
  )
}
