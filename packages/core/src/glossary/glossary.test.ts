import { describe, expect, it } from 'vitest'
import { STAGES } from '../journal/replay'
import {
  FIGURE_TERMS,
  GLOSSARY,
  glossaryEntry,
  plainBundleName,
  plainEstimateLabel,
  plainInformation,
  plainLearned,
  plainNashShare,
  plainUtility,
  plainWorth,
  STAGE_WORDS,
  stageEntry,
  verdictEntry,
} from './glossary'

describe('the glossary', () => {
  it('has an entry for every stage, in the method order, titled as the app titles its pages', () => {
    const stages = GLOSSARY.filter((entry) => entry.term.startsWith('stage-'))
    expect(stages.map((entry) => entry.term)).toEqual(STAGES.map((stage) => `stage-${stage}`))
    for (const stage of STAGES) {
      expect(stageEntry(stage).plain).toBe(STAGE_WORDS[stage].title)
      // Never the raw id (`first-move`).
      expect(stageEntry(stage).plain).not.toMatch(/-/)
    }
    expect(stageEntry('first-move').plain).toBe('First move')
  })

  it('has an entry for every figure and every verdict, each term once', () => {
    for (const term of FIGURE_TERMS) expect(glossaryEntry(term).term).toBe(term)
    for (const verdict of ['accept', 'counter', 'walk away'] as const)
      expect(verdictEntry(verdict).plain.length).toBeGreaterThan(0)
    expect(new Set(GLOSSARY.map((entry) => entry.term)).size).toBe(GLOSSARY.length)
  })

  it('explains every entry in one line of plain words, and keeps the exact term for experts', () => {
    for (const entry of GLOSSARY) {
      expect(entry.explanation).not.toContain('\n')
      expect(entry.explanation.length).toBeLessThanOrEqual(200)
      // No engine words on the plain side: those live in `expert`.
      expect(`${entry.plain} ${entry.explanation}`).not.toMatch(/U_us|U_them|Nash|bits?\b|L1|--|posterior/)
      expect(entry.expert.length).toBeGreaterThan(0)
    }
    expect(glossaryEntry('utility-us').expert).toContain('U_us')
    expect(glossaryEntry('information').expert).toContain('bits')
    expect(glossaryEntry('nash-share').expert).toContain('Nash')
    expect(glossaryEntry('l1-error').expert).toContain('L1')
  })
})

describe('plain figures', () => {
  it('writes a utility out of 100 in whole points', () => {
    expect(plainUtility(72.4)).toBe('72 of 100')
    expect(plainUtility(72.5)).toBe('73 of 100')
    expect(plainUtility(0)).toBe('0 of 100')
    expect(plainWorth(55.2, 'them')).toBe('worth 55 of 100 to them')
  })

  it('says how much an answer taught at the thresholds 1, 0.3 and 0.01 bits', () => {
    expect(plainInformation(1.58)).toBe('a lot')
    expect(plainInformation(1)).toBe('a lot')
    expect(plainInformation(0.999)).toBe('some')
    expect(plainInformation(0.3)).toBe('some')
    expect(plainInformation(0.299)).toBe('a little')
    expect(plainInformation(0.01)).toBe('a little')
    expect(plainInformation(0.009)).toBe('nothing')
    expect(plainInformation(0)).toBe('nothing')
    expect(plainLearned(1.16)).toBe('we learned a lot from their answer')
    expect(plainLearned(0)).toBe('we learned nothing new from their answer')
  })

  it('writes a share of the best joint deal as a whole percent', () => {
    expect(plainNashShare(0.853)).toBe('85% of the best joint deal')
    expect(plainNashShare(1)).toBe('100% of the best joint deal')
  })
})

describe('plain names of an estimate and of a bundle', () => {
  it('says which estimate a figure is under without the abbreviation', () => {
    expect(plainEstimateLabel(0)).toBe('our estimate')
    expect(plainEstimateLabel(1)).toBe('our estimate after 1 move')
    expect(plainEstimateLabel(3)).toBe('our estimate after 3 moves')
  })

  it('names a MESO bundle by the issue it leads with, never by its id', () => {
    const names = { price: 'Annual price', onboarding_training_days: 'Onboarding training' }
    expect(plainBundleName('price-optimised', names)).toBe('led by Annual price')
    expect(plainBundleName('onboarding_training_days-optimised', names)).toBe('led by Onboarding training')
    expect(plainBundleName('balanced-b', names)).toBe('balanced')
    expect(plainBundleName('Our favourite', names)).toBe('Our favourite')
  })
})
