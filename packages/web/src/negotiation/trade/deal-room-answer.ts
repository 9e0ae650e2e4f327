/**
 * The other side's latest answer from the deal room, in words for the midgame's notice: "Calder
 * Mutual chose option B in the deal room". Read from the journal (the events the server marked with
 * `source: 'deal-room'`); only an answer to our latest offer is news, or their signature after it.
 */
import type { JournalEvent } from '@parley/core'
import { type IssueLabel, termsText } from './terms-text'

export function dealRoomNews(
  events: readonly JournalEvent[],
  them: string,
  issues: readonly IssueLabel[],
): string | undefined {
  const lastOffer = events.findLastIndex((event) => event.type === 'offer-sent')
  const answer = events.findLast(
    (event, index) => index > lastOffer && event.source === 'deal-room' && event.type !== 'retract',
  )
  if (!answer) return undefined
  switch (answer.type) {
    case 'bundle-chosen':
      return `${them} chose option ${answer.label} in the deal room${quoted(answer.comment)}`
    case 'bundles-ranked':
      return `${them} ranked the options ${answer.order.join(', ')} in the deal room${quoted(answer.comment)}`
    case 'offer-rejected':
      return `${them} turned our offer down in the deal room${
        answer.counter ? `, countering with ${termsText(issues, answer.counter.terms)}` : ''
      }${quoted(answer.reason)}`
    case 'agreed':
      return `${them} signed ${whichSigned(events, answer.terms) ?? `the agreement, with ${termsText(issues, answer.terms)}`} in the deal room`
    default:
      return undefined
  }
}

/** Which of the alternatives offered beside the agreement they signed, or the agreement as it was. */
function whichSigned(events: readonly JournalEvent[], signed: Record<string, unknown>): string | undefined {
  const offered = events.findLast((event) => event.type === 'alternatives-offered')
  if (offered?.type !== 'alternatives-offered') return undefined
  const same = (a: Record<string, unknown>, b: Record<string, unknown>) =>
    Object.keys({ ...a, ...b }).every((id) => a[id] === b[id])
  const k = offered.bundles.findIndex((bundle) => same(bundle.terms, signed))
  if (k >= 0) return `alternative ${offered.bundles[k]?.label ?? k + 1} of those offered before signing`
  const agreed = events.findLast((event, index) => event.type === 'agreed' && index < events.indexOf(offered))
  return agreed?.type === 'agreed' && same(agreed.terms, signed) ? 'the agreement as it was' : undefined
}

function quoted(comment: string | undefined): string {
  return comment ? `: “${comment}”` : ''
}
