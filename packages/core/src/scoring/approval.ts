/**
 * Their approval path checked against a bundle: the limits their approvers will not sign past
 * (`parties.them.approvalLimits`) that the bundle breaks, each a reason it is likely to be blocked.
 */

import { compileConstraint, constraintHolds, describeConstraint } from './constraints'
import type { Offer } from './offer'
import type { Space } from './space'

export interface ApprovalBlock {
  approver: string
  /** `price <= 240000` */
  limit: string
}

/** The approval limits a bundle breaks: each a reason it is likely to be blocked. */
export function approvalBlocks(space: Space, offer: Offer): ApprovalBlock[] {
  const limits = space.plan.parties.them.approvalLimits ?? []
  return limits.flatMap((limit, k) => {
    const { approver, ...constraint } = limit
    const compiled = compileConstraint(space, constraint, ['parties', 'them', 'approvalLimits', k])
    return constraintHolds(compiled, offer.values)
      ? []
      : [{ approver, limit: describeConstraint(constraint) }]
  })
}
