/**
 * Edits to the plan draft by path (`['batna', 'us', 'utility']`), the same paths core reports its
 * problems at. The draft may be invalid while someone types: clearing a required number removes
 * it, and core then says "is required" right under the field that edits it. Every edit copies only
 * the objects on the path; everything else, including fields this app does not know, stays as it was.
 */
import type { PathSegment, Plan } from '@parley/core'

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value)
}

/** A value of the plan as a text field shows it: numbers and texts as written, anything else empty. */
export function fieldText(value: unknown): string {
  return typeof value === 'number' || typeof value === 'string' ? String(value) : ''
}

/** The value at a path, or undefined when any step is missing. */
export function getIn(root: unknown, path: readonly PathSegment[]): unknown {
  let at: unknown = root
  for (const segment of path) {
    if (typeof segment === 'number') at = Array.isArray(at) ? at[segment] : undefined
    else at = isRecord(at) ? at[segment] : undefined
  }
  return at
}

/** Sets a value at a path in a copy; `undefined` removes the field, and objects left empty by that go too. */
function setValue(root: unknown, path: readonly PathSegment[], value: unknown): unknown {
  const [head, ...rest] = path
  if (head === undefined) return value
  if (typeof head === 'number') {
    const list = Array.isArray(root) ? [...root] : []
    const child = setValue(list[head], rest, value)
    if (child === undefined) list.splice(head, 1)
    else list[head] = child
    return list
  }
  const record: Record<string, unknown> = isRecord(root) ? { ...root } : {}
  const child = setValue(record[head], rest, value)
  if (child === undefined) {
    delete record[head]
    // An optional object that lost its last field goes (batna.us without utility or words).
    return Object.keys(record).length === 0 && value === undefined ? undefined : record
  }
  record[head] = child
  return record
}

/** The plan with the value at a path replaced (or removed, for `undefined`). */
export function setIn(plan: Plan, path: readonly PathSegment[], value: unknown): Plan {
  const next = setValue(plan, path, value)
  // The draft is the plan being edited: it keeps the Plan type even when a required field is
  // momentarily missing, which validation reports at its path.
  return (isRecord(next) ? next : plan) as Plan
}
