/**
 * The issues grid as a spreadsheet: which cell has the focus and whether it is being edited, what
 * is being typed in it, and the keys, focus moves and pastes that drive it (grid-navigation.ts
 * decides what a key does; this module does it to the page). Typing goes into the plan at once, so
 * core's problems and every number derived from the plan follow it; Escape puts back the plan as
 * it was when the cell got the focus. Text that can not be read stays in its cell with a message
 * (as a spreadsheet keeps what was typed) and changes nothing in the plan.
 */
import type { Plan } from '@parley/core'
import {
  type ClipboardEvent,
  type FocusEvent,
  type KeyboardEvent,
  type MouseEvent,
  type RefObject,
  useCallback,
  useEffect,
  useRef,
  useState,
} from 'react'
import type { NegotiationModel } from '../model'
import {
  type ControlKind,
  type Direction,
  type GridPosition,
  type GridStop,
  gridKeyAction,
  moveInGrid,
} from './grid-navigation'
import { type CellKey, editCell, type GridCell } from './issues-grid-cells'
import { applyPaste, describePaste, isBlock } from './paste'

export interface CellPlace {
  row: number
  key: CellKey
}

interface Active extends CellPlace {
  /** The plan when the cell got the focus: what Escape puts back. */
  before: Plan
  editing: boolean
}

interface Typed {
  text: string
  /** Why the text could not be read; then the plan did not change. */
  message?: string
}

/** A change made to many cells at once (a paste, a removal), said in words, with the plan before it to undo. */
export interface GridChange {
  message: string
  before: Plan
  after: Plan
}

const id = (place: CellPlace) => `${place.row}:${place.key}`

function controlOf(element: HTMLElement): ControlKind {
  if (element instanceof HTMLSelectElement) return 'select'
  if (element instanceof HTMLInputElement) return element.type === 'checkbox' ? 'checkbox' : 'text'
  return 'button'
}

/** Keys that start typing over a cell's value while navigating. */
function startsTyping(event: KeyboardEvent): boolean {
  if (event.ctrlKey || event.metaKey || event.altKey) return false
  return event.key.length === 1 || event.key === 'Backspace' || event.key === 'Delete'
}

export interface GridEditor {
  /** What a text cell shows: what is being typed in it, text that could not be read, else `planText`. */
  shown(place: CellPlace, planText: string): string
  /** Why the text in a cell could not be read, when it could not. */
  unreadable(place: CellPlace): string | undefined
  isEditing(place: CellPlace): boolean
  /** Text typed in a cell. */
  type(place: CellPlace, text: string): void
  /** A choice made in a select or a checkbox. */
  choose(place: CellPlace, value: string): void
  /** A whole-grid change (adding, removing, pasting): typing in progress is dropped, focus may move. */
  replace(next: Plan, focus?: CellPlace): void
  /** The last paste or removal, to show and undo. */
  lastChange: GridChange | undefined
  setLastChange(change: GridChange | undefined): void
  undo(): void
  /** Handlers for the table element. */
  table: {
    onKeyDown(event: KeyboardEvent<HTMLElement>): void
    onFocus(event: FocusEvent<HTMLElement>): void
    onBlur(event: FocusEvent<HTMLElement>): void
    onMouseDown(event: MouseEvent<HTMLElement>): void
    onPaste(event: ClipboardEvent<HTMLElement>): void
  }
}

