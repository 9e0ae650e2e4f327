/**
 * Signing in, the first owner's setup with the token the server printed, accepting an invitation
 * (for the email it names, when it names one) and setting a new password from a reset link.
 * Errors show the server's message next to the field.
 */
import type { InvitationPreview } from '@parley/server/contract'
import { type FormEvent, type ReactNode, useEffect, useId, useState } from 'react'
import {
  acceptInvitation,
  invitationPreview,
  passwordResetState,
  resetPassword,
  setUp,
  signIn,
} from '../api/accounts'
import { ApiError, type ApiProblem, problemsAtField } from '../api/http'
import { navigate } from '../router'
import { useSession } from '../session'
import { Button, Notice, ProblemList, TextField } from '../ui/controls'
import { ROLE_WITH_ARTICLE } from '../workspace/roles'
import { NEW_PASSWORD_HINT, NEW_PASSWORD_LABEL, REPLACEMENT_PASSWORD_LABEL } from './password-labels'
import { markPasswordChangeSeen } from './password-notice'

/** The email an invitation is for: shown, sent, and not to be changed (only it can accept). */
function FixedEmail({ email, problems }: { email: string; problems: readonly { message: string }[] }) {
  const id = useId()
  return (
    <div className="field">
      <label htmlFor={id}>Email</label>
      <input
        id={id}
        type="email"
        readOnly
        value={email}
        autoComplete="username"
        aria-describedby={`${id}-hint ${problems.length ? `${id}-problems` : ''}`.trim()}
      />
      <p className="hint" id={`${id}-hint`}>
        This invitation is for this address only.
      </p>
      <ProblemList id={`${id}-problems`} problems={problems} />
    </div>
  )
}

function Form({
  title,
  children,
  onSubmit,
  error,
}: {
  title: string
  children: ReactNode
  onSubmit: () => Promise<void>
  error?: string
}) {
  const [busy, setBusy] = useState(false)
  const submit = async (event: FormEvent) => {
    event.preventDefault()
    setBusy(true)
    try {
      await onSubmit()
    } finally {
      setBusy(false)
    }
  }
  return (
    <main id="main" className="page narrow">
      <h1>{title}</h1>
      <form onSubmit={(event) => void submit(event)} noValidate>
        {error ? <Notice kind="error">{error}</Notice> : null}
        {children}
        <Button type="submit" kind="primary" disabled={busy}>
          {busy ? 'Working…' : title}
        </Button>
      </form>
    </main>
  )
}

function useFailure() {
  const [problems, setProblems] = useState<ApiProblem[]>([])
  const [error, setError] = useState<string>()
  const fail = (caught: unknown) => {
    if (caught instanceof ApiError) {
      setProblems(caught.problems)
      setError(caught.path ? undefined : caught.message)
    } else setError(String(caught))
  }
  const clear = () => {
    setProblems([])
    setError(undefined)
  }
  return { problems, error, fail, clear }
}

export function LoginPage() {
  const session = useSession()
  const [email, setEmail] = useState('')
  const [password, setPassword] = useState('')
  const failure = useFailure()
  return (
    <Form
      title="Sign in"
      error={failure.error}
      onSubmit={async () => {
        failure.clear()
        try {
          await signIn({ email, password })
          await session.refresh()
          navigate('/')
        } catch (caught) {
          failure.fail(caught)
        }
      }}
    >
      <TextField
        label="Email"
        type="email"
        autoComplete="username"
        value={email}
        onChange={setEmail}
        problems={problemsAtField(failure.problems, 'email')}
      />
      <TextField
        label="Password"
        type="password"
        autoComplete="current-password"
        value={password}
        onChange={setPassword}
        problems={problemsAtField(failure.problems, 'password')}
      />
    </Form>
  )
}

export function SetupPage() {
  const session = useSession()
  const [token, setToken] = useState(() => new URLSearchParams(location.search).get('token') ?? '')
  const [email, setEmail] = useState('')
  const [name, setName] = useState('')
  const [password, setPassword] = useState('')
  const [workspace, setWorkspace] = useState('')
  const failure = useFailure()
  return (
    <Form
      title="Create the first owner"
      error={failure.error}
      onSubmit={async () => {
        failure.clear()
        try {
          await setUp({
            token: token.trim(),
            email,
            name,
            password,
            ...(workspace.trim() ? { workspace } : {}),
          })
          await session.refresh()
          navigate('/')
        } catch (caught) {
          failure.fail(caught)
        }
      }}
    >
      <p>
        The server printed a one-time setup token when it first started. Paste it here to create the first
        account.
      </p>
      <TextField
        label="Setup token"
        value={token}
        onChange={setToken}
        problems={problemsAtField(failure.problems, 'token')}
      />
      <TextField
        label="Your name"
        autoComplete="name"
        value={name}
        onChange={setName}
        problems={problemsAtField(failure.problems, 'name')}
      />
      <TextField
        label="Email"
        type="email"
        autoComplete="username"
        value={email}
        onChange={setEmail}
        problems={problemsAtField(failure.problems, 'email')}
      />
      <TextField
        label={NEW_PASSWORD_LABEL}
        hint={NEW_PASSWORD_HINT}
        type="password"
        autoComplete="new-password"
        value={password}
        onChange={setPassword}
        problems={problemsAtField(failure.problems, 'password')}
      />
      <TextField
        label="Name of your workspace (optional)"
        value={workspace}
        onChange={setWorkspace}
        problems={problemsAtField(failure.problems, 'workspace')}
      />
    </Form>
  )
}

