/** The method's stages, in order, as the app names them and their routes. */
import type { Stage } from '@parley/core'

export const STAGE_PAGES: readonly { stage: Stage; slug: string; title: string; goal: string }[] = [
  {
    stage: 'prepare',
    slug: 'prepare',
    title: 'Prepare',
    goal: 'BATNA, reservation, issues and what each is worth to both sides',
  },
  {
    stage: 'setup',
    slug: 'setup',
    title: 'Set up',
    goal: 'Agree a decision rule and the scope of what can be traded',
  },
  {
    stage: 'first-move',
    slug: 'first-move',
    title: 'First move',
    goal: 'Discover their interests, then offer equivalent bundles',
  },
  {
    stage: 'midgame',
    slug: 'midgame',
    title: 'Midgame',
    goal: 'Trade, never gift; test offers against the BATNAs',
  },
  {
    stage: 'close',
    slug: 'close',
    title: 'Close',
    goal: 'Measurable terms, governance and a fairness story',
  },
  {
    stage: 'debrief',
    slug: 'debrief',
    title: 'Debrief',
    goal: 'What worked, the figures, lessons for next time',
  },
]

export function stageOfSlug(slug: string | undefined): Stage | undefined {
  return STAGE_PAGES.find((page) => page.slug === slug)?.stage
}
