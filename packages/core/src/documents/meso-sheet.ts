/**
 * The MESO sheet, for them: the bundles side by side (one column per option, one row per issue by
 * its name and unit, and a row saying why each option looks as it does), the decision rule as
 * agreed, the standards behind the numbers, and the contingent terms proposed. Built from the
 * counterparty view alone (see `sheet-view.ts` for which bundles), so nothing private can reach it.
 */
import { capitalised, withoutFullStop } from '../language/english'
import type { CounterpartyView } from '../sharing/counterparty-view'
import type { Block, ParleyDocument } from './document'
import { type DocumentFailure, documentFailure } from './failure'
import { contingentTermSentence, evidenceLine, issueHeading, levelCell, partiesLine } from './wording'

export interface CounterpartyDocumentOptions {
  /** Today, `YYYY-MM-DD`: the date in the subtitle (none without it). */
  today?: string
  /**
   * The day the agreement was recorded, `YYYY-MM-DD` (the journal's `agreed` event). A date is
   * shareable, but it is not in the view: the leak tests could not tell its day from a figure.
   */
  agreedOn?: string
}

/** The decision rule as agreed, in words (issue names, never ids), or nothing when there is none. */
export function decisionRuleBlocks(view: CounterpartyView): Block[] {
  const rule = view.decisionRule
  if (!rule || (!rule.statement?.trim() && rule.requireInWords.length === 0)) return []
  const blocks: Block[] = [{ kind: 'heading', level: 2, text: 'The test we agreed' }]
  if (rule.statement?.trim()) blocks.push({ kind: 'paragraph', text: `${withoutFullStop(rule.statement)}.` })
  if (rule.requireInWords.length > 0)
    blocks.push({
      kind: 'list',
      ordered: false,
      items: rule.requireInWords.map((text) => `${capitalised(text)}.`),
    })
  return blocks
}

/** The shareable evidence, as a list (the view holds no other). */
export function evidenceBlocks(view: CounterpartyView, heading: string): Block[] {
  if (view.evidence.length === 0) return []
  return [
    { kind: 'heading', level: 2, text: heading },
    { kind: 'list', ordered: false, items: view.evidence.map(evidenceLine) },
  ]
}

/**
 * The MESO sheet from the counterparty view: its bundles side by side (a failure when it has none).
 * Pass the view `counterpartyViewForSheet` chooses, so the sheet shows what `parley meso` would.
 */
export function mesoSheet(
  view: CounterpartyView,
  options: CounterpartyDocumentOptions = {},
): ParleyDocument | DocumentFailure {
  const { bundles } = view
  if (bundles.length === 0)
    return documentFailure(
      'no-bundles',
      'There are no options to put on a MESO sheet: send an offer, or make the plan allow a MESO set (parley meso says what to change).',
    )
  const optionHeadings = bundles.map((bundle) => `Option ${bundle.label}`)
  const rows = view.issues.map((issue) => [
    issueHeading(issue),
    ...bundles.map((bundle) => levelCell(bundle.terms[issue.id])),
  ])
  rows.push(['Why this option', ...bundles.map((bundle) => bundle.rationale ?? '—')])
  const intro =
    bundles.length === 1
      ? `One option from ${view.parties.us} for ${view.parties.them}. Tell us what you would change.`
      : `${bundles.length === 2 ? 'Two' : 'Three'} options from ${view.parties.us} for ${view.parties.them}, each meeting the test we agreed by a different route. Tell us which comes closest and what you would change.`
  const proposed = view.contingencies.filter((contingency) => !contingency.accepted)
  const blocks: Block[] = [
    { kind: 'heading', level: 1, text: `Options: ${view.title}` },
    { kind: 'paragraph', text: intro },
    {
      kind: 'table',
      caption: 'The options side by side',
      columns: ['Issue', ...optionHeadings],
      rows,
      primary: true,
    },
    ...decisionRuleBlocks(view),
    ...evidenceBlocks(view, 'The standards behind the numbers'),
  ]
  if (proposed.length > 0)
    blocks.push(
      { kind: 'heading', level: 2, text: 'Contingent terms we propose' },
      {
        kind: 'list',
        ordered: false,
        items: proposed.map(contingentTermSentence),
      },
    )
  return {
    kind: 'meso',
    audience: 'counterparty',
    title: `Options for ${view.parties.them}`,
    subtitle: partiesLine(view, options.today),
    marking: null,
    blocks,
    calendar: null,
  }
}
