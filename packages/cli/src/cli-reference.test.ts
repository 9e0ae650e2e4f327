import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { cliReference } from './cli-reference'

const DOCUMENT = new URL('../../../docs/cli.md', import.meta.url)

describe('cliReference', () => {
  it('is what docs/cli.md holds', () => {
    expect(readFileSync(DOCUMENT, 'utf8'), 'docs/cli.md is stale: run `npm run docs`').toBe(cliReference())
  })

  it('has a section for every command and subcommand, with the examples each adds to its help', () => {
    const reference = cliReference()
    for (const heading of [
      '## parley check',
      '## parley journal add',
      '## parley user password',
      '## parley simulate',
    ])
      expect(reference).toContain(`\n${heading}\n`)
    expect(reference).toContain("Example: parley journal add acme.yaml '{")
    expect(reference).toContain('choiceScale=')
  })

  it('renders the same text every time, whatever the terminal', () => {
    expect(cliReference()).toBe(cliReference())
    expect(cliReference()).not.toContain('\u001b[')
  })
})
