/**
 * The workspace's members and their roles. Owners change roles (the server keeps the last owner
 * from stepping down and says so), remove members, make one-time password-reset links, invite
 * people with one-time links for a role and revoke open invitations, and rename the workspace.
 * Anyone can leave. Others see the members only. No mail server is assumed: links are shown to
 * pass on, with a copy button and when they expire.
 */
import type { Invitation, Member, ResetLink } from '@parley/server/contract'
import { useCallback, useEffect, useState } from 'react'
import { ApiError } from '../api/http'
import {
  changeRole,
  listInvitations,
  listMembers,
  makeResetLink,
  removeMember,
  revokeInvitation,
} from '../api/workspaces'
import { navigate } from '../router'
import { useSession, type Workspace } from '../session'
import { Button, Notice, Section, SelectField } from '../ui/controls'
import { RecordTable } from '../ui/record-table'
import { CopyField } from './copy-field'
import { problemLine } from './field-problems'
import { openInvitations } from './invitations'
import { InviteSomeone, WorkspaceSettings } from './member-forms'
import { WorkspaceNav } from './nav'
import { ROLE_NAMES, ROLE_WITH_ARTICLE, ROLES, type Role } from './roles'
import './workspace.css'

const ROLE_OPTIONS: { value: Role; label: string }[] = ROLES.map((value) => ({
  value,
  label: ROLE_NAMES[value],
}))

type LinkShown = Pick<ResetLink, 'url' | 'expiresAt'>

function messageOf(caught: unknown): string {
  if (caught instanceof ApiError) return caught.problems.map(problemLine).join('; ') || caught.message
  return caught instanceof Error ? caught.message : String(caught)
}

export function MembersPage({ workspace }: { workspace: Workspace }) {
  const session = useSession()
  const isOwner = workspace.role === 'owner'
  const [members, setMembers] = useState<Member[]>()
  const [invitations, setInvitations] = useState<Invitation[]>([])
  const [error, setError] = useState<string>()
  const [rowProblems, setRowProblems] = useState<Record<string, string>>({})
  const [resetLinks, setResetLinks] = useState<Record<string, LinkShown>>({})
  const [notice, setNotice] = useState<string>()

  const load = useCallback(async () => {
    try {
      setMembers(await listMembers(workspace.id))
      if (isOwner) setInvitations(await listInvitations(workspace.id))
    } catch (caught) {
      setError(messageOf(caught))
    }
  }, [workspace.id, isOwner])
  useEffect(() => {
    void load()
  }, [load])

  const rowProblem = (userId: string, message: string | undefined) =>
    setRowProblems((current) => {
      const { [userId]: _old, ...rest } = current
      return message ? { ...rest, [userId]: message } : rest
    })

  const updateRole = async (member: Member, role: Role) => {
    setNotice(undefined)
    try {
      const changed = await changeRole(workspace.id, member.userId, role)
      rowProblem(member.userId, undefined)
      setMembers((current) => current?.map((m) => (m.userId === member.userId ? changed : m)))
      setNotice(`${member.name} is now ${ROLE_WITH_ARTICLE[role]}.`)
      if (member.userId === session.user?.id) await session.refresh()
    } catch (caught) {
      rowProblem(member.userId, messageOf(caught))
    }
  }

  const remove = async (member: Member) => {
    const self = member.userId === session.user?.id
    setNotice(undefined)
    try {
      await removeMember(workspace.id, member.userId)
      if (self) {
        await session.refresh()
        navigate('/')
        return
      }
      rowProblem(member.userId, undefined)
      setMembers((current) => current?.filter((m) => m.userId !== member.userId))
      setNotice(`${member.name} is no longer a member.`)
    } catch (caught) {
      rowProblem(member.userId, messageOf(caught))
    }
  }

  const resetLink = async (member: Member) => {
    try {
      const made = await makeResetLink(workspace.id, member.userId)
      rowProblem(member.userId, undefined)
      setResetLinks((current) => ({ ...current, [member.userId]: made }))
    } catch (caught) {
      rowProblem(member.userId, messageOf(caught))
    }
  }

  const revoke = async (invitation: Invitation) => {
    try {
      await revokeInvitation(workspace.id, invitation.id)
      setInvitations((current) => current.filter((item) => item.id !== invitation.id))
      setNotice('The invitation is revoked: its link no longer works.')
    } catch (caught) {
      setError(messageOf(caught))
    }
  }

  const open = openInvitations(invitations, new Date())
  return (
    <div className="page workspace">
      <WorkspaceNav workspace={workspace} />
      <main id="main" className="workspace-main">
        {error ? <Notice kind="error">{error}</Notice> : null}
        {notice ? <Notice kind="success">{notice}</Notice> : null}
        <Section title="Members">
          {!members ? (
            <p aria-busy="true">Loading…</p>
          ) : (
            <RecordTable
              caption="Members"
              className="table ws-members"
              columns={['Name', 'Email', 'Role', 'Joined']}
              actions="Actions"
            >
              {members.map((member) => {
                const self = member.userId === session.user?.id
                const link = resetLinks[member.userId]
                const problem = rowProblems[member.userId]
                return (
                  <MemberRow
                    key={member.userId}
                    member={member}
                    self={self}
                    isOwner={isOwner}
                    problem={problem}
                    link={link}
                    onRole={(role) => void updateRole(member, role)}
                    onRemove={() => void remove(member)}
                    onReset={() => void resetLink(member)}
                  />
                )
              })}
            </RecordTable>
          )}
        </Section>
        {isOwner ? (
          <>
            <InviteSomeone workspace={workspace} onInvited={() => void load()} />
            <Section title="Open invitations">
              {open.length === 0 ? (
                <p>No invitation is waiting to be used.</p>
              ) : (
                <RecordTable
                  caption="Open invitations"
                  className="table"
                  columns={['Role', 'For', 'Made', 'Expires']}
                  actions="Actions"
                >
                  {open.map((invitation) => (
                    <tr key={invitation.id}>
                      <td>{invitation.role}</td>
                      <td>{invitation.email ?? 'anyone with the link'}</td>
                      <td>
                        <time dateTime={invitation.createdAt}>
                          {new Date(invitation.createdAt).toLocaleString()}
                        </time>
                      </td>
                      <td>
                        <time dateTime={invitation.expiresAt}>
                          {new Date(invitation.expiresAt).toLocaleString()}
                        </time>
                      </td>
                      <td>
                        <Button kind="danger" onClick={() => void revoke(invitation)}>
                          Revoke
                          <span className="visually-hidden">
                            {' '}
                            the {invitation.role} invitation
                            {invitation.email ? ` for ${invitation.email}` : ''} made{' '}
                            {new Date(invitation.createdAt).toLocaleString()}
                          </span>
                        </Button>
                      </td>
                    </tr>
                  ))}
                </RecordTable>
              )}
            </Section>
            <WorkspaceSettings workspace={workspace} />
          </>
        ) : null}
      </main>
    </div>
  )
}

