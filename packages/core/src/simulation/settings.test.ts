import { describe, expect, it } from 'vitest'
import { SIMULATION_DEFAULTS, SIMULATION_PARAMETERS, settingsProblems, simulationSettings } from './settings'

describe('simulation settings', () => {
  it('documents every setting, and every default is in its range', () => {
    expect(SIMULATION_PARAMETERS.map((parameter) => parameter.name).sort()).toEqual(
      Object.keys(SIMULATION_DEFAULTS).sort(),
    )
    expect(settingsProblems({ ...SIMULATION_DEFAULTS })).toEqual([])
    expect(simulationSettings()).toEqual(SIMULATION_DEFAULTS)
  })

  it('says what is wrong with a setting, naming it', () => {
    expect(settingsProblems({ choiseScale: 3 })).toEqual(["unknown setting 'choiseScale'"])
    expect(settingsProblems({ deadline: 2.5 })).toEqual([
      'deadline must be a whole number from 1 to 100, not 2.5',
    ])
    expect(settingsProblems({ reciprocity: 2 })).toEqual(['reciprocity must be a number from 0 to 1, not 2'])
    expect(settingsProblems({ perturbedLow: 1.5, perturbedHigh: 1.2 })).toEqual([
      'perturbedLow (1.5) must not be above perturbedHigh (1.2)',
    ])
    expect(() => simulationSettings({ mesoCount: 4 })).toThrow(
      'mesoCount must be a whole number from 2 to 3, not 4',
    )
  })
})
