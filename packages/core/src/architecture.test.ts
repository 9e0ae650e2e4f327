/**
 * Core's folders form a layered graph: model/ at the bottom, then plan/, scoring/, inference/,
 * journal/ and up to lint/. A folder that imports a folder importing it back has no layer, so this
 * reads every source file's imports (through the bundler, since core has no file system) and fails
 * naming each cycle and the imports that close it. Tests and the testing/ helpers are left out:
 * they sit above everything they test.
 */
import { describe, expect, it } from 'vitest'

declare global {
  interface ImportMeta {
    /** Vite's glob import (https://vite.dev/guide/features#glob-import), here as raw text. */
    glob(
      patterns: string[],
      options: { query: '?raw'; import: 'default'; eager: true },
    ): Record<string, string>
  }
}

const SOURCES = import.meta.glob(['./**/*.ts', '!./**/*.test.ts', '!./testing/**', '!./index.ts'], {
  query: '?raw',
  import: 'default',
  eager: true,
})

/** `./meso/meso.ts` → `meso`; a file at the top (`./random.ts`) is a node of its own, `random`. */
function nodeOf(path: string): string {
  const [first = '', second] = path.replace(/^\.\//, '').split('/')
  return second === undefined ? first.replace(/\.ts$/, '') : first
}

/** `./meso/meso.ts` importing `../scoring/space` → `./scoring/space`. */
function resolveFrom(file: string, specifier: string): string {
  const parts = file.split('/').slice(0, -1)
  for (const segment of specifier.split('/')) {
    if (segment === '..') parts.pop()
    else if (segment !== '.') parts.push(segment)
  }
  return parts.join('/')
}

/** Each folder's imports of other folders, with the lines that make them: `from → to → [file: line]`. */
function folderGraph(sources: Record<string, string>): Map<string, Map<string, string[]>> {
  const graph = new Map<string, Map<string, string[]>>()
  for (const [file, text] of Object.entries(sources)) {
    const from = nodeOf(file)
    const edges = graph.get(from) ?? new Map<string, string[]>()
    graph.set(from, edges)
    // Statements start a line; an `import ... from` inside a comment does not.
    for (const match of text.matchAll(/^(?:import|export)\s[^'"]*?from\s+'(\.[^']*)'/gm)) {
      const specifier = match[1] ?? ''
      const to = nodeOf(resolveFrom(file, specifier))
      if (to === from) continue
      const line = text.slice(0, match.index).split('\n').length
      edges.set(to, [...(edges.get(to) ?? []), `${file.slice(2)}:${line} imports '${specifier}'`])
    }
  }
  return graph
}

/** Every elementary cycle through the graph, each written once from its smallest node: `a → b → a`. */
function cycles(graph: Map<string, Map<string, string[]>>): string[][] {
  const found: string[][] = []
  const nodes = [...graph.keys()].sort()
  for (const start of nodes) {
    const walk = (node: string, path: string[]): void => {
      for (const next of [...(graph.get(node)?.keys() ?? [])].sort()) {
        if (next === start) found.push([...path, start])
        else if (next > start && !path.includes(next)) walk(next, [...path, next])
      }
    }
    walk(start, [start])
  }
  return found
}

describe('core folder graph', () => {
  const graph = folderGraph(SOURCES)

  it('reads the imports of every source folder', () => {
    expect(Object.keys(SOURCES).length).toBeGreaterThan(50)
    expect(graph.get('frontier')?.has('scoring')).toBe(true)
    expect(graph.get('model')?.size).toBe(0)
  })

  it('has no folder that imports, directly or through others, a folder importing it', () => {
    const problems = cycles(graph).map((cycle) => {
      const imports = cycle.slice(1).flatMap((to, k) => {
        const from = cycle[k] ?? ''
        return (graph.get(from)?.get(to) ?? []).map((line) => `    ${line}`)
      })
      return [`  ${cycle.join(' → ')}`, ...imports].join('\n')
    })
    expect(problems, `core folders import each other:\n${problems.join('\n')}`).toEqual([])
  })
})
