/**
 * Moving around the issues grid with the keyboard, as in a spreadsheet. Each row is a list of
 * stops (one control each: a name, a weight, one option's score...), placed by a horizontal
 * position `x`; rows differ (a range has min, max and step where options have a list), so moving
 * up or down lands on the same stop when the row has it, else on the nearest one.
 *
 * Two modes: navigating, where arrow keys move between stops and typing replaces the value; and
 * editing (after Enter or F2), where arrow keys move the caret or change the selection as usual.
 * Enter commits and moves down, Escape puts back the value from before, Tab is left to the browser.
 */

export interface GridStop {
  key: string
  x: number
}

export interface GridPosition {
  row: number
  key: string
}

export type Direction = 'left' | 'right' | 'up' | 'down' | 'home' | 'end' | 'first' | 'last'

function nearest(stops: readonly GridStop[], x: number): GridStop | undefined {
  let best: GridStop | undefined
  for (const stop of stops) {
    // Ties go to the left-hand stop: moving up or down should not jump past a column.
    if (!best || Math.abs(stop.x - x) < Math.abs(best.x - x)) best = stop
  }
  return best
}

/** Where a move from `at` lands; undefined when it would leave the grid (or `at` is not in it). */
export function moveInGrid(
  rows: readonly (readonly GridStop[])[],
  at: GridPosition,
  direction: Direction,
): GridPosition | undefined {
  const row = rows[at.row]
  const index = row?.findIndex((stop) => stop.key === at.key) ?? -1
  const stop = row?.[index]
  if (!row || !stop) return undefined
  const within = (k: number) => {
    const target = row[k]
    return target ? { row: at.row, key: target.key } : undefined
  }
  switch (direction) {
    case 'left':
      return within(index - 1)
    case 'right':
      return within(index + 1)
    case 'home':
      return within(0)
    case 'end':
      return within(row.length - 1)
    case 'first': {
      const first = rows.findIndex((r) => r.length > 0)
      const target = rows[first]?.[0]
      return target ? { row: first, key: target.key } : undefined
    }
    case 'last': {
      for (let r = rows.length - 1; r >= 0; r--) {
        const target = rows[r]?.[(rows[r]?.length ?? 0) - 1]
        if (target) return { row: r, key: target.key }
      }
      return undefined
    }
    case 'up':
    case 'down': {
      const step = direction === 'up' ? -1 : 1
      for (let r = at.row + step; r >= 0 && r < rows.length; r += step) {
        const candidates = rows[r] ?? []
        const same = candidates.find((candidate) => candidate.key === at.key)
        const target = same ?? nearest(candidates, stop.x)
        if (target) return { row: r, key: target.key }
      }
      return undefined
    }
  }
}

export type CellMode = 'navigate' | 'edit'
export type ControlKind = 'text' | 'select' | 'checkbox' | 'button'

export type GridAction =
  | { type: 'move'; direction: Direction }
  | { type: 'edit' }
  | { type: 'commit'; move?: Direction }
  | { type: 'cancel' }
  | { type: 'none' }

export interface KeyPress {
  key: string
  shiftKey?: boolean
  ctrlKey?: boolean
  metaKey?: boolean
  altKey?: boolean
}

const ARROWS: Record<string, Direction> = {
  ArrowLeft: 'left',
  ArrowRight: 'right',
  ArrowUp: 'up',
  ArrowDown: 'down',
}

/** What a key does in the grid, given the mode and the kind of control that has the focus. */
export function gridKeyAction(press: KeyPress, mode: CellMode, control: ControlKind): GridAction {
  const { key } = press
  const command = press.ctrlKey || press.metaKey
  if (press.altKey) return { type: 'none' }
  if (key === 'Escape') return { type: 'cancel' }
  if (mode === 'edit') {
    if (key === 'Enter' && !press.shiftKey) return { type: 'commit', move: 'down' }
    if (key === 'Enter' && press.shiftKey) return { type: 'commit', move: 'up' }
    if (key === 'F2') return { type: 'commit' }
    return { type: 'none' }
  }
  const arrow = ARROWS[key]
  if (arrow) return press.shiftKey ? { type: 'none' } : { type: 'move', direction: arrow }
  if (key === 'Home') return { type: 'move', direction: command ? 'first' : 'home' }
  if (key === 'End') return { type: 'move', direction: command ? 'last' : 'end' }
  if ((key === 'Enter' || key === 'F2') && (control === 'text' || control === 'select'))
    return { type: 'edit' }
  if (key === 'F2') return { type: 'none' }
  return { type: 'none' }
}
