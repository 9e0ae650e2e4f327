/** The workspace's members. */
import type { Workspace } from '../session'
import { WorkspaceNav } from './nav'

export function MembersPage({ workspace }: { workspace: Workspace }) {
  return (
    <div className="page workspace">
      <WorkspaceNav workspace={workspace} />
      <main id="main">
        <h2>Members</h2>
      </main>
    </div>
  )
}
