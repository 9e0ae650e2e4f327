/**
 * Problems about a group of controls (a list of levels, a whole condition, a section), shown under
 * the group the way a field shows its own, in the same words core gives.
 */
import type { FieldProblem } from '../../ui/controls'

/** Problems about a group of controls, shown under the group as a field shows its own. */
export function ProblemList({ problems }: { problems: readonly FieldProblem[] }) {
  if (problems.length === 0) return null
  return (
    <ul className="field-problems">
      {problems.map((problem) => (
        <li key={problem.message} className={problem.severity === 'warning' ? 'warning' : 'error'}>
          {problem.message}
        </li>
      ))}
    </ul>
  )
}
