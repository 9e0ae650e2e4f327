/** The workspace's own navigation: negotiations, members, the tradeables library. */
import { Link, usePath } from '../router'
import type { Workspace } from '../session'
import { usePageTitle } from '../ui/page-title'

export function WorkspaceNav({ workspace }: { workspace: Workspace }) {
  const path = usePath()
  const items = [
    { to: `/w/${workspace.id}`, label: 'Negotiations' },
    { to: `/w/${workspace.id}/members`, label: 'Members' },
    { to: `/w/${workspace.id}/tradeables`, label: 'Tradeables library' },
  ]
  usePageTitle([items.find((item) => item.to === path)?.label, workspace.name])
  return (
    <nav aria-label="Workspace" className="workspace-nav">
      <h1>{workspace.name}</h1>
      <ul>
        {items.map((item) => (
          <li key={item.to}>
            <Link to={item.to} aria-current={path === item.to ? 'page' : undefined}>
              {item.label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  )
}
