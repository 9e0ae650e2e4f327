/**
 * The README's five-minute tour, run as written: every `npx parley` line of its shell block in order,
 * in a folder of its own, each exiting 0 with no warning — so the tour a newcomer follows stays true.
 */
import { copyFileSync, mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { runCaptured } from './captured-run'
import { splitWords } from './terms'

function tourLines(): string[] {
  const readme = readFileSync('README.md', 'utf8')
  const tour = /## A five-minute tour[\s\S]*?```sh\n([\s\S]*?)```/.exec(readme)
  if (!tour?.[1]) throw new Error('README.md has no "## A five-minute tour" with a ```sh block')
  return tour[1].split('\n').filter((line) => line.trim() !== '')
}

describe("the README's tour", () => {
  it('runs as written, every command exiting 0', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'parley-tour-'))
    const lines = tourLines()
    expect(lines.length).toBeGreaterThan(5)
    const ran: string[] = []
    // Files the tour makes live in the folder: their names are read there (commands resolve paths
    // against the process's working directory, which a test does not change).
    const made = new Map<string, string>()
    for (const line of lines) {
      const words = splitWords(line)
      if (!words) throw new Error(`unbalanced quotes in the tour: ${line}`)
      const [program, ...rest] = words
      if (program === 'cp') {
        const copy = join(folder, rest[1] as string)
        copyFileSync(resolve(rest[0] as string), copy)
        made.set(rest[1] as string, copy)
        continue
      }
      expect([program, rest[0]], line).toEqual(['npx', 'parley'])
      const run = await runCaptured(
        rest.slice(1).map((word) => made.get(word) ?? word),
        folder,
      )
      expect({ line, code: run.code, stderr: run.stderr }).toEqual({ line, code: 0, stderr: run.stderr })
      // Nor warns: a move the tour makes is one a newcomer should copy (a trade that moves nothing,
      // an offer below our floor, would teach the wrong thing).
      expect(run.stderr, line).not.toMatch(/^warning /m)
      ran.push(rest[1] as string)
    }
    expect(ran).toEqual(expect.arrayContaining(['meso', 'offer', 'reply', 'status', 'coach', 'agree']))
  })
})
