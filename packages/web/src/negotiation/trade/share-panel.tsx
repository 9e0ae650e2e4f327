/**
 * "Share with them": the team's share links for this negotiation. An editor makes a link (a label
 * for the team's own use, an optional expiry), sees its address once to copy and hand over, and
 * revokes a link at once; every member sees the links and when the other side last used each.
 */
import type { NewShareLink, ShareLink } from '@parley/server/contract'
import { useCallback, useEffect, useMemo, useState } from 'react'
import { createShareLink, listShareLinks, revokeShareLink } from '../../api/deal-room'
import { Button, Notice, SelectField, TextField } from '../../ui/controls'
import { CopyField } from '../../workspace/copy-field'
import type { NegotiationModel } from '../model'

const EXPIRIES = [
  { value: 'never', label: 'Until revoked' },
  { value: '1', label: '1 day' },
  { value: '7', label: '7 days' },
  { value: '30', label: '30 days' },
] as const
type Expiry = (typeof EXPIRIES)[number]['value']

function when(at: string | null, none: string): string {
  return at ? new Date(at).toLocaleString() : none
}

function state(link: ShareLink): string {
  if (link.revoked) return 'revoked'
  if (link.expired) return 'expired'
  return 'active'
}

export function SharePanel({ model }: { model: NegotiationModel }) {
  const record = model.record
  const at = useMemo(
    () => ({ workspaceId: record?.workspaceId ?? '', negotiationId: record?.id ?? '' }),
    [record?.workspaceId, record?.id],
  )
  const [links, setLinks] = useState<ShareLink[]>()
  const [label, setLabel] = useState('')
  const [expiry, setExpiry] = useState<Expiry>('never')
  const [made, setMade] = useState<NewShareLink>()
  const [error, setError] = useState<string>()
  const [busy, setBusy] = useState(false)

  const load = useCallback(async () => {
    if (!at.negotiationId) return
    try {
      setLinks(await listShareLinks(at))
    } catch (caught) {
      setError(caught instanceof Error ? caught.message : String(caught))
    }
  }, [at])
  useEffect(() => {
    void load()
  }, [load])

  const act = async (action: () => Promise<void>) => {
    setBusy(true)
    setError(undefined)
    try {
      await action()
      await load()
    } catch (caught) {
      setError(caught instanceof Error ? caught.message : String(caught))
    } finally {
      setBusy(false)
    }
  }
  const create = () =>
    act(async () => {
      const link = await createShareLink(at, {
        ...(label.trim() ? { label: label.trim() } : {}),
        ...(expiry === 'never' ? {} : { expiresInDays: Number(expiry) }),
      })
      setMade(link)
      setLabel('')
    })

  return (
    <div className="share-panel">
      <p className="hint">
        A link for {model.plan.parties.them.name}: with it, and no account, they see the parties, the issues,
        the decision rule as agreed and our latest offer (nothing private), and answer it. Their answers come
        into the journal, marked as from the deal room.
      </p>
      {model.canEdit ? (
        <div className="share-create">
          <TextField
            label="Label (for us only)"
            hint="Who the link is for; the other side never sees it"
            value={label}
            onChange={setLabel}
          />
          <SelectField label="Expires" value={expiry} options={EXPIRIES} onChange={setExpiry} />
          <Button kind="primary" disabled={busy} onClick={() => void create()}>
            Create link
          </Button>
        </div>
      ) : null}
      {made ? (
        <div className="share-made">
          <CopyField label="Link for them (shown once)" value={made.url} />
          <p className="hint">
            {made.expiresAt
              ? `Works until ${new Date(made.expiresAt).toLocaleString()}, or until revoked.`
              : 'Works until revoked.'}{' '}
            Only its fingerprint is kept: copy it now.
          </p>
        </div>
      ) : null}
      {error ? <Notice kind="error">{error}</Notice> : null}
      {links === undefined ? null : links.length === 0 ? (
        <p>No links yet.</p>
      ) : (
        <table className="share-links">
          <caption className="visually-hidden">Share links</caption>
          <thead>
            <tr>
              <th scope="col">Label</th>
              <th scope="col">Made</th>
              <th scope="col">Last used</th>
              <th scope="col">Expires</th>
              <th scope="col">State</th>
              {model.canEdit ? <th scope="col">Revoke</th> : null}
            </tr>
          </thead>
          <tbody>
            {links.map((link) => (
              <tr key={link.id}>
                <th scope="row">{link.label || '(no label)'}</th>
                <td>{when(link.createdAt, '')}</td>
                <td>{when(link.lastUsedAt, 'never')}</td>
                <td>{when(link.expiresAt, 'never')}</td>
                <td>{state(link)}</td>
                {model.canEdit ? (
                  <td>
                    {link.revoked ? null : (
                      <button
                        type="button"
                        className="button danger"
                        disabled={busy}
                        aria-label={`Revoke ${link.label || 'the link'}`}
                        onClick={() => void act(() => revokeShareLink(at, link.id))}
                      >
                        Revoke
                      </button>
                    )}
                  </td>
                ) : null}
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  )
}
