import { readFileSync } from 'node:fs'
import { SIMULATION_DEFAULTS, SIMULATION_PARAMETERS } from '@parley/core'
import { describe, expect, it } from 'vitest'
import { cliReference } from './cli-reference'

const DOCUMENT = new URL('../../../docs/cli.md', import.meta.url)

describe('cliReference', () => {
  it('is what docs/cli.md holds', () => {
    expect(readFileSync(DOCUMENT, 'utf8'), 'docs/cli.md is stale: run `npm run docs`').toBe(cliReference())
  })

  it('has a section for every command and subcommand, with the examples each adds to its help and every simulation setting with its default', () => {
    const reference = cliReference()
    for (const heading of [
      '## parley check',
      '## parley journal add',
      '## parley user password',
      '## parley simulate',
    ])
      expect(reference).toContain(`\n${heading}\n`)
    expect(reference).toContain("Example: parley journal add acme.yaml '{")
    for (const parameter of SIMULATION_PARAMETERS)
      expect(reference).toContain(`${parameter.name}=${SIMULATION_DEFAULTS[parameter.name]}`)
  })

  it('renders the same text every time, whatever the terminal', () => {
    expect(cliReference()).toBe(cliReference())
    expect(cliReference()).not.toContain('\u001b[')
  })
})
