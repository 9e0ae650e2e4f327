/**
 * What they say they care about: their interests, and the priorities they state (a ranking of
 * issues, or one issue mattering so many times as much as another), which the learner reads as an
 * observation when it ranks two issues or more.
 */
import { type PathProblem, pathError } from '../../model/problem'
import type { EventHandler } from './handler'

export const interestStated: EventHandler<'interest-stated'> = (space, state, event) => {
  const problems: PathProblem[] = []
  const ranking: number[] = []
  event.ranking?.forEach((id, k) => {
    const issue = space.byId.get(id)
    if (!issue) problems.push(pathError('unknown_issue', ['ranking', k], `unknown issue '${id}'`))
    else if (ranking.includes(issue.index))
      problems.push(pathError('duplicate_issue', ['ranking', k], `'${id}' is ranked twice`))
    else ranking.push(issue.index)
  })
  const relative: { issue: number; over: number; factor: number }[] = []
  event.relative?.forEach((item, k) => {
    const issue = space.byId.get(item.issue)
    const over = space.byId.get(item.over)
    if (!issue)
      problems.push(pathError('unknown_issue', ['relative', k, 'issue'], `unknown issue '${item.issue}'`))
    if (!over)
      problems.push(pathError('unknown_issue', ['relative', k, 'over'], `unknown issue '${item.over}'`))
    if (issue && over && issue === over)
      problems.push(pathError('same_issue', ['relative', k, 'over'], 'compares an issue with itself'))
    if (issue && over && issue !== over)
      relative.push({ issue: issue.index, over: over.index, factor: item.factor })
  })
  if (problems.length > 0) return problems
  state.interests.push(event)
  if (ranking.length >= 2 || relative.length > 0)
    state.observations.push({ kind: 'stated', eventId: event.id, ranking, relative })
  return []
}
