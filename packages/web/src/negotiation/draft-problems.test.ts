import { describe, expect, it } from 'vitest'
import { stageOfPath } from './draft-problems'

describe('the stage that edits a path', () => {
  it('sends the decision rule to Set up and the rest of the plan to Prepare', () => {
    expect(stageOfPath('decisionRule.require[0].value')).toBe('setup')
    expect(stageOfPath('decisionRule')).toBe('setup')
    expect(stageOfPath('reservation')).toBe('prepare')
    expect(stageOfPath('issues[2].us.weight')).toBe('prepare')
    expect(stageOfPath('')).toBe('prepare')
  })
})
