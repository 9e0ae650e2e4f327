/** The workspace's tradeables. */
import type { Workspace } from '../session'
import { WorkspaceNav } from './nav'

export function TradeablesPage({ workspace }: { workspace: Workspace }) {
  return (
    <div className="page workspace">
      <WorkspaceNav workspace={workspace} />
      <main id="main">
        <h2>Tradeables</h2>
      </main>
    </div>
  )
}
