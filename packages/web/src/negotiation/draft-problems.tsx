/**
 * While the plan as edited has errors it is kept as the team's draft and the figures stay on the last
 * valid plan, so every error must be findable, including one no field shows (a key the app does not
 * edit, a problem between fields): the list under the header, each error at its field in words
 * (core's `describeFieldPath`: issue name and field label) with core's message as `parley check`
 * prints it, and the stage that edits it.
 */
import { describeFieldPath, formatPath, type PathProblem, type Plan } from '@parley/core'
import { Link } from '../router'
import { Notice } from '../ui/controls'

/** Where a path is edited: the decision rule on Set up, everything else on Prepare. */
export function stageOfPath(path: string): 'setup' | 'prepare' {
  return path.startsWith('decisionRule') ? 'setup' : 'prepare'
}

export function PlanProblems({
  errors,
  draft,
  base,
}: {
  errors: readonly PathProblem[]
  draft: Plan
  base: string
}) {
  if (errors.length === 0) return null
  return (
    <Notice kind="error">
      <details className="plan-problems">
        <summary>
          {errors.length === 1 ? 'One problem keeps' : `${errors.length} problems keep`} the figures from
          following your edits
        </summary>
        <ul>
          {errors.map((problem) => {
            const path = formatPath(problem.at)
            const stage = stageOfPath(path)
            return (
              <li key={`${path}:${problem.message}`}>
                <strong>{path ? describeFieldPath(problem.at, draft).label : 'The plan'}</strong>:{' '}
                {problem.message}{' '}
                <Link to={`${base}/${stage}`}>{stage === 'setup' ? 'Set up' : 'Prepare'}</Link>
              </li>
            )
          })}
        </ul>
      </details>
    </Notice>
  )
}
