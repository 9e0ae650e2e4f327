/**
 * The fairness story as a document for them: a short paragraph a person could repeat — the terms,
 * the rule we agreed, the standards behind the numbers (shareable evidence only: the view holds no
 * other), the trades made (`close/fairness.ts` writes these) — and, when the counterparty map names
 * their decision maker, a line that lets them carry it to their side ("so Dana Okafor, as CFO, can
 * show anyone who asks on their side ..."). The agreement's own story, once written, is used as it was agreed.
 */
import { everyMoveTraded, fairnessStoryFromView } from '../close/fairness'
import { listAnd, withoutFullStop } from '../language/english'
import type { PhraseStyle } from '../playbooks/phrases'
import type { CounterpartyView } from '../sharing/counterparty-view'
import type { Block, ParleyDocument } from './document'
import { evidenceBlocks } from './meso-sheet'
import { partiesLine } from './wording'

export interface FairnessDocumentOptions {
  today?: string
  /** Direct or indirect wording (the plan's `culture.style`; direct by default). */
  style?: PhraseStyle
}

/** The line for their decision maker(s), or nothing when the map names none. */
export function faceSavingLine(view: CounterpartyView): string | null {
  const [first, ...others] = view.decider
  if (!first) return null
  const role = (person: { role: string | null }) =>
    person.role?.trim() ? withoutFullStop(person.role) : null
  const firstRole = role(first)
  const who =
    others.length === 0
      ? firstRole
        ? `${first.name}, as ${firstRole},`
        : first.name
      : listAnd(
          view.decider.map((person) => (role(person) ? `${person.name} (${role(person)})` : person.name)),
        )
  const rule = Boolean(view.decisionRule?.statement?.trim() || view.decisionRule?.requireInWords.length)
  const traded = everyMoveTraded(view.moves)
  const reasons = [
    ...(rule ? ['meets the test both sides agreed at the start'] : []),
    ...(view.evidence.length > 0 ? ['rests on shared standards rather than on pressure'] : []),
    ...(traded ? ['that every move was answered by one in return'] : []),
  ]
  const why =
    reasons.length > 0 ? listAnd(reasons) : 'was reached in the open, on terms both sides can explain'
  // Whoever they answer to (a board, a council, a partner): the map does not say, so neither do we.
  return `So ${who} can show anyone who asks on their side that the outcome ${why}.`
}

/** The fairness story from the counterparty view: the agreed story when one was recorded, else a draft. */
export function fairnessStoryDocument(
  view: CounterpartyView,
  options: FairnessDocumentOptions = {},
): ParleyDocument {
  const story =
    view.agreement?.fairnessStory?.trim() ||
    fairnessStoryFromView(view, options.style ? { style: options.style } : {})
  const face = faceSavingLine(view)
  const blocks: Block[] = [
    { kind: 'heading', level: 1, text: `Why the outcome is fair: ${view.title}` },
    { kind: 'paragraph', text: story },
  ]
  if (face) blocks.push({ kind: 'paragraph', text: face })
  blocks.push(...evidenceBlocks(view, 'The standards behind the numbers'))
  return {
    kind: 'fairness',
    audience: 'counterparty',
    title: `Why the outcome is fair to ${view.parties.us} and ${view.parties.them}`,
    subtitle: partiesLine(view, options.today),
    marking: null,
    blocks,
    calendar: null,
  }
}
