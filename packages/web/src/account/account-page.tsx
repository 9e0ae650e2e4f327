/**
 * Your account: your name, your password (the current one and a new one; the server's policy says
 * at the field what is wrong with a new one), and your API tokens for scripts (made with an
 * optional expiry, the secret shown once to copy, revoked one by one). A new password signs out
 * your other sessions and revokes every token, and the page says how many.
 */
import type { ApiToken, NewApiToken } from '@parley/server/contract'
import { type FormEvent, type ReactNode, useCallback, useEffect, useState } from 'react'
import { changePassword, createApiToken, listApiTokens, rename, revokeApiToken } from '../api/accounts'
import { ApiError, type ApiProblem, problemsAtField } from '../api/http'
import { useSession } from '../session'
import { Button, Notice, Section, SelectField, TextField } from '../ui/controls'
import { RecordTable } from '../ui/record-table'
import { CopyField } from '../workspace/copy-field'
import { REPLACEMENT_PASSWORD_LABEL } from './password-labels'
import { markPasswordChangeSeen } from './password-notice'
import './account.css'

const EXPIRY_OPTIONS = [
  { value: 'never', label: 'Never' },
  { value: '7', label: 'In 7 days' },
  { value: '30', label: 'In 30 days' },
  { value: '90', label: 'In 90 days' },
  { value: '365', label: 'In a year' },
] as const
type Expiry = (typeof EXPIRY_OPTIONS)[number]['value']

function plural(count: number, one: string, many: string): string {
  return `${count} ${count === 1 ? one : many}`
}

/** A refusal as field problems, and the message when no field is named. */
function failureOf(caught: unknown): { problems: ApiProblem[]; message?: string } {
  if (caught instanceof ApiError)
    return { problems: caught.problems, ...(caught.path ? {} : { message: caught.message }) }
  return { problems: [], message: caught instanceof Error ? caught.message : String(caught) }
}

function formatTime(at: string | null, none: string): ReactNode {
  return at ? <time dateTime={at}>{new Date(at).toLocaleString()}</time> : none
}

export function AccountPage() {
  return (
    <main id="main" className="page account-page">
      <h1>Your account</h1>
      <NameSection />
      <PasswordSection />
      <TokensSection />
    </main>
  )
}

function NameSection() {
  const session = useSession()
  const [name, setName] = useState(session.user?.name ?? '')
  const [problems, setProblems] = useState<ApiProblem[]>([])
  const [notice, setNotice] = useState<{ kind: 'success' | 'error'; text: string }>()
  const save = async (event: FormEvent) => {
    event.preventDefault()
    setNotice(undefined)
    setProblems([])
    try {
      await rename(name)
      await session.refresh()
      setNotice({ kind: 'success', text: 'Your name is saved.' })
    } catch (caught) {
      const failure = failureOf(caught)
      setProblems(failure.problems)
      if (failure.message) setNotice({ kind: 'error', text: failure.message })
    }
  }
  return (
    <Section title="Your name">
      <form onSubmit={(event) => void save(event)} noValidate>
        {notice ? <Notice kind={notice.kind}>{notice.text}</Notice> : null}
        <TextField
          label="Name"
          autoComplete="name"
          value={name}
          onChange={setName}
          problems={problemsAtField(problems, 'name')}
        />
        <Button type="submit">Save name</Button>
      </form>
    </Section>
  )
}

function PasswordSection() {
  const session = useSession()
  const [current, setCurrent] = useState('')
  const [next, setNext] = useState('')
  const [busy, setBusy] = useState(false)
  const [problems, setProblems] = useState<ApiProblem[]>([])
  const [notice, setNotice] = useState<{ kind: 'success' | 'error'; text: string }>()
  const change = async (event: FormEvent) => {
    event.preventDefault()
    setNotice(undefined)
    setProblems([])
    setBusy(true)
    try {
      const { passwordChange: done } = await changePassword({ current, new: next })
      // Made here: no notice about it in this browser.
      if (session.user) markPasswordChangeSeen(session.user.id, done.at)
      setCurrent('')
      setNext('')
      setNotice({
        kind: 'success',
        text: `Your password was changed: ${plural(done.sessionsEnded, 'other session was', 'other sessions were')} signed out and ${plural(done.tokensRevoked, 'API token was', 'API tokens were')} revoked.`,
      })
      await session.refresh()
    } catch (caught) {
      const failure = failureOf(caught)
      setProblems(failure.problems)
      if (failure.message) setNotice({ kind: 'error', text: failure.message })
    } finally {
      setBusy(false)
    }
  }
  return (
    <Section title="Password">
      <form onSubmit={(event) => void change(event)} noValidate>
        {notice ? <Notice kind={notice.kind}>{notice.text}</Notice> : null}
        <TextField
          label="Current password"
          type="password"
          autoComplete="current-password"
          value={current}
          onChange={setCurrent}
          problems={problemsAtField(problems, 'password.current')}
        />
        <TextField
          label={REPLACEMENT_PASSWORD_LABEL}
          type="password"
          autoComplete="new-password"
          hint="Hard to guess: a few unrelated words work well. Changing it signs out your other sessions and revokes your API tokens."
          value={next}
          onChange={setNext}
          problems={problemsAtField(problems, 'password.new')}
        />
        <Button type="submit" kind="primary" disabled={busy}>
          {busy ? 'Working…' : 'Change password'}
        </Button>
      </form>
    </Section>
  )
}

