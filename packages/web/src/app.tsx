/**
 * The app's pages by address: signing in and the one-time links, your account, a workspace's
 * negotiations, its members and tradeables, a negotiation at one of the method's stages, and the
 * deal room the other side opens with a share link (no account). Under the header, a notice when
 * your password was set by another route than your own change here.
 */
import { lazy, type ReactElement, Suspense, useEffect } from 'react'
import { JoinPage, LoginPage, ResetPage, SetupPage } from './account/pages'
import { PasswordChangeBanner } from './account/password-banner'
import { Link, matchPath, navigate, usePath } from './router'
import { SessionProvider, useSession } from './session'
import { Button, Notice } from './ui/controls'
import { MathsProvider } from './ui/maths'
import { usePageTitle } from './ui/page-title'

// A negotiation's stages (and the optimiser they run) load when one is opened: signing in and the
// workspace pages start without them.
const NegotiationPage = lazy(() =>
  import('./negotiation/page').then((module) => ({ default: module.NegotiationPage })),
)
// A workspace's pages and your account load when opened: a stage page's first load, the one a
// negotiator opens during a call, does not carry them.
const NegotiationsPage = lazy(() =>
  import('./workspace/negotiations').then((module) => ({ default: module.NegotiationsPage })),
)
const AccountPage = lazy(() =>
  import('./account/account-page').then((module) => ({ default: module.AccountPage })),
)
const MembersPage = lazy(() =>
  import('./workspace/members').then((module) => ({ default: module.MembersPage })),
)
const TradeablesPage = lazy(() =>
  import('./workspace/tradeables').then((module) => ({ default: module.TradeablesPage })),
)
// The other side's page: opened with a share link and no account, it loads only its own code.
const DealRoomPage = lazy(() =>
  import('./deal-room/deal-room-page').then((module) => ({ default: module.DealRoomPage })),
)

/** Titles of the pages that are not a workspace's or a negotiation's. */
const OWN_TITLES: Record<string, readonly string[]> = {
  '/login': ['Sign in'],
  '/setup': ['Create the first owner'],
  '/account': ['Your account'],
}

export function App() {
  return (
    <SessionProvider>
      <MathsProvider>
        <a className="skip-link" href="#main">
          Skip to content
        </a>
        <Shell />
      </MathsProvider>
    </SessionProvider>
  )
}

function Shell() {
  const path = usePath()
  const session = useSession()
  const open =
    ['/login', '/setup'].includes(path) ||
    path.startsWith('/join/') ||
    path.startsWith('/reset/') ||
    path.startsWith('/d/')
  useEffect(() => {
    if (session.user === null && !open) navigate(session.setupNeeded ? '/setup' : '/login', { replace: true })
  }, [session.user, session.setupNeeded, open])

  const join = matchPath('/join/:token', path)
  const reset = matchPath('/reset/:token', path)
  const dealRoom = matchPath('/d/:token', path)
  // Pages of the workspace and of a negotiation name themselves (they know its name).
  usePageTitle(join ? ['Join a workspace'] : reset ? ['Set a new password'] : OWN_TITLES[path])
  let page = null
  if (dealRoom) page = <DealRoomPage token={dealRoom.token as string} />
  else if (join) page = <JoinPage token={join.token as string} />
  else if (reset) page = <ResetPage token={reset.token as string} />
  else if (path === '/login') page = <LoginPage />
  else if (path === '/setup') page = <SetupPage />
  else if (session.user === undefined) page = <p aria-busy="true">Loading…</p>
  else if (session.user) page = <SignedIn path={path} />
  return (
    <div className="app">
      <header className="topbar">
        <Link to="/" className="brand">
          Parley
        </Link>
        {session.user ? (
          <nav aria-label="Account" className="account">
            <span>{session.user.name}</span>
            <Link to="/account" aria-current={path === '/account' ? 'page' : undefined}>
              Your account
            </Link>
            <Button onClick={() => void session.signOut().then(() => navigate('/login'))}>Sign out</Button>
          </nav>
        ) : null}
      </header>
      {session.user ? <PasswordChangeBanner /> : null}
      <Suspense fallback={<p aria-busy="true">Loading…</p>}>{page}</Suspense>
    </div>
  )
}

function SignedIn({ path }: { path: string }) {
  const session = useSession()
  const first = session.workspaces[0]
  useEffect(() => {
    if (path === '/' && first) navigate(`/w/${first.id}`, { replace: true })
  }, [path, first])
  const routes: [string, (p: Record<string, string>) => ReactElement | null][] = [
    ['/account', () => <AccountPage />],
    ['/w/:workspace', (p) => withWorkspace(p.workspace, (w) => <NegotiationsPage workspace={w} />)],
    ['/w/:workspace/members', (p) => withWorkspace(p.workspace, (w) => <MembersPage workspace={w} />)],
    ['/w/:workspace/tradeables', (p) => withWorkspace(p.workspace, (w) => <TradeablesPage workspace={w} />)],
    [
      '/w/:workspace/n/:negotiation',
      (p) =>
        withWorkspace(p.workspace, (w) => (
          <NegotiationPage workspace={w} negotiationId={p.negotiation as string} />
        )),
    ],
    [
      '/w/:workspace/n/:negotiation/:stage',
      (p) =>
        withWorkspace(p.workspace, (w) => (
          <NegotiationPage workspace={w} negotiationId={p.negotiation as string} slug={p.stage as string} />
        )),
    ],
  ]
  function withWorkspace(
    id: string | undefined,
    render: (w: (typeof session.workspaces)[number]) => ReactElement,
  ) {
    const workspace = session.workspaces.find((w) => w.id === id)
    return workspace ? (
      render(workspace)
    ) : (
      <Notice kind="error">No such workspace, or you are not a member of it.</Notice>
    )
  }
  for (const [pattern, render] of routes) {
    const params = matchPath(pattern, path)
    if (params) return render(params)
  }
  if (path === '/' && !first)
    return (
      <main id="main" className="page">
        <p>You are not in any workspace yet.</p>
      </main>
    )
  return (
    <main id="main" className="page">
      <Notice kind="error">
        Nothing here. <Link to="/">Go to your workspace</Link>
      </Notice>
    </main>
  )
}
