/** `parley status`: where the negotiation stands. */
import { statusCommand } from '../commands/status'
import { journalReader } from './verb'

export const statusVerb = journalReader(
  'status',
  'where the negotiation stands: stage, offers in play, concession log and balance, their priorities, contingencies, reality test, next move',
  statusCommand,
)
