/**
 * An issue's levels as a select offers them: the value is the level's key (`36`, `premium`), the
 * label the level as people write it with its unit (`230,000 USD/year`). A level off the grid (a
 * counter at 117,500 on a 5,000 step) is offered too when it is the one already chosen.
 */
import { formatLevelWithUnit, type IssueModel, type Level, levelKey } from '@parley/core'

export function levelLabel(issue: Pick<IssueModel, 'unit'>, level: Level): string {
  return formatLevelWithUnit(level, issue.unit)
}

export function levelOptions(
  issue: Pick<IssueModel, 'unit' | 'levels'>,
  current: Level | undefined,
): { value: string; label: string; level: Level }[] {
  const levels = [...issue.levels]
  if (current !== undefined && !levels.some((level) => levelKey(level) === levelKey(current)))
    levels.push(current)
  return levels.map((level) => ({ value: levelKey(level), label: levelLabel(issue, level), level }))
}

/** The level an option's value stands for. */
export function levelOfKey(
  options: readonly { value: string; level: Level }[],
  key: string,
): Level | undefined {
  return options.find((option) => option.value === key)?.level
}
