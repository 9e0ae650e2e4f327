/**
 * The negotiation's timeline, adapted to their culture: indirect styles get more relationship
 * steps before business; high power distance slows approvals, so approval steps get a buffer.
 */

import type { Stage } from '../journal/replay'
import type { Plan } from '../model/plan'

export interface TimelineStep {
  stage: Stage
  step: string
  /** Working days it usually takes. */
  days: number
  /** Why it is longer than usual, when it is. */
  note?: string
}

export function negotiationTimeline(plan: Plan): TimelineStep[] {
  const indirect = plan.culture?.style === 'indirect'
  const hierarchical = plan.culture?.powerDistance === 'high'
  const approvers =
    (plan.parties.them.approvalLimits?.length ?? 0) > 0 || Boolean(plan.parties.them.approvalPath)
  const steps: TimelineStep[] = [
    { stage: 'prepare', step: 'Prepare: BATNA, reservation, issues, evidence, counterparty map', days: 2 },
    ...(indirect
      ? [
          {
            stage: 'setup' as const,
            step: 'Relationship meeting before business',
            days: 2,
            note: 'indirect style: trust first',
          },
        ]
      : []),
    { stage: 'setup', step: 'Agree the decision rule and the issues in scope', days: indirect ? 2 : 1 },
    { stage: 'first-move', step: 'Discovery conversations', days: 2 },
    { stage: 'first-move', step: 'Send two or three equivalent bundles', days: 1 },
    {
      stage: 'midgame',
      step: 'Trade rounds: choices, counters, conditional concessions',
      days: indirect ? 8 : 6,
    },
    {
      stage: 'close',
      step: 'Their internal approval',
      days: hierarchical ? (approvers ? 10 : 6) : approvers ? 5 : 3,
      ...(hierarchical ? { note: 'high power distance: approvals take longer; keep a buffer' } : {}),
    },
    { stage: 'close', step: 'Write measurable terms, governance and the fairness story; sign', days: 2 },
    { stage: 'debrief', step: 'Debrief and update the tradeables library', days: 1 },
  ]
  return steps
}
