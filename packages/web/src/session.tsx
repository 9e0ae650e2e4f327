/**
 * Who is signed in, for every page: loaded once, refreshed after signing in or out (and after a
 * change to one's own account), with when and how their password was last set.
 */
import type { Me, Role, User, Workspace as WorkspaceAnswer } from '@parley/server/contract'
import { createContext, type ReactNode, useCallback, useContext, useEffect, useState } from 'react'
import { signOut as endSession, me, setupState } from './api/accounts'
import { ApiError } from './api/http'

/** A workspace one belongs to, with one's role in it. */
export type Workspace = WorkspaceAnswer & { role: Role }

/** The last time the password was set after the account was made, and how. */
export type PasswordChange = NonNullable<Me['passwordChange']>

export interface Session {
  /** undefined while loading, null when signed out. */
  user: User | null | undefined
  workspaces: Workspace[]
  /** The last time the password was set after the account was made; null: never (or signed out). */
  passwordChange: PasswordChange | null
  /** Whether the server still needs its first owner. */
  setupNeeded: boolean
  refresh(): Promise<void>
  signOut(): Promise<void>
}

// The API's schema leaves a workspace's role optional (not every answer is about a member); the
// workspaces listed as one's own always carry it.
function withRole(workspace: WorkspaceAnswer): Workspace {
  const { role } = workspace
  if (!role) throw new Error(`the server listed workspace ${workspace.id} without your role in it`)
  return { ...workspace, role }
}

const SessionContext = createContext<Session | undefined>(undefined)

export function SessionProvider({ children }: { children: ReactNode }) {
  const [user, setUser] = useState<User | null | undefined>(undefined)
  const [workspaces, setWorkspaces] = useState<Workspace[]>([])
  const [passwordChange, setPasswordChange] = useState<PasswordChange | null>(null)
  const [setupNeeded, setSetupNeeded] = useState(false)
  const refresh = useCallback(async () => {
    try {
      const signedIn = await me()
      const own = signedIn.workspaces.map(withRole)
      setUser(signedIn.user)
      setWorkspaces(own)
      setPasswordChange(signedIn.passwordChange)
    } catch (error) {
      if (!(error instanceof ApiError) || error.status !== 401) throw error
      // Ask about setup before saying "signed out", so that the first visit goes to /setup
      // rather than to /login and then on.
      setSetupNeeded((await setupState()).needed)
      setUser(null)
      setWorkspaces([])
      setPasswordChange(null)
    }
  }, [])
  const signOut = useCallback(async () => {
    await endSession()
    await refresh()
  }, [refresh])
  useEffect(() => {
    void refresh()
  }, [refresh])
  return (
    <SessionContext.Provider value={{ user, workspaces, passwordChange, setupNeeded, refresh, signOut }}>
      {children}
    </SessionContext.Provider>
  )
}

export function useSession(): Session {
  const session = useContext(SessionContext)
  if (!session) throw new Error('useSession outside SessionProvider')
  return session
}