export function JoinPage({ token }: { token: string }) {
  const session = useSession()
  const [invitation, setInvitation] = useState<InvitationPreview>()
  const [gone, setGone] = useState<string>()
  const [email, setEmail] = useState('')
  const [name, setName] = useState('')
  const [password, setPassword] = useState('')
  const failure = useFailure()
  useEffect(() => {
    invitationPreview(token)
      .then((preview) => {
        setInvitation(preview)
        if (preview.email) setEmail(preview.email)
      })
      .catch((caught: unknown) => setGone(caught instanceof Error ? caught.message : String(caught)))
  }, [token])
  if (gone)
    return (
      <main id="main" className="page narrow">
        <Notice kind="error">{gone}</Notice>
      </main>
    )
  if (!invitation) return <p aria-busy="true">Loading…</p>
  const signedIn = Boolean(session.user)
  const otherEmail = signedIn && invitation.email !== null && invitation.email !== session.user?.email
  return (
    <Form
      title={`Join ${invitation.workspace.name}`}
      error={failure.error}
      onSubmit={async () => {
        failure.clear()
        try {
          await acceptInvitation(
            token,
            signedIn ? undefined : { email: invitation.email ?? email, name, password },
          )
          await session.refresh()
          navigate('/')
        } catch (caught) {
          failure.fail(caught)
        }
      }}
    >
      <p>
        You are invited to <strong>{invitation.workspace.name}</strong> as{' '}
        {ROLE_WITH_ARTICLE[invitation.role]}.
      </p>
      {otherEmail ? (
        <Notice kind="error">
          This invitation is for another email address than the one you are signed in with. Sign out and
          accept it with that address, or ask the owner for an invitation for yours.
        </Notice>
      ) : null}
      {signedIn ? (
        <p>You will join as {session.user?.name}.</p>
      ) : (
        <>
          <TextField
            label="Your name"
            autoComplete="name"
            value={name}
            onChange={setName}
            problems={problemsAtField(failure.problems, 'name')}
          />
          {invitation.email ? (
            <FixedEmail email={invitation.email} problems={problemsAtField(failure.problems, 'email')} />
          ) : (
            <TextField
              label="Email"
              type="email"
              autoComplete="username"
              value={email}
              onChange={setEmail}
              problems={problemsAtField(failure.problems, 'email')}
            />
          )}
          <TextField
            label={NEW_PASSWORD_LABEL}
            hint={NEW_PASSWORD_HINT}
            type="password"
            autoComplete="new-password"
            value={password}
            onChange={setPassword}
            problems={problemsAtField(failure.problems, 'password')}
          />
        </>
      )}
    </Form>
  )
}

export function ResetPage({ token }: { token: string }) {
  const session = useSession()
  const [state, setState] = useState<{ email: string | null } | { gone: string }>()
  const [password, setPassword] = useState('')
  const failure = useFailure()
  useEffect(() => {
    passwordResetState(token)
      .then((reset) => setState({ email: reset.email }))
      .catch((caught: unknown) =>
        setState({ gone: caught instanceof Error ? caught.message : String(caught) }),
      )
  }, [token])
  if (!state) return <p aria-busy="true">Loading…</p>
  if ('gone' in state)
    return (
      <main id="main" className="page narrow">
        <Notice kind="error">{state.gone}</Notice>
      </main>
    )
  return (
    <Form
      title="Set a new password"
      error={failure.error}
      onSubmit={async () => {
        failure.clear()
        try {
          const done = await resetPassword(token, password)
          // Set here, by whoever holds the link: this browser needs no notice about it.
          markPasswordChangeSeen(done.user.id, done.passwordChange.at)
          await session.refresh()
          navigate('/')
        } catch (caught) {
          failure.fail(caught)
        }
      }}
    >
      {state.email ? <p>For {state.email}.</p> : null}
      <p>Setting a new password signs out every session of this account and revokes its API tokens.</p>
      <TextField
        label={REPLACEMENT_PASSWORD_LABEL}
        hint={NEW_PASSWORD_HINT}
        type="password"
        autoComplete="new-password"
        value={password}
        onChange={setPassword}
        problems={problemsAtField(failure.problems, 'password')}
      />
    </Form>
  )
}
