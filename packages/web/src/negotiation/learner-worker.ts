/**
 * The web app's learner off the page's thread (see background-learning.ts): given a checked plan
 * and the journal, it learns every move as core's `negotiation` does on the page and answers with
 * the learner's state, for the page to resume.
 */
import { compileSpace, negotiation } from '@parley/core'
import type { LearningAnswer, LearningRequest } from './background-learning'

const scope = globalThis as unknown as {
  onmessage: ((message: MessageEvent<LearningRequest>) => void) | null
  postMessage(answer: LearningAnswer): void
}

scope.onmessage = ({ data: { id, plan, events } }) => {
  try {
    const state = negotiation(compileSpace(plan), events).learner?.snapshot()
    if (!state) throw new Error('core learned nothing from the journal')
    scope.postMessage({ id, state })
  } catch (caught) {
    scope.postMessage({ id, error: caught instanceof Error ? caught.message : String(caught) })
  }
}
