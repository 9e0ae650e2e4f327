// Every relative link in the documentation (README.md, CONTRIBUTING.md, docs/*.md) points to a file
// that exists, and every #anchor to a heading of its file. Kept beside the generator of docs/cli.md,
// the one package that writes documentation, since the unit project runs packages/*/src.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { dirname, join, relative } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'

const ROOT = fileURLToPath(new URL('../../../', import.meta.url))
const DOCUMENTS = [
  'README.md',
  'CONTRIBUTING.md',
  ...readdirSync(join(ROOT, 'docs'))
    .filter((name) => name.endsWith('.md'))
    .map((name) => `docs/${name}`),
]

/** The text outside fenced blocks and inline code, where a link is a link. */
function prose(markdown: string): string {
  return markdown.replace(/^```[\s\S]*?^```/gm, '').replace(/`[^`\n]*`/g, '')
}

/** The anchors GitHub gives a file's headings: lower case, punctuation dropped, spaces to hyphens, repeats numbered. */
function anchors(markdown: string): Set<string> {
  const seen = new Map<string, number>()
  const result = new Set<string>()
  for (const [, heading] of markdown.replace(/^```[\s\S]*?^```/gm, '').matchAll(/^#{1,6} (.+)$/gm)) {
    const slug = (heading ?? '')
      .trim()
      .toLowerCase()
      .replace(/[^\p{L}\p{N}\s_-]/gu, '')
      .replace(/ /g, '-')
    const count = seen.get(slug) ?? 0
    seen.set(slug, count + 1)
    result.add(count === 0 ? slug : `${slug}-${count}`)
  }
  return result
}

function brokenLinks(document: string): string[] {
  const text = readFileSync(join(ROOT, document), 'utf8')
  const broken: string[] = []
  for (const [, target] of prose(text).matchAll(/\]\(([^)\s]+)\)/g)) {
    if (target === undefined || /^[a-z]+:/i.test(target)) continue
    const [path = '', anchor] = target.split('#')
    const file = path === '' ? join(ROOT, document) : join(ROOT, dirname(document), path)
    if (!existsSync(file)) {
      broken.push(`${document}: ${target} (no ${relative(ROOT, file)})`)
      continue
    }
    if (anchor !== undefined && statSync(file).isFile() && file.endsWith('.md')) {
      if (!anchors(readFileSync(file, 'utf8')).has(anchor))
        broken.push(`${document}: ${target} (no heading #${anchor})`)
    }
  }
  return broken
}

describe('the documentation', () => {
  it.each(DOCUMENTS)('%s links only to files and headings that exist', (document) => {
    expect(brokenLinks(document)).toEqual([])
  })

  it('gives headings the anchors GitHub gives them', () => {
    expect([
      ...anchors('# The plan file (format 1)\n## What `parley status` reports\n## Notes\n## Notes\n'),
    ]).toEqual(['the-plan-file-format-1', 'what-parley-status-reports', 'notes', 'notes-1'])
  })
})
