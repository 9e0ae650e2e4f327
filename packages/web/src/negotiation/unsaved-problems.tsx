/**
 * While the plan has errors it is not saved, so every error must be findable, including one no field
 * shows (a key the app does not edit, a problem between fields): the list under the header, with
 * each error's path and core's message as `parley check` prints them, and the stage that edits it.
 */
import { formatPath, type PathProblem } from '@parley/core'
import { Link } from '../router'
import { Notice } from '../ui/controls'

/** Where a path is edited: the decision rule on Set up, everything else on Prepare. */
export function stageOfPath(path: string): 'setup' | 'prepare' {
  return path.startsWith('decisionRule') ? 'setup' : 'prepare'
}

export function PlanProblems({ errors, base }: { errors: readonly PathProblem[]; base: string }) {
  if (errors.length === 0) return null
  return (
    <Notice kind="error">
      <details className="plan-problems">
        <summary>
          {errors.length === 1 ? 'One problem keeps' : `${errors.length} problems keep`} the plan from being
          saved
        </summary>
        <ul>
          {errors.map((problem) => {
            const path = formatPath(problem.at)
            const stage = stageOfPath(path)
            return (
              <li key={`${path}:${problem.message}`}>
                <code>{path || '(the plan)'}</code>: {problem.message}{' '}
                <Link to={`${base}/${stage}`}>{stage === 'setup' ? 'Set up' : 'Prepare'}</Link>
              </li>
            )
          })}
        </ul>
      </details>
    </Notice>
  )
}
