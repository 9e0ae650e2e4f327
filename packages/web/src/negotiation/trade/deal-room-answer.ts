/**
 * The other side's latest answer from the deal room, in words for the midgame's notice: "Calder
 * Mutual chose option B in the deal room". Read from the journal (the events the server marked with
 * `source: 'deal-room'`); only an answer to our latest offer is news.
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
    default:
      return undefined
  }
}

function quoted(comment: string | undefined): string {
  return comment ? `: “${comment}”` : ''
}
