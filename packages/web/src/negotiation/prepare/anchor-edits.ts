/**
 * The anchor worksheet's edits and its picture. An anchor needs a numeric issue; a new one, or one
 * moved to another issue, starts at that issue's whole span, to be narrowed to the range we can
 * defend. The picture lays the anchor over the issue's levels and the ranges of the evidence it
 * cites, on one scale that holds them all, with our better end marked.
 */
import { type Anchor, type IssueModel, type Level, scoreLevel } from '@parley/core'

/** Issues an anchor can be on: those whose levels are numbers. */
export function anchorIssues(issues: readonly IssueModel[]): IssueModel[] {
  return issues.filter((issue) => issue.numeric)
}

/** A first anchor: on the money issue if there is one, else the first numeric issue, over its whole span. */
export function newAnchor(issues: readonly IssueModel[], numeraire?: string): Anchor | undefined {
  const candidates = anchorIssues(issues)
  const issue = candidates.find((candidate) => candidate.id === numeraire) ?? candidates[0]
  return issue ? { issue: issue.id, low: issue.min, high: issue.max } : undefined
}

/** The anchor on another issue: its span restarts there; rationale and citations stay. */
export function withAnchorIssue(anchor: Anchor, issue: IssueModel): Anchor {
  return { ...anchor, issue: issue.id, low: issue.min, high: issue.max }
}

export interface PictureBand {
  key: string
  label: string
  /** Ends as fractions of the scale, 0..1. */
  from: number
  to: number
  low: number
  high: number
}

export interface AnchorPicture {
  /** The scale's ends, in the issue's unit. */
  min: number
  max: number
  /** Each level's place on the scale. */
  levels: { level: Level; at: number }[]
  anchor: PictureBand | undefined
  evidence: PictureBand[]
  /** Which end of the issue we prefer (by our own scores), when one scores higher. */
  better: 'low' | 'high' | undefined
}

/**
 * The anchor and the cited evidence ranges over the issue's levels, all on one scale. Ends that are
 * not numbers yet (being typed) leave their band out.
 */
export function anchorPicture(
  issue: IssueModel,
  anchor: { low?: unknown; high?: unknown },
  evidence: readonly { key: string; label: string; range: readonly unknown[] | undefined }[],
): AnchorPicture {
  const finite = (x: unknown): x is number => typeof x === 'number' && Number.isFinite(x)
  const pair = (a: unknown, b: unknown) =>
    finite(a) && finite(b) ? [Math.min(a, b), Math.max(a, b)] : undefined
  const anchorEnds = pair(anchor.low, anchor.high)
  const ranges = evidence.flatMap((item) => {
    const ends = pair(item.range?.[0], item.range?.[1])
    return ends ? [{ ...item, ends }] : []
  })
  const all = [issue.min, issue.max, ...(anchorEnds ?? []), ...ranges.flatMap((r) => r.ends)]
  const min = Math.min(...all)
  const max = Math.max(...all)
  const span = max - min || 1
  const at = (x: number) => (x - min) / span
  const band = (key: string, label: string, ends: number[]): PictureBand => {
    const [low = 0, high = 0] = ends
    return { key, label, from: at(low), to: at(high), low, high }
  }
  const lowScore = scoreLevel(issue, 'us', issue.min)
  const highScore = scoreLevel(issue, 'us', issue.max)
  return {
    min,
    max,
    levels: issue.levels.map((level) => ({ level, at: at(Number(level)) })),
    anchor: anchorEnds ? band('anchor', 'Anchor', anchorEnds) : undefined,
    evidence: ranges.map((item) => band(item.key, item.label, item.ends)),
    better: highScore > lowScore ? 'high' : lowScore > highScore ? 'low' : undefined,
  }
}