function MemberRow(props: {
  member: Member
  self: boolean
  isOwner: boolean
  problem: string | undefined
  link: LinkShown | undefined
  onRole: (role: Role) => void
  onRemove: () => void
  onReset: () => void
}) {
  const { member, self, isOwner, problem, link } = props
  return (
    <>
      <tr>
        <th scope="row">
          {member.name}
          {self ? <span className="hint"> (you)</span> : null}
        </th>
        <td>{member.email}</td>
        <td>
          {isOwner ? (
            <SelectField
              hideLabel
              className="ws-compact"
              label={`Role of ${member.name}`}
              value={member.role}
              options={ROLE_OPTIONS}
              problems={problem ? [{ message: problem }] : []}
              onChange={props.onRole}
            />
          ) : (
            <>
              {ROLE_NAMES[member.role]}
              {problem ? <p className="field-problems error">{problem}</p> : null}
            </>
          )}
        </td>
        <td>
          <time dateTime={member.joinedAt}>{new Date(member.joinedAt).toLocaleDateString()}</time>
        </td>
        <td>
          <div className="ws-row-actions">
            {self ? (
              <Button kind="danger" onClick={props.onRemove}>
                Leave
              </Button>
            ) : isOwner ? (
              <Button kind="danger" onClick={props.onRemove}>
                Remove {member.name}
              </Button>
            ) : null}
            {isOwner ? <Button onClick={props.onReset}>Password-reset link for {member.name}</Button> : null}
          </div>
        </td>
      </tr>
      {link ? (
        <tr className="ws-link-row">
          <td colSpan={5}>
            <CopyField label={`Reset link for ${member.name}`} value={link.url} expiresAt={link.expiresAt} />
          </td>
        </tr>
      ) : null}
    </>
  )
}