function TokensSection() {
  // A new password revokes every token: the list is read again when the session says it changed.
  const changedAt = useSession().passwordChange?.at
  const [tokens, setTokens] = useState<ApiToken[]>()
  const [name, setName] = useState('')
  const [expiry, setExpiry] = useState<Expiry>('never')
  const [problems, setProblems] = useState<ApiProblem[]>([])
  const [error, setError] = useState<string>()
  const [made, setMade] = useState<Pick<NewApiToken, 'name' | 'token' | 'expiresAt'>>()
  const [notice, setNotice] = useState<string>()

  const load = useCallback(async () => {
    try {
      setTokens(await listApiTokens())
    } catch (caught) {
      setError(failureOf(caught).message)
    }
  }, [])
  useEffect(() => {
    void changedAt
    void load()
  }, [load, changedAt])

  const create = async (event: FormEvent) => {
    event.preventDefault()
    setProblems([])
    setError(undefined)
    setNotice(undefined)
    try {
      const reply = await createApiToken({
        name,
        ...(expiry === 'never' ? {} : { expiresInDays: Number(expiry) }),
      })
      setMade({ name: reply.name, token: reply.token, expiresAt: reply.expiresAt })
      setName('')
      await load()
    } catch (caught) {
      const failure = failureOf(caught)
      setProblems(failure.problems)
      setError(failure.message)
    }
  }

  const revoke = async (token: ApiToken) => {
    setError(undefined)
    try {
      await revokeApiToken(token.id)
      if (made && made.name === token.name) setMade(undefined)
      setNotice(`The token “${token.name}” is revoked: scripts using it are refused from now on.`)
      await load()
    } catch (caught) {
      setError(failureOf(caught).message)
    }
  }

  const now = Date.now()
  return (
    <Section title="API tokens">
      <p className="hint">
        A token lets a script use the API as you (send it as <code>Authorization: Bearer pat_…</code>). Anyone
        holding it can do what you can: give each script its own, and revoke one you no longer use.
      </p>
      {error ? <Notice kind="error">{error}</Notice> : null}
      {notice ? <Notice kind="success">{notice}</Notice> : null}
      {!tokens ? (
        <p aria-busy="true">Loading…</p>
      ) : tokens.length === 0 ? (
        <p>You have no API token.</p>
      ) : (
        <RecordTable
          caption="Your API tokens"
          className="table account-tokens"
          columns={['Name', 'Created', 'Last used', 'Expires']}
          actions="Actions"
        >
          {tokens.map((token) => (
            <tr key={token.id}>
              <th scope="row">{token.name}</th>
              <td>{formatTime(token.createdAt, '')}</td>
              <td>{formatTime(token.lastUsedAt, 'Never')}</td>
              <td>
                {token.expiresAt && Date.parse(token.expiresAt) <= now ? 'Expired ' : null}
                {formatTime(token.expiresAt, 'Never')}
              </td>
              <td>
                <Button kind="danger" onClick={() => void revoke(token)}>
                  Revoke<span className="visually-hidden"> the token {token.name}</span>
                </Button>
              </td>
            </tr>
          ))}
        </RecordTable>
      )}
      {made ? (
        <div className="account-new-token">
          <CopyField label={`The secret of “${made.name}”`} value={made.token} />
          <p className="hint">
            Shown only this once: copy it now.{' '}
            {made.expiresAt ? (
              <>
                It stops working on{' '}
                <time dateTime={made.expiresAt}>{new Date(made.expiresAt).toLocaleString()}</time>.
              </>
            ) : (
              'It works until you revoke it.'
            )}
          </p>
        </div>
      ) : null}
      <form className="account-token-form" onSubmit={(event) => void create(event)} noValidate>
        <h3>New token</h3>
        <div className="form-row">
          <TextField
            label="Token name"
            hint="What it is for, such as “nightly export”"
            value={name}
            onChange={setName}
            problems={problemsAtField(problems, 'name')}
          />
          <SelectField
            label="Expires"
            value={expiry}
            options={EXPIRY_OPTIONS}
            onChange={setExpiry}
            problems={problemsAtField(problems, 'expiresInDays')}
          />
        </div>
        <Button type="submit">Create token</Button>
      </form>
    </Section>
  )
}
