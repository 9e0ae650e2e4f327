import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { type GridStop, gridKeyAction, moveInGrid } from './grid-navigation'

const range: GridStop[] = [
  { key: 'name', x: 0 },
  { key: 'min', x: 2 },
  { key: 'max', x: 2.1 },
  { key: 'step', x: 2.2 },
  { key: 'usWeight', x: 3 },
]
const options: GridStop[] = [
  { key: 'name', x: 0 },
  { key: 'options', x: 2 },
  { key: 'usWeight', x: 3 },
]
const rows = [range, options, range]

describe('moving in the grid', () => {
  it('moves left and right within a row and stops at its ends', () => {
    expect(moveInGrid(rows, { row: 0, key: 'min' }, 'right')).toEqual({ row: 0, key: 'max' })
    expect(moveInGrid(rows, { row: 0, key: 'min' }, 'left')).toEqual({ row: 0, key: 'name' })
    expect(moveInGrid(rows, { row: 0, key: 'name' }, 'left')).toBeUndefined()
    expect(moveInGrid(rows, { row: 0, key: 'usWeight' }, 'right')).toBeUndefined()
    expect(moveInGrid(rows, { row: 1, key: 'options' }, 'end')).toEqual({ row: 1, key: 'usWeight' })
    expect(moveInGrid(rows, { row: 1, key: 'options' }, 'home')).toEqual({ row: 1, key: 'name' })
  })

  it('moves up and down to the same stop, or the nearest one in a row that lacks it', () => {
    expect(moveInGrid(rows, { row: 0, key: 'usWeight' }, 'down')).toEqual({ row: 1, key: 'usWeight' })
    expect(moveInGrid(rows, { row: 0, key: 'step' }, 'down')).toEqual({ row: 1, key: 'options' })
    expect(moveInGrid(rows, { row: 0, key: 'max' }, 'down')).toEqual({ row: 1, key: 'options' })
    expect(moveInGrid(rows, { row: 1, key: 'options' }, 'down')).toEqual({ row: 2, key: 'min' })
    expect(moveInGrid(rows, { row: 2, key: 'max' }, 'down')).toBeUndefined()
    expect(moveInGrid(rows, { row: 0, key: 'max' }, 'up')).toBeUndefined()
  })

  it('skips empty rows and goes to the first and last stops', () => {
    const gappy = [range, [], options]
    expect(moveInGrid(gappy, { row: 0, key: 'name' }, 'down')).toEqual({ row: 2, key: 'name' })
    expect(moveInGrid(gappy, { row: 2, key: 'options' }, 'first')).toEqual({ row: 0, key: 'name' })
    expect(moveInGrid(gappy, { row: 0, key: 'name' }, 'last')).toEqual({ row: 2, key: 'usWeight' })
  })

  it('is undefined from a stop that is not in the grid', () => {
    expect(moveInGrid(rows, { row: 5, key: 'name' }, 'down')).toBeUndefined()
    expect(moveInGrid(rows, { row: 0, key: 'nope' }, 'down')).toBeUndefined()
  })

  it('always lands on a stop of the grid, and down then up comes back to the same row (property)', () => {
    const stopArb = fc.array(
      fc.record({ key: fc.constantFrom('a', 'b', 'c', 'd'), x: fc.integer({ min: 0, max: 5 }) }),
      {
        minLength: 1,
        maxLength: 4,
      },
    )
    const rowsArb = fc
      .array(stopArb, { minLength: 1, maxLength: 5 })
      .map((all) => all.map((row) => row.filter((s, k) => row.findIndex((t) => t.key === s.key) === k)))
    fc.assert(
      fc.property(
        rowsArb,
        fc.nat(),
        fc.constantFrom('left', 'right', 'up', 'down', 'home', 'end', 'first', 'last' as const),
        (grid, pick, direction) => {
          const r = pick % grid.length
          const start = grid[r]?.[0]
          if (!start) return
          const to = moveInGrid(grid, { row: r, key: start.key }, direction)
          if (to) expect(grid[to.row]?.some((stop) => stop.key === to.key)).toBe(true)
          if (direction === 'down' && to) expect(moveInGrid(grid, to, 'up')?.row).toBe(r)
        },
      ),
    )
  })
})

describe('what keys do', () => {
  it('moves with arrows while navigating, and starts editing with Enter or F2', () => {
    expect(gridKeyAction({ key: 'ArrowDown' }, 'navigate', 'text')).toEqual({
      type: 'move',
      direction: 'down',
    })
    expect(gridKeyAction({ key: 'Home', ctrlKey: true }, 'navigate', 'text')).toEqual({
      type: 'move',
      direction: 'first',
    })
    expect(gridKeyAction({ key: 'Enter' }, 'navigate', 'text')).toEqual({ type: 'edit' })
    expect(gridKeyAction({ key: 'F2' }, 'navigate', 'select')).toEqual({ type: 'edit' })
  })

  it('leaves arrows to the control while editing; Enter commits and moves down, Escape cancels', () => {
    expect(gridKeyAction({ key: 'ArrowLeft' }, 'edit', 'text')).toEqual({ type: 'none' })
    expect(gridKeyAction({ key: 'ArrowDown' }, 'edit', 'select')).toEqual({ type: 'none' })
    expect(gridKeyAction({ key: 'Enter' }, 'edit', 'text')).toEqual({ type: 'commit', move: 'down' })
    expect(gridKeyAction({ key: 'Enter', shiftKey: true }, 'edit', 'text')).toEqual({
      type: 'commit',
      move: 'up',
    })
    expect(gridKeyAction({ key: 'F2' }, 'edit', 'text')).toEqual({ type: 'commit' })
    expect(gridKeyAction({ key: 'Escape' }, 'edit', 'text')).toEqual({ type: 'cancel' })
    expect(gridKeyAction({ key: 'Escape' }, 'navigate', 'text')).toEqual({ type: 'cancel' })
  })

  it('leaves Tab, typing, Enter on buttons and checkboxes, and modified keys to the browser', () => {
    expect(gridKeyAction({ key: 'Tab' }, 'navigate', 'text')).toEqual({ type: 'none' })
    expect(gridKeyAction({ key: 'a' }, 'navigate', 'text')).toEqual({ type: 'none' })
    expect(gridKeyAction({ key: 'Enter' }, 'navigate', 'button')).toEqual({ type: 'none' })
    expect(gridKeyAction({ key: ' ' }, 'navigate', 'checkbox')).toEqual({ type: 'none' })
    expect(gridKeyAction({ key: 'ArrowLeft', shiftKey: true }, 'navigate', 'text')).toEqual({ type: 'none' })
    expect(gridKeyAction({ key: 'ArrowLeft', altKey: true }, 'navigate', 'text')).toEqual({ type: 'none' })
  })
})
