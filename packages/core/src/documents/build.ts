/**
 * One entry for every document: `buildDocument(kind, space, state, options)`. The documents for
 * them are built from the counterparty view alone — the builder is handed the view, never the plan
 * or the journal — so nothing private can reach them; the brief and the concession log, for us,
 * read the negotiation itself. A document that can not be built yet is a failure value.
 */
import type { Posterior } from '../inference/posterior'
import { type NegotiationState, replay } from '../journal/replay'
import type { PhraseStyle } from '../playbooks/phrases'
import type { Space } from '../scoring/space'
import { counterpartyView } from '../sharing/counterparty-view'
import { cadenceDocument } from './cadence'
import { concessionLogDocument } from './concession-log'
import type { DocumentKind, ParleyDocument } from './document'
import type { DocumentFailure } from './failure'
import { fairnessStoryDocument } from './fairness-story'
import { mesoSheet } from './meso-sheet'
import { preparationBrief } from './preparation-brief'
import { counterpartyViewForSheet } from './sheet-view'
import { termSheet } from './term-sheet'

export interface BuildDocumentOptions {
  /** Today, `YYYY-MM-DD`: the subtitle's date, and the first review when the agreement has none. */
  today?: string
  /** Wording of the fairness story; by default the plan's `culture.style`. */
  style?: PhraseStyle
  /** The posterior the caller keeps for the journal (inferred where needed when left out). */
  learned?: Posterior
  /** Length of each review in the cadence's calendar event, in minutes (60 by default). */
  durationMinutes?: number
}

/**
 * Builds one kind of document for a negotiation (`state` undefined: the plan alone). The documents
 * for them see only the counterparty view; a document that can not be built yet is a failure value.
 */
export function buildDocument(
  kind: DocumentKind,
  space: Space,
  state: NegotiationState | undefined,
  options: BuildDocumentOptions = {},
): ParleyDocument | DocumentFailure {
  const today = options.today !== undefined ? { today: options.today } : {}
  const agreedOn = state?.agreed ? { agreedOn: state.agreed.event.at.slice(0, 10) } : {}
  const learned = options.learned !== undefined ? { learned: options.learned } : {}
  switch (kind) {
    case 'meso':
      return mesoSheet(counterpartyViewForSheet(space, state, options.learned).view, today)
    case 'terms':
      return termSheet(counterpartyView(space, state), { ...today, ...agreedOn })
    case 'fairness': {
      const style = options.style ?? space.plan.culture?.style
      return fairnessStoryDocument(counterpartyView(space, state), { ...today, ...(style ? { style } : {}) })
    }
    case 'cadence':
      return cadenceDocument(counterpartyView(space, state), {
        ...today,
        ...agreedOn,
        ...(options.durationMinutes !== undefined ? { durationMinutes: options.durationMinutes } : {}),
      })
    case 'brief':
      return preparationBrief(space, state, { ...today, ...learned })
    case 'concessions':
      return concessionLogDocument(space, state ?? replay(space, []), { ...today, ...learned })
  }
}
