/**
 * The frontier as the command line's `--json` and the server's API both give it: the report's
 * figures, what qualifies them, and a failure that says what to do instead.
 */

import { groupThousands } from '../model/limits'
import type { Space } from '../scoring/space'
import type { FrontierReport, FrontierReportOptions } from './report'
import { frontierReport } from './report'

export interface FrontierView {
  outcomes: number
  frontier: FrontierReport['frontier']
  nash: FrontierReport['nash']
  kalaiSmorodinsky: FrontierReport['kalaiSmorodinsky']
  maxJoint: FrontierReport['maxJoint']
  zopa: boolean
  rule: boolean
  epsilon: number | null
  bound?: string
  disagreement: FrontierReport['disagreement']
}

export type FrontierFailure =
  | { ok: false; code: 'too_large'; limit: number; points: number; suggestedEpsilon: number; message: string }
  | { ok: false; code: 'sum_too_large'; limit: number; sum: string; message: string }

export type FrontierViewResult = { ok: true; report: FrontierReport; view: FrontierView } | FrontierFailure

/**
 * `askForEpsilon` says how the caller's interface asks for epsilon mode (`run with --epsilon 0.5`,
 * `ask again with ?epsilon=0.5`), for the message when the exact frontier is too large.
 */
export function frontierView(
  space: Space,
  options: FrontierReportOptions = {},
  askForEpsilon: (epsilon: number) => string = (epsilon) => `ask for epsilon ${epsilon}`,
): FrontierViewResult {
  const result = frontierReport(space, options)
  if (!result.ok) {
    if (result.code === 'too_large') {
      const e = result.suggestedEpsilon
      return {
        ...result,
        message: `the exact frontier has more than ${groupThousands(result.limit)} points (a staircase reached ${groupThousands(result.points)}); ${askForEpsilon(e)} for a frontier within ${e} point${e === 1 ? '' : 's'} of the true one in both coordinates`,
      }
    }
    return {
      ...result,
      message: `the sum rule ${result.sum} is carried exactly through the merge, and it spans more than ${groupThousands(result.limit)} partial bundles; sum fewer issues, or give them coarser steps`,
    }
  }
  return { ok: true, report: result.report, view: frontierJson(result.report) }
}

/** The JSON contract: outcomes, frontier, nash, kalaiSmorodinsky, maxJoint, zopa (and what qualifies them). */
function frontierJson(report: FrontierReport): FrontierView {
  return {
    outcomes: report.outcomes,
    frontier: report.frontier,
    nash: report.nash,
    kalaiSmorodinsky: report.kalaiSmorodinsky,
    maxJoint: report.maxJoint,
    zopa: report.zopa,
    rule: report.rule,
    epsilon: report.epsilon,
    ...(report.epsilon !== null
      ? {
          bound: `every true frontier point lies within ${report.epsilon} utility points of a returned one, in both coordinates`,
        }
      : {}),
    disagreement: report.disagreement,
  }
}
