/**
 * Their approval path checked against a bundle: the limits their approvers will not sign past
 * (`parties.them.approvalLimits`) that the bundle breaks, each a reason it is likely to be blocked.
 */

import type { ApprovalLimit } from '../model/plan'
import { compileConstraint, constraintHolds, describeConstraint } from './constraints'
import type { Offer } from './offer'
import type { Space } from './space'

export interface ApprovalBlock {
  approver: string
  /** `price <= 240000` */
  limit: string
}

/** The approval limits a bundle breaks, as the plan states them, with their places in its list. */
export function brokenApprovalLimits(space: Space, offer: Offer): { limit: ApprovalLimit; index: number }[] {
  const limits = space.plan.parties.them.approvalLimits ?? []
  return limits.flatMap((limit, index) => {
    const { approver: _, ...constraint } = limit
    const compiled = compileConstraint(space, constraint, ['parties', 'them', 'approvalLimits', index])
    return constraintHolds(compiled, offer.values) ? [] : [{ limit, index }]
  })
}

/** The approval limits a bundle breaks: each a reason it is likely to be blocked. */
export function approvalBlocks(space: Space, offer: Offer): ApprovalBlock[] {
  return brokenApprovalLimits(space, offer).map(({ limit: { approver, ...constraint } }) => ({
    approver,
    limit: describeConstraint(constraint),
  }))
}
