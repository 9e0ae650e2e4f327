/**
 * The concession log, for our side only: each give and get in words, what the give cost us and the
 * get earned us, the net to each side (theirs under the current estimate), the running balance and
 * the method's warnings (`journal/concessions.ts` computes every figure; this only lays them out).
 */
import { currentEstimate } from '../inference/estimate'
import { CONCESSION_FLAG_WORDS, concessionLog } from '../journal/concessions'
import type { NegotiationState } from '../journal/replay'
import { formatLevel, formatLevelWithUnit, inSentence } from '../language/levels'
import type { Terms } from '../model/plan'
import type { Space } from '../scoring/space'
import type { Block, ParleyDocument } from './document'
import type { InternalDocumentOptions } from './preparation-brief'
import { internalMarking, partiesLine } from './wording'

const signed = (value: number) => {
  const rounded = Math.round(value * 10) / 10
  return `${rounded > 0 ? '+' : ''}${formatLevel(rounded === 0 ? 0 : rounded)}`
}

function termsWords(space: Space, terms: Terms): string {
  const parts = space.issues.flatMap((issue) => {
    const level = terms[issue.id]
    return level === undefined
      ? []
      : [`${inSentence(issue.name)} to ${formatLevelWithUnit(level, issue.unit)}`]
  })
  return parts.length > 0 ? parts.join('; ') : '—'
}

/** The concession log, for us only (marked on every page), with the figures `concessionLog` computes. */
export function concessionLogDocument(
  space: Space,
  state: NegotiationState,
  options: InternalDocumentOptions = {},
): ParleyDocument {
  const { plan } = space
  const estimate = currentEstimate(space, state, options.learned)
  const lines = concessionLog(space, state.concessions, estimate)
  const money = lines.find((line) => line.money)?.money?.unit
  const blocks: Block[] = [{ kind: 'heading', level: 1, text: `Concession log: ${plan.title}` }]
  if (lines.length === 0) {
    blocks.push({ kind: 'paragraph', text: 'No concession recorded yet.' })
  } else {
    blocks.push({
      kind: 'table',
      caption: `Values in utility points (theirs ${estimate.label})${money ? `; money in ${money}` : ''}`,
      columns: [
        'Round',
        'We give',
        'We get',
        'Cost to us',
        'Earned by us',
        'Net to us',
        'Net to them',
        ...(money ? [`Net to us (${money})`] : []),
        'Balance us / them',
        'Warnings',
      ],
      rows: lines.map((line) => [
        String(line.round),
        termsWords(space, line.give),
        termsWords(space, line.get),
        signed(-line.giveCostUs),
        signed(line.getValueUs),
        signed(line.valueUs),
        signed(line.valueThem),
        ...(money ? [line.money ? signed(line.money.valueUs) : ''] : []),
        `${signed(line.balance.us)} / ${signed(line.balance.them)}`,
        line.flags
          .map((flag) => `${CONCESSION_FLAG_WORDS[flag].label}: ${CONCESSION_FLAG_WORDS[flag].why}`)
          .join('; '),
      ]),
      primary: true,
    })
    const last = lines.at(-1)
    if (last)
      blocks.push({
        kind: 'paragraph',
        text: `Balance after ${lines.length} concession${lines.length === 1 ? '' : 's'}: ${signed(last.balance.us)} points to us, ${signed(last.balance.them)} to them (est.).`,
      })
  }
  return {
    kind: 'concessions',
    audience: 'internal',
    title: `Concession log: ${plan.title}`,
    subtitle: partiesLine(
      { parties: { us: plan.parties.us.name, them: plan.parties.them.name } },
      options.today,
    ),
    marking: internalMarking(plan.parties.us.name),
    blocks,
    calendar: null,
  }
}
