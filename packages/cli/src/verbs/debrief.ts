/** `parley debrief`: the prompts with their answers, and the negotiation's figures. */
import { debriefCommand } from '../commands/debrief'
import { journalReader } from './verb'

export const debriefVerb = journalReader(
  'debrief',
  'the debrief prompts with the answers recorded, and the figures: efficiency, surplus, reciprocity, rounds, how well we guessed them',
  debriefCommand,
)
