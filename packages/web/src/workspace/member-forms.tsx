/**
 * The owners' forms on the members page: an invitation link for a role (optionally for one email
 * address), and the workspace's name.
 */
import type { InvitationLink } from '@parley/server/contract'
import { useState } from 'react'
import { ApiError, type ApiProblem } from '../api/http'
import { invite, renameWorkspace } from '../api/workspaces'
import { useSession, type Workspace } from '../session'
import { Button, Notice, Section, SelectField, TextField } from '../ui/controls'
import { CopyField } from './copy-field'
import { placeProblems, problemLine } from './field-problems'
import { INVITATION_ROLES, ROLE_NAMES, ROLE_POWERS, type Role } from './roles'

const INVITE_ROLES: { value: Role; label: string }[] = INVITATION_ROLES.map((value) => ({
  value,
  label: `${ROLE_NAMES[value]}: ${ROLE_POWERS[value]}`,
}))

function problemsOf(caught: unknown): ApiProblem[] {
  if (caught instanceof ApiError)
    return caught.problems.length > 0
      ? caught.problems
      : [{ code: caught.code, message: caught.message, path: '' }]
  return [{ code: 'error', message: caught instanceof Error ? caught.message : String(caught), path: '' }]
}

export function InviteSomeone({ workspace, onInvited }: { workspace: Workspace; onInvited: () => void }) {
  const [role, setRole] = useState<Role>('editor')
  const [email, setEmail] = useState('')
  const [busy, setBusy] = useState(false)
  const [problems, setProblems] = useState<ApiProblem[]>([])
  const [made, setMade] = useState<InvitationLink>()
  const placed = placeProblems(problems)
  const create = async () => {
    setBusy(true)
    setProblems([])
    try {
      setMade(await invite(workspace.id, { role, ...(email.trim() ? { email: email.trim() } : {}) }))
      setEmail('')
      onInvited()
    } catch (caught) {
      setProblems(problemsOf(caught))
    } finally {
      setBusy(false)
    }
  }
  const rest = placed.rest(['role', 'email'])
  return (
    <Section title="Invite someone">
      <p className="hint">
        Parley sends no email: pass the link on yourself. It works once, for 7 days, and gives the role chosen
        here.
      </p>
      <form
        className="ws-invite"
        noValidate
        onSubmit={(event) => {
          event.preventDefault()
          void create()
        }}
      >
        <div className="form-row">
          <SelectField
            label="Role"
            value={role}
            options={INVITE_ROLES}
            problems={placed.at('role')}
            onChange={setRole}
          />
          <TextField
            label="Email (optional)"
            type="email"
            autoComplete="off"
            hint="Only this address can use the link"
            value={email}
            problems={placed.at('email')}
            onChange={setEmail}
          />
        </div>
        {rest.length > 0 ? <Notice kind="error">{rest.map(problemLine).join('; ')}</Notice> : null}
        <Button kind="primary" type="submit" disabled={busy}>
          Create invitation link
        </Button>
      </form>
      {made ? (
        <div className="ws-made-link">
          <CopyField label="Invitation link" value={made.url} expiresAt={made.invitation.expiresAt} />
          <p className="hint">
            For {made.invitation.email ?? 'anyone with the link'}, as {made.invitation.role}.
          </p>
        </div>
      ) : null}
    </Section>
  )
}

export function WorkspaceSettings({ workspace }: { workspace: Workspace }) {
  const session = useSession()
  const [name, setName] = useState(workspace.name)
  const [busy, setBusy] = useState(false)
  const [problems, setProblems] = useState<ApiProblem[]>([])
  const [done, setDone] = useState(false)
  const placed = placeProblems(problems)
  const rename = async () => {
    setBusy(true)
    setProblems([])
    setDone(false)
    try {
      await renameWorkspace(workspace.id, name)
      await session.refresh()
      setDone(true)
    } catch (caught) {
      setProblems(problemsOf(caught))
    } finally {
      setBusy(false)
    }
  }
  const rest = placed.rest(['name'])
  return (
    <Section title="Workspace settings">
      <form
        className="ws-rename"
        onSubmit={(event) => {
          event.preventDefault()
          void rename()
        }}
      >
        <TextField
          label="Workspace name"
          value={name}
          problems={placed.at('name')}
          onChange={(value) => {
            setName(value)
            setDone(false)
          }}
        />
        {rest.length > 0 ? <Notice kind="error">{rest.map(problemLine).join('; ')}</Notice> : null}
        {done ? <Notice kind="success">The workspace is renamed.</Notice> : null}
        <Button type="submit" disabled={busy || name.trim() === '' || name === workspace.name}>
          Rename
        </Button>
      </form>
    </Section>
  )
}
