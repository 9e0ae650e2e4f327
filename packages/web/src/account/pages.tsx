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
import { Button, type FieldProblem, Notice, ProblemList, TextField } from '../ui/controls'
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

interface FieldProps {
  value: string
  onChange: (value: string) => void
  problems: readonly FieldProblem[]
}

/** The email an account signs in with, marked as the username so password managers pair the two. */
function EmailField(props: FieldProps) {
  return <TextField label="Email" type="email" autoComplete="username" {...props} />
}

/** A password being chosen: the browser may offer to generate one and must not fill in the old one. */
function NewPasswordField({ label = NEW_PASSWORD_LABEL, ...props }: FieldProps & { label?: string }) {
  return (
    <TextField
      label={label}
      hint={NEW_PASSWORD_HINT}
      type="password"
      autoComplete="new-password"
      {...props}
    />
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

type Failure = ReturnType<typeof useFailure>

/**
 * Every page here ends the same way when the server agrees: the session is read again (this
 * browser is now signed in, or in one more workspace) and the user goes home. What the server
 * refuses stays on the form, beside the field it names.
 */
function AccountForm({
  title,
  children,
  failure,
  send,
}: {
  title: string
  children: ReactNode
  failure: Failure
  send: () => Promise<unknown>
}) {
  const session = useSession()
  const [busy, setBusy] = useState(false)
  const submit = async (event: FormEvent) => {
    event.preventDefault()
    setBusy(true)
    failure.clear()
    try {
      await send()
      await session.refresh()
      navigate('/')
    } catch (caught) {
      failure.fail(caught)
    } finally {
      setBusy(false)
    }
  }
  return (
    <main id="main" className="page narrow">
      <h1>{title}</h1>
      <form onSubmit={(event) => void submit(event)} noValidate>
        {failure.error ? <Notice kind="error">{failure.error}</Notice> : null}
        {children}
        <Button type="submit" kind="primary" disabled={busy}>
          {busy ? 'Working…' : title}
        </Button>
      </form>
    </main>
  )
}

/** Why a link (an invitation, a password reset) can not be used: expired, used or unknown. */
function LinkGone({ message }: { message: string }) {
  return (
    <main id="main" className="page narrow">
      <Notice kind="error">{message}</Notice>
    </main>
  )
}

export function LoginPage() {
  const [email, setEmail] = useState('')
  const [password, setPassword] = useState('')
  const failure = useFailure()
  return (
    <AccountForm title="Sign in" failure={failure} send={() => signIn({ email, password })}>
      <EmailField value={email} onChange={setEmail} problems={problemsAtField(failure.problems, 'email')} />
      <TextField
        label="Password"
        type="password"
        autoComplete="current-password"
        value={password}
        onChange={setPassword}
        problems={problemsAtField(failure.problems, 'password')}
      />
    </AccountForm>
  )
}

export function SetupPage() {
  const [token, setToken] = useState(() => new URLSearchParams(location.search).get('token') ?? '')
  const [email, setEmail] = useState('')
  const [name, setName] = useState('')
  const [password, setPassword] = useState('')
  const [workspace, setWorkspace] = useState('')
  const failure = useFailure()
  return (
    <AccountForm
      title="Create the first owner"
      failure={failure}
      send={() =>
        setUp({
          token: token.trim(),
          email,
          name,
          password,
          ...(workspace.trim() ? { workspace } : {}),
        })
      }
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
      <EmailField value={email} onChange={setEmail} problems={problemsAtField(failure.problems, 'email')} />
      <NewPasswordField
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
    </AccountForm>
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
  if (gone) return <LinkGone message={gone} />
  if (!invitation) return <p aria-busy="true">Loading…</p>
  const signedIn = Boolean(session.user)
  const otherEmail = signedIn && invitation.email !== null && invitation.email !== session.user?.email
  return (
    <AccountForm
      title={`Join ${invitation.workspace.name}`}
      failure={failure}
      send={() =>
        acceptInvitation(token, signedIn ? undefined : { email: invitation.email ?? email, name, password })
      }
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
            <EmailField
              value={email}
              onChange={setEmail}
              problems={problemsAtField(failure.problems, 'email')}
            />
          )}
          <NewPasswordField
            value={password}
            onChange={setPassword}
            problems={problemsAtField(failure.problems, 'password')}
          />
        </>
      )}
    </AccountForm>
  )
}

export function ResetPage({ token }: { token: string }) {
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
  if ('gone' in state) return <LinkGone message={state.gone} />
  return (
    <AccountForm
      title="Set a new password"
      failure={failure}
      send={async () => {
        const done = await resetPassword(token, password)
        // Set here, by whoever holds the link: this browser needs no notice about it.
        markPasswordChangeSeen(done.user.id, done.passwordChange.at)
      }}
    >
      {state.email ? <p>For {state.email}.</p> : null}
      <p>Setting a new password signs out every session of this account and revokes its API tokens.</p>
      <NewPasswordField
        label={REPLACEMENT_PASSWORD_LABEL}
        value={password}
        onChange={setPassword}
        problems={problemsAtField(failure.problems, 'password')}
      />
    </AccountForm>
  )
}
