/**
 * The term sheet, for them, at close: the agreed terms in words and units, then what makes them
 * checkable — each measure's definition, threshold, reporting and remedy, the contingent terms
 * agreed — and how the agreement lives on: change control, exit, governance and the review cadence.
 * Built from the counterparty view's agreement alone; before an agreement there is no term sheet.
 */
import { formatLevel, unitFor } from '../language/levels'
import type { CounterpartyView } from '../sharing/counterparty-view'
import type { Block, ParleyDocument } from './document'
import { type DocumentFailure, documentFailure } from './failure'
import type { CounterpartyDocumentOptions } from './meso-sheet'
import { decisionRuleBlocks } from './meso-sheet'
import { contingentTermSentence, longDate, partiesLine } from './wording'

/** The term sheet from the counterparty view's agreement; `not-agreed` before there is one. */
export function termSheet(
  view: CounterpartyView,
  options: CounterpartyDocumentOptions = {},
): ParleyDocument | DocumentFailure {
  const { agreement } = view
  if (!agreement)
    return documentFailure(
      'not-agreed',
      'Nothing is agreed yet: record the agreement first (parley agree, or Agree in the close stage), then build the term sheet.',
    )
  const rows = view.issues.flatMap((issue) => {
    const level = agreement.terms[issue.id]
    if (level === undefined) return []
    // A text option names itself; its unit (`tier`) would only repeat the issue.
    // A number's unit as it reads after it: 6 `months after start` for a plan that wrote `month after start`.
    return [
      [
        issue.name,
        formatLevel(level),
        typeof level === 'number' && issue.unit ? unitFor(level, issue.unit) : '',
      ],
    ]
  })
  const blocks: Block[] = [
    { kind: 'heading', level: 1, text: `Term sheet: ${view.title}` },
    {
      kind: 'paragraph',
      text: `The terms ${view.parties.us} and ${view.parties.them} agreed${options.agreedOn ? ` on ${longDate(options.agreedOn)}` : ''}.`,
    },
    { kind: 'table', caption: 'Agreed terms', columns: ['Issue', 'Agreed', 'Unit'], rows, primary: true },
  ]
  if (agreement.measures.length > 0)
    blocks.push(
      { kind: 'heading', level: 2, text: 'How the terms are measured' },
      {
        kind: 'table',
        caption: 'Measures, thresholds, reporting and remedies',
        columns: ['Measure', 'Threshold', 'Reporting', 'Remedy'],
        rows: agreement.measures.map((measure) => [
          measure.metric,
          typeof measure.threshold === 'number' ? formatLevel(measure.threshold) : measure.threshold,
          measure.reporting,
          measure.remedy,
        ]),
        primary: false,
      },
    )
  if (agreement.contingencies.length > 0)
    blocks.push(
      { kind: 'heading', level: 2, text: 'Contingent terms' },
      {
        kind: 'list',
        ordered: false,
        items: agreement.contingencies.map(contingentTermSentence),
      },
    )
  const governance: [string, string | null][] = [
    ['Change control', agreement.changeControl],
    ['Exit', agreement.exit],
    ['Review cadence', agreement.governance.reviewCadence],
    ['Data access', agreement.governance.dataAccess],
    ['Escalation', agreement.governance.escalation],
  ]
  const said = governance.filter((entry): entry is [string, string] => Boolean(entry[1]?.trim()))
  blocks.push(
    { kind: 'heading', level: 2, text: 'Change control, exit and governance' },
    said.length > 0
      ? { kind: 'list', ordered: false, items: said.map(([label, text]) => `${label}: ${text}`) }
      : { kind: 'paragraph', text: 'Not yet agreed: change control, exit and the review cadence.' },
    ...decisionRuleBlocks(view),
  )
  return {
    kind: 'terms',
    audience: 'counterparty',
    title: `Term sheet for ${view.parties.us} and ${view.parties.them}`,
    subtitle: partiesLine(view, options.today),
    marking: null,
    blocks,
    calendar: null,
  }
}
