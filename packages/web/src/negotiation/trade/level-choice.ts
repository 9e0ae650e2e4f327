/**
 * Levels in select boxes. A select's value is a string, while a level may be a number (`36`) or a
 * word (`milestone`); each level is keyed by its string form, which is unique within an issue, and
 * read back to the level itself so that events carry `36`, never `"36"`.
 */
import { formatLevelWithUnit, type Level } from '@parley/core'
import type { IssueLabel } from './terms-text'

/** An issue with its levels, as core's compiled space has it. */
export interface IssueLevels extends IssueLabel {
  levels: readonly Level[]
}

export function levelKey(level: Level): string {
  return String(level)
}

/** The level a key stands for, or undefined when the issue has no such level (or the key is empty). */
export function levelOfKey(issue: Pick<IssueLevels, 'levels'>, key: string): Level | undefined {
  if (key === '') return undefined
  return issue.levels.find((level) => levelKey(level) === key)
}

/** Options for a select of an issue's levels; `current` marks the level on the table now. */
export function levelOptions(issue: IssueLevels, current?: Level): { value: string; label: string }[] {
  return issue.levels.map((level) => ({
    value: levelKey(level),
    label: `${formatLevelWithUnit(level, issue.unit)}${current !== undefined && levelKey(current) === levelKey(level) ? ' (now)' : ''}`,
  }))
}
