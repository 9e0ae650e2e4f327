/** The debrief as the command line's `--json` and the server's API both give it: prompts with answers, and figures. */
import type { Posterior } from '../inference/posterior'
import type { NegotiationState } from '../journal/replay'
import { PLAYBOOKS } from '../playbooks/library'
import type { DebriefPrompt } from '../playbooks/types'
import type { Space } from '../scoring/space'
import { type DebriefFigures, debriefFigures } from './figures'

export interface AnsweredPrompt extends DebriefPrompt {
  answer: string | null
}

export interface DebriefView {
  prompts: AnsweredPrompt[]
  figures: DebriefFigures
}

export function debriefView(space: Space, state: NegotiationState, posterior: Posterior): DebriefView {
  const prompts = PLAYBOOKS[space.plan.context].debrief.map((prompt) => ({
    ...prompt,
    answer: state.debrief[prompt.id] ?? null,
  }))
  return { prompts, figures: debriefFigures(space, state, posterior) }
}
