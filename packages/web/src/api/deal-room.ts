/**
 * The deal room's calls: the team's share links for a negotiation (made, listed, revoked), and the
 * other side's room, read and answered with the link's token alone (no account). An answer carries
 * an id made once per answer, so a double click or a retry records it once.
 */
import type {
  AnswerInput,
  DealRoom,
  NewShareLink,
  RecordedAnswer,
  ShareLink,
  ShareLinkInput,
  ShareLinkList,
} from '@parley/server/contract'
import { http, path } from './http'
import type { NegotiationAt } from './negotiations'

function linksPath({ workspaceId, negotiationId }: NegotiationAt): string {
  return path`/api/workspaces/${workspaceId}/negotiations/${negotiationId}/share-links`
}

export async function createShareLink(at: NegotiationAt, input: ShareLinkInput): Promise<NewShareLink> {
  return (await http.post<NewShareLink>(linksPath(at), input)).body
}

export async function listShareLinks(at: NegotiationAt): Promise<ShareLink[]> {
  return (await http.get<ShareLinkList>(linksPath(at))).body.links
}

export async function revokeShareLink(at: NegotiationAt, linkId: string): Promise<void> {
  await http.delete(`${linksPath(at)}/${encodeURIComponent(linkId)}`)
}

export async function getDealRoom(token: string): Promise<DealRoom> {
  return (await http.get<DealRoom>(path`/api/deal-room/${token}`)).body
}

export async function answerDealRoom(token: string, answer: AnswerInput): Promise<RecordedAnswer> {
  return (await http.post<RecordedAnswer>(path`/api/deal-room/${token}/answers`, answer)).body
}
