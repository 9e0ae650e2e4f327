/**
 * What applying one event to the state means: a handler checks the event against the plan and the
 * state so far and, when it fits, changes the state in place; when it does not, it leaves the state
 * as it was and returns the problems (paths inside the event).
 */
import type { PathProblem } from '../../model/problem'
import type { Space } from '../../scoring/space'
import type { EventOf, EventType } from '../events'
import type { NegotiationState } from '../replay'

export type EventHandler<T extends EventType> = (
  space: Space,
  state: NegotiationState,
  event: EventOf<T>,
) => PathProblem[]

/** One handler for every event type: an event type added without one does not compile. */
export type EventHandlers = { [T in EventType]: EventHandler<T> }