export function useGridEditor(
  model: NegotiationModel,
  cells: readonly (readonly GridCell[])[],
  tableRef: RefObject<HTMLTableElement | null>,
): GridEditor {
  const [active, setActiveState] = useState<Active>()
  const activeRef = useRef<Active>(undefined)
  const [typed, setTyped] = useState<Record<string, Typed>>({})
  const [lastChange, setLastChange] = useState<GridChange>()
  // Issues added in this visit, by id: renaming them renames their id too (nothing names them yet).
  const fresh = useRef(new Set<string>())
  const pointer = useRef(false)
  const pendingFocus = useRef<CellPlace>(undefined)
  const draft = model.draft

  const setActive = useCallback((next: Active | undefined) => {
    activeRef.current = next
    setActiveState(next)
  }, [])

  /** The grid cell an element is, from the data attributes every control of the grid carries. */
  const placeOf = useCallback(
    (element: EventTarget | null): CellPlace | undefined => {
      if (!(element instanceof HTMLElement)) return undefined
      const row = Number(element.dataset.gridRow)
      const key = cells[row]?.find((cell) => cell.key === element.dataset.gridCell)?.key
      return key === undefined ? undefined : { row, key }
    },
    [cells],
  )

  const stops = useCallback(
    (): GridStop[][] => cells.map((row) => row.map(({ key, x }) => ({ key, x }))),
    [cells],
  )

  const element = useCallback(
    (place: GridPosition): HTMLElement | undefined => {
      const all = tableRef.current?.querySelectorAll<HTMLElement>('[data-grid-cell]') ?? []
      return Array.from(all).find(
        (candidate) =>
          candidate.dataset.gridRow === String(place.row) && candidate.dataset.gridCell === place.key,
      )
    },
    [tableRef],
  )

  const focusCell = useCallback(
    (place: GridPosition) => {
      const target = element(place)
      if (!target) return false
      target.focus()
      return true
    },
    [element],
  )

  // A focus asked for before the cell existed (a new row) lands once it is drawn.
  useEffect(() => {
    const wanted = pendingFocus.current
    if (wanted && focusCell(wanted)) pendingFocus.current = undefined
  })

  const forget = useCallback((place: CellPlace) => {
    setTyped((current) => {
      if (!(id(place) in current)) return current
      const { [id(place)]: _gone, ...rest } = current
      return rest
    })
  }, [])

  /** Leaves a cell's text as it is: readable text gives way to the plan's value, unreadable text stays. */
  const settle = useCallback((place: CellPlace) => {
    setTyped((current) => {
      const entry = current[id(place)]
      if (!entry || entry.message !== undefined) return current
      const { [id(place)]: _settled, ...rest } = current
      return rest
    })
  }, [])

  const type = useCallback(
    (place: CellPlace, text: string) => {
      const result = editCell(draft, place.row, place.key, text, { fresh: fresh.current })
      setTyped((current) => ({
        ...current,
        [id(place)]: result.ok ? { text } : { text, message: result.message },
      }))
      const current = activeRef.current
      if (!current || id(current) !== id(place)) setActive({ ...place, before: draft, editing: true })
      else if (!current.editing) setActive({ ...current, editing: true })
      if (!result.ok) return
      if (place.key === 'name') {
        const from = draft.issues[place.row]?.id
        const to = result.value.issues[place.row]?.id
        if (from && to && from !== to && fresh.current.delete(from)) fresh.current.add(to)
      }
      model.edit(() => result.value)
    },
    [draft, model, setActive],
  )

  const choose = useCallback(
    (place: CellPlace, value: string) => {
      const result = editCell(draft, place.row, place.key, value)
      if (!activeRef.current || id(activeRef.current) !== id(place))
        setActive({ ...place, before: draft, editing: false })
      if (result.ok) model.edit(() => result.value)
    },
    [draft, model, setActive],
  )

  const replace = useCallback(
    (next: Plan, focus?: CellPlace) => {
      for (const issue of next.issues)
        if (!draft.issues.some((other) => other.id === issue.id)) fresh.current.add(issue.id)
      setTyped({})
      const current = activeRef.current
      if (current) setActive({ ...current, before: next, editing: false })
      pendingFocus.current = focus
      model.edit(() => next)
    },
    [draft, model, setActive],
  )

  const undo = useCallback(() => {
    if (!lastChange || draft !== lastChange.after) return
    setTyped({})
    setActive(undefined)
    model.edit(() => lastChange.before)
    setLastChange(undefined)
  }, [draft, lastChange, model, setActive])

  const table: GridEditor['table'] = {
    onFocus(event) {
      const place = placeOf(event.target)
      if (!place) return
      const editing = pointer.current && controlOf(event.target) === 'text'
      pointer.current = false
      setActive({ ...place, before: draft, editing })
      // Arriving by keyboard selects the value, so typing replaces it as in a spreadsheet.
      if (!editing && event.target instanceof HTMLInputElement && event.target.type !== 'checkbox')
        event.target.select()
    },
    onBlur(event) {
      const place = placeOf(event.target)
      const current = activeRef.current
      if (!place || !current || id(current) !== id(place)) return
      settle(place)
      setActive(undefined)
    },
    onMouseDown(event) {
      const place = placeOf(event.target)
      if (!place || !(event.target instanceof HTMLElement) || controlOf(event.target) !== 'text') return
      const current = activeRef.current
      // A click puts the caret in the text: editing, arrows move the caret.
      if (current && id(current) === id(place)) setActive({ ...current, editing: true })
      else pointer.current = true
    },
    onKeyDown(event) {
      const target = event.target
      const place = placeOf(target)
      if (!place || !(target instanceof HTMLElement)) return
      const control = controlOf(target)
      const current = activeRef.current
      const here = current && id(current) === id(place) ? current : undefined
      const action = gridKeyAction(event, here?.editing ? 'edit' : 'navigate', control)
      const move = (direction: Direction) => {
        const to = moveInGrid(stops(), place, direction)
        if (to) focusCell(to)
        else if (target instanceof HTMLInputElement && control === 'text') target.select()
      }
      switch (action.type) {
        case 'move':
          event.preventDefault()
          move(action.direction)
          return
        case 'edit':
          event.preventDefault()
          setActive({ ...place, before: here?.before ?? draft, editing: true })
          if (target instanceof HTMLInputElement) {
            const end = target.value.length
            target.setSelectionRange(end, end)
          }
          return
        case 'commit':
          event.preventDefault()
          settle(place)
          // What was typed is kept: Escape from here on puts back the plan as it is now.
          setActive({ ...place, before: draft, editing: false })
          if (action.move) move(action.move)
          else if (target instanceof HTMLInputElement) target.select()
          return
        case 'cancel': {
          const before = here?.before
          const typing = id(place) in typed
          if (!typing && (!before || before === draft)) return
          event.preventDefault()
          forget(place)
          if (before && before !== draft) model.edit(() => before)
          setActive({ ...place, before: before ?? draft, editing: false })
          if (target instanceof HTMLInputElement) requestAnimationFrame(() => target.select())
          return
        }
        case 'none':
          if (!here?.editing && control === 'text' && startsTyping(event))
            setActive({ ...place, before: here?.before ?? draft, editing: true })
      }
    },
    onPaste(event) {
      const text = event.clipboardData.getData('text/plain')
      // One value goes into the focused field as usual; a block fills the grid.
      if (!isBlock(text)) return
      event.preventDefault()
      const place = placeOf(event.target)
      const column = place ? cells[place.row]?.find((cell) => cell.key === place.key)?.column : undefined
      const { plan, report } = applyPaste(
        draft,
        text,
        place && column ? { row: place.row, column } : undefined,
      )
      replace(plan)
      setLastChange({ message: describePaste(report), before: draft, after: plan })
    },
  }

  return {
    shown: (place, planText) => typed[id(place)]?.text ?? planText,
    unreadable: (place) => typed[id(place)]?.message,
    isEditing: (place) => (active ? id(active) === id(place) && active.editing : false),
    type,
    choose,
    replace,
    lastChange,
    setLastChange,
    undo,
    table,
  }
}
