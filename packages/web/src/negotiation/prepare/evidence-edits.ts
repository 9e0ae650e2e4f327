/**
 * Edits to the evidence pack and to the anchor's citations of it. The anchor cites evidence by
 * position (`anchor.evidence: [0, 2]`), so removing an item renumbers the citations after it and
 * drops the one to it, and says so; a range is edited one end at a time, and a missing end is left
 * missing for core to point at rather than guessed.
 */
import type { Plan } from '@parley/core'

/** A new, empty item at the end: core asks for its claim until one is written. */
export function addEvidence(plan: Plan): Plan {
  return { ...plan, evidence: [...(plan.evidence ?? []), { claim: '' }] }
}

/** The anchor's citations, in order, without repeats; the field goes when none is left. */
function withCitations(plan: Plan, citations: readonly number[]): Plan {
  if (!plan.anchor) return plan
  const { evidence: _old, ...anchor } = plan.anchor
  const sorted = [...new Set(citations)].sort((a, b) => a - b)
  return { ...plan, anchor: sorted.length > 0 ? { ...anchor, evidence: sorted } : anchor }
}

/**
 * The plan without evidence item `index`; the anchor's citations follow (the one to it is dropped,
 * later ones move down by one). `note` tells the person what happened to the anchor, if anything.
 */
export function removeEvidence(plan: Plan, index: number): { plan: Plan; note: string | undefined } {
  const items = plan.evidence ?? []
  if (index < 0 || index >= items.length) return { plan, note: undefined }
  const next: Plan = { ...plan, evidence: items.filter((_, k) => k !== index) }
  const cited = plan.anchor?.evidence ?? []
  if (!plan.anchor || cited.length === 0) return { plan: next, note: undefined }
  const kept = cited.filter((k) => k !== index).map((k) => (k > index ? k - 1 : k))
  const dropped = cited.includes(index)
  const moved = cited.some((k) => k > index)
  const notes = [
    dropped ? 'the anchor no longer cites it' : '',
    moved ? "the anchor's citations of later items are renumbered to match" : '',
  ].filter(Boolean)
  return { plan: withCitations(next, kept), note: notes.length > 0 ? `${notes.join('; ')}.` : undefined }
}

/** The anchor citing item `index`, or not. */
export function citeEvidence(plan: Plan, index: number, cited: boolean): Plan {
  const current = plan.anchor?.evidence ?? []
  return withCitations(plan, cited ? [...current, index] : current.filter((k) => k !== index))
}

/**
 * An item's range with one end set (or cleared), for `setIn` at `evidence[k].range`: undefined
 * when both ends are cleared. A missing end stays missing, and core says "range[1] is required"
 * under it, until it is typed.
 */
export function rangeWithEnd(
  range: readonly (number | undefined)[] | undefined,
  end: 0 | 1,
  value: number | undefined,
): (number | undefined)[] | undefined {
  const ends = [range?.[0], range?.[1]]
  ends[end] = value
  return ends[0] === undefined && ends[1] === undefined ? undefined : ends
}
