/**
 * Reading hostile documents: nesting deeper than a reader can follow is a syntax problem in plain
 * words, never the engine's own message (a server would otherwise echo it to the sender).
 */
import { describe, expect, it } from 'vitest'
import { LIMITS } from '../model/limits'
import { closest } from './schema-problems'
import { readSource } from './source'

describe('readSource on documents nested too deeply to read', () => {
  const cases: [string, string, 'yaml' | 'json'][] = [
    ['an unclosed YAML flow list', '['.repeat(100_000), 'yaml'],
    ['a closed YAML flow list', `${'['.repeat(20_000)}${']'.repeat(20_000)}`, 'yaml'],
    ['compact YAML lists on one line', `${'- '.repeat(20_000)}x`, 'yaml'],
    ['an unclosed JSON list', '['.repeat(100_000), 'json'],
    ['a closed JSON list', `${'['.repeat(100_000)}${']'.repeat(100_000)}`, 'json'],
    ['a JSON list of objects', `${'[{"a":'.repeat(10_000)}1${'}]'.repeat(10_000)}`, 'json'],
    [
      'YAML maps nested by indentation',
      Array.from({ length: 3000 }, (_, k) => `${' '.repeat(k)}k:`).join('\n'),
      'yaml',
    ],
  ]
  for (const [name, text, format] of cases) {
    it(`says so for ${name}`, () => {
      const read = readSource(text, format)
      expect(read.value).toBeUndefined()
      expect(read.errors.length).toBeGreaterThan(0)
      expect(read.errors).toHaveLength(1)
      expect(read.errors[0]?.message).toBe(
        `the document nests more than ${LIMITS.nesting} levels deep, the most a plan or journal may`,
      )
      // Where the limit is passed: on the first line, or for maps nested by indentation, the line
      // of the first map too deep.
      expect(read.errors[0]?.line).toBe(name.includes('indentation') ? LIMITS.nesting + 1 : 1)
      for (const problem of read.errors) expect(problem.message).not.toMatch(/call stack|RangeError/i)
    })
  }

  it('still reads a document nested as deep as the limit, in either format', () => {
    const list = `${'['.repeat(LIMITS.nesting)}1${']'.repeat(LIMITS.nesting)}`
    for (const format of ['json', 'yaml'] as const) {
      const read = readSource(list, format)
      expect(read.errors).toEqual([])
      let value = read.value
      for (let k = 0; k < LIMITS.nesting; k++) value = (value as unknown[])[0]
      expect(value).toBe(1)
    }
    // Brackets inside texts are not nesting.
    expect(readSource(JSON.stringify({ a: '['.repeat(1000) }), 'json').errors).toEqual([])
    expect(readSource(`a: "${'['.repeat(1000)}"`, 'yaml').errors).toEqual([])
  })
})

describe('closest', () => {
  it('still finds a near miss, and spends nothing on a name far longer than every candidate', () => {
    expect(closest('wieght', ['weight', 'prefer', 'scores'])).toBe('weight')
    // A short form of exactly one candidate: its start, or a whole part of it.
    expect(closest('staff', ['senior-L5', 'staff-L6'])).toBe('staff-L6')
    expect(closest('enclave', ['aggregates', 'deidentified-enclave', 'deidentified-export'])).toBe(
      'deidentified-enclave',
    )
    expect(
      closest('deidentified', ['aggregates', 'deidentified-enclave', 'deidentified-export']),
    ).toBeUndefined()
    expect(closest('s', ['senior-L5', 'staff-L6'])).toBeUndefined()
    const started = Date.now()
    for (let k = 0; k < 1000; k++) expect(closest('x'.repeat(100_000), ['weight', 'prefer'])).toBeUndefined()
    expect(Date.now() - started).toBeLessThan(1000)
  })
})
