import { describe, expect, it } from 'vitest'
import { formatProblem } from '../model/problem'
import { readJournalText } from './jsonl'
import { readEvent } from './read'

const line = (id: number, fields: string) =>
  `{"id":"01J${String(id).padStart(23, '0')}","at":"2026-11-25T10:00:00Z","side":"us","round":1,"planVersion":"x",${fields}}`

describe('readJournalText', () => {
  it('keeps the events before a line cut off mid-write, and says where', () => {
    const text = `${line(1, '"type":"note","text":"one"')}\n${line(2, '"type":"note","text":"two"')}\n{"id":"01J0000000`
    const read = readJournalText(text, 'acme.journal.jsonl')
    expect(read.lines).toHaveLength(2)
    expect(read.problems.map(formatProblem)).toEqual([
      'acme.journal.jsonl:3: line 3 is incomplete: the journal was cut off mid-line (a crash while writing?); it is ignored and the 2 events before it are kept',
    ])
    expect(read.problems[0]?.severity).toBe('warning')
  })

  it('reports a broken line in the middle with its line number and reads the rest', () => {
    const text = `${line(1, '"type":"note","text":"one"')}\n{"type": note}\n${line(3, '"type":"note","text":"three"')}\n`
    const read = readJournalText(text, 'j.jsonl')
    expect(read.lines.map((l) => l.line)).toEqual([1, 3])
    expect(read.problems[0]).toMatchObject({ line: 2, severity: 'error', code: 'syntax' })
  })

  it('places an event problem at its line and column', () => {
    const read = readJournalText(`\n${line(1, '"type":"bundle-chosen","label":7')}\n`, 'j.jsonl')
    const [only] = read.lines
    const event = readEvent(only!.value)
    expect(event.ok).toBe(false)
    if (event.ok) return
    expect(formatProblem(only!.place(event.errors[0]!))).toBe(
      'j.jsonl:2:135 label: must be a text, not the number 7',
    )
  })
})
