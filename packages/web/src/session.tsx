/**
 * Who is signed in, for every page: loaded once, refreshed after signing in or out (and after a
 * change to one's own account), with when and how their password was last set.
 */
import { createContext, type ReactNode, useCallback, useContext, useEffect, useState } from 'react'
import { ApiError, api } from './api'

export type Role = 'owner' | 'editor' | 'viewer'

export interface User {
  id: string
  email: string
  name: string
}

/** How a password was last set: by its owner, with a reset link an owner made, or on the server machine. */
export type PasswordChangeChannel = 'self' | 'reset-link' | 'machine'

export interface PasswordChange {
  at: string
  via: PasswordChangeChannel
}

export interface Workspace {
  id: string
  name: string
  role: Role
}

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

const SessionContext = createContext<Session | undefined>(undefined)

export function SessionProvider({ children }: { children: ReactNode }) {
  const [user, setUser] = useState<User | null | undefined>(undefined)
  const [workspaces, setWorkspaces] = useState<Workspace[]>([])
  const [passwordChange, setPasswordChange] = useState<PasswordChange | null>(null)
  const [setupNeeded, setSetupNeeded] = useState(false)
  const refresh = useCallback(async () => {
    try {
      const me = await api.get<{
        user: User
        workspaces: Workspace[]
        passwordChange: PasswordChange | null
      }>('/api/me')
      setUser(me.body.user)
      setWorkspaces(me.body.workspaces)
      setPasswordChange(me.body.passwordChange)
    } catch (error) {
      if (!(error instanceof ApiError) || error.status !== 401) throw error
      // Ask about setup before saying "signed out", so that the first visit goes to /setup
      // rather than to /login and then on.
      const setup = await api.get<{ needed: boolean }>('/api/setup')
      setSetupNeeded(setup.body.needed)
      setUser(null)
      setWorkspaces([])
      setPasswordChange(null)
    }
  }, [])
  const signOut = useCallback(async () => {
    await api.post('/api/auth/logout')
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
