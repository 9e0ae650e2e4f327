/**
 * Edits to the counterparty map: a stakeholder's interests are written one to a line, and the
 * lines are read back as the list; new stakeholders and approval limits start with what core
 * needs, the name or the approver left for the person to write (core asks for it until then).
 */
import type { ApprovalLimit, Constraint, Plan, Stakeholder } from '@parley/core'

/** Lines as a list: each trimmed, blank ones left out. */
export function readLines(text: string): string[] {
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '')
}

export function linesText(list: readonly string[] | undefined): string {
  return (list ?? []).join('\n')
}

/**
 * Whether the text typed still reads as the list the plan holds: while it does, the field keeps
 * what was typed (a new empty line, a trailing space) instead of the list written back.
 */
export function sameLines(text: string, list: readonly string[] | undefined): boolean {
  const read = readLines(text)
  const held = list ?? []
  return read.length === held.length && read.every((line, k) => line === held[k])
}

export function addStakeholder(plan: Plan): Plan {
  const stakeholders: Stakeholder[] = [...(plan.parties.them.stakeholders ?? []), { name: '' }]
  return { ...plan, parties: { ...plan.parties, them: { ...plan.parties.them, stakeholders } } }
}

export function addApprovalLimit(plan: Plan, constraint: Constraint): Plan {
  const approvalLimits: ApprovalLimit[] = [
    ...(plan.parties.them.approvalLimits ?? []),
    { approver: '', ...constraint },
  ]
  return { ...plan, parties: { ...plan.parties, them: { ...plan.parties.them, approvalLimits } } }
}

/** An approval limit split into who holds it and the constraint the shared editor edits. */
export function splitApprovalLimit(limit: ApprovalLimit): { approver: string; constraint: Constraint } {
  const { approver, ...constraint } = limit
  return { approver, constraint }
}
