/**
 * The one list of what is private: never in anything meant for the other side (deal room,
 * documents for them, phrases, drafted messages). Everything for them is built from the
 * allow-listed counterparty view; this list says why each field is left out of it, and the
 * leak tests use it to plant distinctive values in exactly these places.
 */
export const PRIVATE_FIELDS = [
  { field: 'reservation', why: 'our walk-away utility' },
  { field: 'aspiration', why: 'the utility we aim for' },
  { field: 'limits', why: 'our walk-away per issue' },
  { field: 'batna', why: 'both BATNAs: descriptions and utilities' },
  { field: 'issues[].us', why: 'our weights and scores (weight, prefer, scores, points)' },
  { field: 'issues[].them', why: 'our estimate of their weights and scores, confidence, uncertain' },
  { field: 'issues[].tradeable', why: 'which issues we think fund trades' },
  { field: 'issues[].notes', why: 'our notes' },
  { field: 'notes', why: 'our notes' },
  { field: 'parties.us.notes', why: 'our notes' },
  {
    field: 'parties.them.stakeholders',
    why: 'the counterparty map (but the name and role of a decision maker: the people we address)',
  },
  { field: 'evidence[shareable=false]', why: 'internal sources: win/loss interviews, our price book' },
  { field: 'parties.them.approvalPath', why: 'the counterparty map' },
  { field: 'parties.them.budgetCycle', why: 'the counterparty map' },
  { field: 'parties.them.politics', why: 'the counterparty map' },
  { field: 'parties.them.notes', why: 'the counterparty map' },
  { field: 'parties.them.approvalLimits', why: 'the counterparty map' },
  { field: 'culture', why: 'how we read their style' },
  { field: 'applicability', why: 'our view of whether the method fits' },
  { field: 'elicitation', why: 'how we derived our numbers' },
  { field: 'posterior', why: 'what we have learned of their priorities' },
  { field: 'concessions', why: 'what each concession cost and earned, and the balance' },
] as const

export type PrivateField = (typeof PRIVATE_FIELDS)[number]['field']
