/** The method's stages, in order, as the app names them and their routes: the names and goals are core's glossary. */
import { STAGE_WORDS, STAGES, type Stage } from '@parley/core'

export const STAGE_PAGES: readonly { stage: Stage; slug: string; title: string; goal: string }[] = STAGES.map(
  (stage) => ({ stage, slug: stage, title: STAGE_WORDS[stage].title, goal: STAGE_WORDS[stage].goal }),
)

export function stageOfSlug(slug: string | undefined): Stage | undefined {
  return STAGE_PAGES.find((page) => page.slug === slug)?.stage
}
