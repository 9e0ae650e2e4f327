/**
 * A rehearsal's exchanges in words, as the rehearsal panel lists them: each move of the person and
 * what the other side did, with the figures the person may see (core's `rehearsalFigures`, written
 * by core's formatters: our U and the current estimate of theirs when playing us, their true U
 * when playing them).
 */
import {
  formatPoints,
  type Rehearsal,
  type RehearsalBundle,
  type RehearsalExchange,
  type RehearsalMove,
  rehearsalFigures,
} from '@parley/core'
import { type IssueLabel, termsText } from './terms-text'

function names(issues: readonly IssueLabel[], ids: readonly string[]): string {
  return ids.map((id) => issues.find((issue) => issue.id === id)?.name ?? id).join(', ')
}

/**
 * A bundle with the figures the person may see. `estimate` words which estimate their figure is
 * under (the app's plain words); core's exact label (`est., plan`) when left out.
 */
export function bundleText(
  issues: readonly IssueLabel[],
  rehearsal: Rehearsal,
  bundle: RehearsalBundle,
  estimate?: string,
): string {
  const seen = rehearsalFigures(rehearsal, bundle.levels)
  const figures =
    rehearsal.setup.role === 'them'
      ? `worth ${formatPoints(seen.them ?? 0)} to you`
      : `${formatPoints(seen.us)} to us, ${formatPoints(seen.estimate.them)} to them (${estimate ?? seen.estimate.label})`
  return `${bundle.label ? `${bundle.label}: ` : ''}${termsText(issues, bundle.terms)} — ${figures}`
}

export function moveText(issues: readonly IssueLabel[], move: RehearsalMove): string {
  switch (move.kind) {
    case 'ask':
      return 'You asked what matters most to them.'
    case 'meso':
      return move.target === undefined
        ? 'You offered the MESO set Parley computed.'
        : `You offered the MESO set at ${formatPoints(move.target)} points for us.`
    case 'offer':
      return `You offered ${termsText(issues, move.terms)}.`
    case 'concede':
      return `You conceded ${termsText(issues, move.give)}${Object.keys(move.get).length > 0 ? ` for ${termsText(issues, move.get)}` : ' (a gift)'}.`
    case 'accept':
      return 'label' in move && move.label ? `You accepted ${move.label}.` : 'You accepted.'
    case 'walk':
      return 'You walked away.'
    case 'priorities':
      return move.ranking.length > 0
        ? `You said what matters most: ${names(issues, move.ranking)}.`
        : 'You kept your priorities to yourself.'
    case 'counter':
      return `You countered${move.order && move.order.length > 1 ? ` (ranking ${move.order.join(', ')})` : ''}${Object.keys(move.terms).length > 0 ? `, asking for ${termsText(issues, move.terms)}` : ''}.`
    case 'sign':
      return move.alternative === undefined
        ? 'You signed the agreement as it was.'
        : `You signed alternative ${move.alternative} instead.`
  }
}

/** What the other side did in answer. */
export function replyText(
  issues: readonly IssueLabel[],
  rehearsal: Rehearsal,
  exchange: RehearsalExchange,
  estimate?: string,
): string {
  const { reply } = exchange
  const us = rehearsal.setup.role === 'us'
  switch (reply.kind) {
    case 'stated':
      return `They say what matters most to them: ${names(issues, reply.ranking)}.`
    case 'offered':
      return `Parley offers ${reply.bundles.length === 1 ? 'one bundle' : `${reply.bundles.length} bundles`}.`
    case 'agreed':
      return us
        ? `They agree${reply.bundle.label ? ` to ${reply.bundle.label}` : ''}: ${termsText(issues, reply.bundle.terms)}.`
        : `Parley accepts your counter: ${termsText(issues, reply.bundle.terms)}.`
    case 'countered':
      return `${reply.order.length > 1 ? `They rank ${reply.order.join(', ')} and counter` : 'They counter'}: ${bundleText(issues, rehearsal, reply.counter, estimate)}.`
    case 'before-signing':
      // The alternatives themselves are listed where they are signed, and in the debrief.
      return `${us ? 'They agree' : 'Agreed'}: ${termsText(issues, reply.agreed.terms)}. Before signing, Parley offers ${reply.alternatives.length === 1 ? 'an alternative' : `${reply.alternatives.length} alternatives`} beside it, each at least as good for us.`
    case 'left':
      return 'They walk away: nothing on the table beats their alternative for them.'
    case 'ended':
      return ''
  }
}
