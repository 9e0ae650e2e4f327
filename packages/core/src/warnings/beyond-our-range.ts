/**
 * Levels beyond what we can stand behind: a term of a bundle about to be sent that asks more than
 * our own anchor (the opening range we justify to them), more than any figure our evidence pack
 * cites for that issue, or past a limit one of their approvers will not sign (the same check as
 * MESO's `likelyBlocked`, `scoring/approval.ts`).
 *
 * "More" is the direction that is better for us: past the end of the range we score higher (a price
 * above the anchor's high end when we sell, below its low end when we buy). A level on the other
 * side is a concession, which our reservation and limits already police.
 */

import { evidenceRanges } from '../journal/trade-advice'
import { listAnd } from '../language/english'
import { formatLevel, formatLevelWithUnit, inSentence } from '../language/levels'
import type { Level } from '../model/plan'
import { brokenApprovalLimits } from '../scoring/approval'
import { constraintInWords } from '../scoring/constraints'
import { type Offer, readOffer } from '../scoring/offer'
import { type IssueModel, type Space, scoreLevel } from '../scoring/space'
import {
  type BeyondAnchorWarning,
  type BeyondApprovalWarning,
  type BeyondEvidenceWarning,
  type BundleToSend,
  bundleName,
} from './warning'

export type BeyondOurRangeWarning = BeyondAnchorWarning | BeyondEvidenceWarning | BeyondApprovalWarning

/** Where `level` lies past [low, high] in our favour: `above`, `below`, or undefined when it does not. */
function pastInOurFavour(
  issue: IssueModel,
  level: number,
  low: number,
  high: number,
): 'above' | 'below' | undefined {
  // A tenth of a millionth of the range: a level on the end itself is not past it.
  const slack = 1e-7 * Math.max(1, Math.abs(high - low))
  // Past an end in our favour: worth more to us than that end. Comparing the ends with each other
  // would take a plateau (a title review worth as much to us at 12 months as at 24) as our favour
  // in both directions, and warn of a 6-month review, which is a concession.
  const mine = scoreLevel(issue, 'us', level)
  if (level > high + slack) return mine > scoreLevel(issue, 'us', high) ? 'above' : undefined
  if (level < low - slack) return mine > scoreLevel(issue, 'us', low) ? 'below' : undefined
  return undefined
}

function rangeInWords(low: number, high: number, unit: string): string {
  return `${formatLevel(low)}–${formatLevelWithUnit(high, unit)}`
}

function beyondAnchor(space: Space, bundle: BundleToSend, offer: Offer): BeyondAnchorWarning[] {
  const anchor = space.plan.anchor
  const issue = anchor ? space.byId.get(anchor.issue) : undefined
  const level = issue ? offer.values[issue.index] : undefined
  if (!anchor || !issue || typeof level !== 'number') return []
  const low = Math.min(anchor.low, anchor.high)
  const high = Math.max(anchor.low, anchor.high)
  const side = pastInOurFavour(issue, level, low, high)
  if (!side) return []
  return [
    {
      code: 'beyond_anchor',
      severity: 'warning',
      bundle: bundle.label,
      issue: issue.id,
      level,
      anchor: { low, high },
      message: `${bundleName(bundle.label)} asks for ${inSentence(issue.name)} ${formatLevelWithUnit(level, issue.unit)}, ${side} our own anchor (${rangeInWords(low, high, issue.unit)}): our rationale does not cover it, so expect to be asked why.`,
    },
  ]
}

function beyondEvidence(space: Space, bundle: BundleToSend, offer: Offer): BeyondEvidenceWarning[] {
  return space.issues.flatMap((issue) => {
    const level = offer.values[issue.index]
    const ranges = evidenceRanges(space, issue)
    if (typeof level !== 'number' || ranges.length === 0) return []
    const low = Math.min(...ranges.map(({ range }) => range[0]))
    const high = Math.max(...ranges.map(({ range }) => range[1]))
    const side = pastInOurFavour(issue, level, low, high)
    if (!side) return []
    const claims = ranges.map(({ item }) => inSentence(item.claim))
    return [
      {
        code: 'beyond_evidence',
        severity: 'warning',
        bundle: bundle.label,
        issue: issue.id,
        level,
        range: [low, high] as [number, number],
        evidence: ranges.map(({ index }) => index),
        message: `${bundleName(bundle.label)} asks for ${inSentence(issue.name)} ${formatLevelWithUnit(level, issue.unit)}, ${side} every figure in our evidence (${rangeInWords(low, high, issue.unit)}: ${listAnd(claims)}): no standard we can cite backs it.`,
      },
    ]
  })
}

function beyondApproval(space: Space, bundle: BundleToSend, offer: Offer): BeyondApprovalWarning[] {
  return brokenApprovalLimits(space, offer).map(({ limit, index }) => {
    const { approver, ...constraint } = limit
    const issue = constraint.issue ? space.byId.get(constraint.issue) : undefined
    const level = issue ? (offer.values[issue.index] as Level) : undefined
    const limitWords = constraintInWords(space, constraint)
    const what =
      issue && level !== undefined
        ? `asks for ${inSentence(issue.name)} ${formatLevelWithUnit(level, issue.unit)}, but their ${approver} signs only ${limitWords}`
        : `is past what their ${approver} signs (only ${limitWords})`
    return {
      code: 'beyond_approval',
      severity: 'warning',
      bundle: bundle.label,
      ...(issue ? { issue: issue.id } : {}),
      approver,
      limit: index,
      message: `${bundleName(bundle.label)} ${what}: it is likely to be blocked on their side.`,
    }
  })
}

/** Every level of the bundles beyond our anchor, our evidence or their approvers' limits, bundle by bundle. */
export function beyondOurRange(space: Space, bundles: readonly BundleToSend[]): BeyondOurRangeWarning[] {
  return bundles.flatMap((bundle) => {
    const read = readOffer(space, bundle.terms)
    if (!read.ok) return []
    return [
      ...beyondAnchor(space, bundle, read.offer),
      ...beyondEvidence(space, bundle, read.offer),
      ...beyondApproval(space, bundle, read.offer),
    ]
  })
}
