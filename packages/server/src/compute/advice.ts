/**
 * What to change when a view is refused for its size (over its work budget, its deadline or its
 * memory): the words the compute worker and the route both use, so every refusal says the same.
 */
import type { ViewName } from './requests'

/** The command that computes the same view on the user's own machine, with no limit. */
const COMMANDS: Record<ViewName, string> = {
  frontier: 'parley frontier',
  meso: 'parley meso',
  status: 'parley status',
  coach: 'parley coach',
  lint: 'parley lint',
  debrief: 'parley debrief',
  document: 'parley export',
  // The web app learns the journal itself when the server will not.
  learned: 'parley status',
}

/** How to make the view smaller, or where to compute it instead: `…; <this>`. */
export function smallerOrLocal(view: ViewName, options: { epsilon?: boolean } = {}): string {
  const smaller =
    view === 'frontier'
      ? `${options.epsilon === false ? '' : 'ask for a larger epsilon, '}give the issues fewer levels (a coarser step on ranges)`
      : 'give the issues fewer levels (a coarser step on ranges) or leave out issues that do not matter'
  return `${smaller}, or run \`${COMMANDS[view]}\` on your own machine, which has no such limit`
}

/** The same, when the one thing to do is to ask with this epsilon (or compute it elsewhere). */
export function askWithEpsilon(epsilon: number): string {
  return `ask again with ?epsilon=${epsilon} for a frontier within ${epsilon} points of the true one, or run \`${COMMANDS.frontier}\` on your own machine, which has no such limit`
}
