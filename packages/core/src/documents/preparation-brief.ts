/**
 * The preparation brief, for our side only: everything the plan and the journal say that the other
 * side must never see — our BATNA and reservation, the issue map with both sides' weights and the
 * tradeables, their estimated priorities now, the counterparty map, the evidence pack with what may
 * be shared marked, the anchor worksheet, the frontier as a chart, and the MESO set with why each
 * option looks as it does. Every page carries the internal marking.
 */

import { frontierReport } from '../frontier/report'
import { currentEstimate, estimateLabel } from '../inference/estimate'
import type { Posterior } from '../inference/posterior'
import type { NegotiationState } from '../journal/replay'
import { withoutFullStop } from '../language/english'
import { formatLevel } from '../language/levels'
import type { Plan } from '../model/plan'
import { constraintInWords } from '../scoring/constraints'
import type { Space } from '../scoring/space'
import type { Block, ChartBlock, ParleyDocument } from './document'
import { counterpartyViewForSheet } from './sheet-view'
import { evidenceLine, internalMarking, issueHeading, levelCell, partiesLine } from './wording'

export interface InternalDocumentOptions {
  today?: string
  /** The posterior the caller keeps for the journal (inferred here when left out). */
  learned?: Posterior
}

const points = (value: number) => `${formatLevel(Math.round(value * 10) / 10)} pts`
const percent = (share: number) => `${Math.round(share * 100)}%`

function walkAwayBlocks(space: Space): Block[] {
  const { plan } = space
  const items: string[] = []
  const batna = plan.batna?.us
  const bare = (text: string | number | undefined) =>
    text === undefined ? undefined : withoutFullStop(String(text))
  if (batna) {
    const details = [
      `worth ${points(batna.utility)}`,
      ...(batna.cost !== undefined ? [`cost: ${bare(batna.cost)}`] : []),
      ...(batna.timing ? [`timing: ${bare(batna.timing)}`] : []),
      ...(batna.risk ? [`risk: ${bare(batna.risk)}`] : []),
    ]
    items.push(`Our BATNA: ${bare(batna.description) ?? 'no description'} (${details.join('; ')}).`)
  } else items.push('Our BATNA: not written down yet.')
  if (batna?.improve) items.push(`Improving it: ${bare(batna.improve)}.`)
  items.push(
    plan.reservation !== undefined
      ? `Reservation (walk away below): ${points(plan.reservation)}.`
      : 'Reservation: not set.',
  )
  if (plan.aspiration !== undefined) items.push(`Aspiration: ${points(plan.aspiration)}.`)
  for (const limit of plan.limits ?? []) items.push(`Limit: ${constraintInWords(space, limit)}.`)
  const theirs = plan.batna?.them
  if (theirs)
    items.push(
      `Their BATNA (our estimate): ${bare(theirs.description) ?? 'no description'} (worth ${points(theirs.utility)} to them).`,
    )
  return [
    { kind: 'heading', level: 2, text: 'Walk-away' },
    { kind: 'list', ordered: false, items },
  ]
}

function issueMapBlocks(space: Space, state: NegotiationState | undefined, learned?: Posterior): Block[] {
  const estimate = currentEstimate(space, { observations: state?.observations ?? [] }, learned)
  const rows = space.issues.map((issue, k) => [
    issueHeading(issue),
    issue.levels.map((level) => levelCell(level)).join(', '),
    percent(space.share.us[k] ?? 0),
    percent(space.share.them[k] ?? 0),
    percent(estimate.shares[k] ?? 0),
    space.plan.issues[k]?.tradeable ? 'yes' : '',
  ])
  return [
    { kind: 'heading', level: 2, text: 'Issues' },
    {
      kind: 'table',
      caption: `Weights per side, normalised; their weight now is the current estimate (${estimate.label})`,
      columns: ['Issue', 'Levels', 'Our weight', 'Their weight (plan)', 'Their weight (now)', 'Tradeable'],
      rows,
      primary: true,
    },
  ]
}

function counterpartyMapBlocks(space: Space): Block[] {
  const them = space.plan.parties.them
  const people = (them.stakeholders ?? []).map((person) => {
    const parts = [
      person.role,
      person.decides ? 'decides' : undefined,
      person.interests?.length ? `interests: ${person.interests.join('; ')}` : undefined,
      person.riskPosture ? `risk ${person.riskPosture}` : undefined,
      person.faceSaving ? `face-saving: ${person.faceSaving}` : undefined,
      person.notes,
    ].filter((part): part is string => Boolean(part))
    return parts.length > 0 ? `${person.name}: ${parts.join('; ')}` : person.name
  })
  const facts: [string, string | undefined][] = [
    ['Approval path', them.approvalPath],
    ['Budget cycle', them.budgetCycle],
    ['Politics', them.politics],
    ['Notes', them.notes],
  ]
  const items = [
    ...people,
    ...facts.flatMap(([label, text]) => (text ? [`${label}: ${text}`] : [])),
    ...(them.approvalLimits ?? []).map(
      (limit) =>
        `${limit.approver} will not sign beyond: ${limit.issue ?? 'a sum'} ${limit.op} ${String(limit.value)}`,
    ),
  ]
  return [
    { kind: 'heading', level: 2, text: `Their side: ${them.name}` },
    items.length > 0
      ? { kind: 'list', ordered: false, items }
      : { kind: 'paragraph', text: 'No counterparty map yet: who decides, who approves, what each needs.' },
  ]
}

function evidenceBlocks(plan: Plan): Block[] {
  const evidence = plan.evidence ?? []
  return [
    { kind: 'heading', level: 2, text: 'Evidence pack' },
    evidence.length > 0
      ? {
          kind: 'table',
          caption: 'Shareable: may be cited to them; internal sources never leave our side',
          columns: ['#', 'Evidence', 'Shareable'],
          rows: evidence.map((item, k) => [
            String(k + 1),
            evidenceLine({
              claim: item.claim,
              range: item.range ?? null,
              unit: item.unit ?? null,
              source: item.source ?? null,
              date: item.date === undefined ? null : String(item.date),
            }),
            item.shareable === false ? 'no (internal)' : 'yes',
          ]),
          primary: false,
        }
      : { kind: 'paragraph', text: 'No evidence yet: benchmarks, cost drivers, references.' },
  ]
}

function anchorBlocks(space: Space): Block[] {
  const { anchor, evidence = [] } = space.plan
  if (!anchor)
    return [
      { kind: 'heading', level: 2, text: 'Anchor' },
      { kind: 'paragraph', text: 'No anchor yet.' },
    ]
  const issue = space.byId.get(anchor.issue)
  const cited = (anchor.evidence ?? []).map((index) => {
    const item = evidence[index]
    if (!item) return `evidence ${index + 1}: missing`
    return `${item.claim}${item.shareable === false ? ' (internal: not cited to them)' : ''}`
  })
  return [
    { kind: 'heading', level: 2, text: 'Anchor' },
    {
      kind: 'list',
      ordered: false,
      items: [
        `${issue?.name ?? anchor.issue}: ${formatLevel(anchor.low)} to ${formatLevel(anchor.high)} ${issue?.unit ?? ''}`.trim(),
        `Rationale: ${anchor.rationale ?? 'not written yet'}`,
        ...(cited.length > 0 ? [`Evidence: ${cited.join('; ')}`] : []),
      ],
    },
  ]
}

function frontierBlocks(space: Space): Block[] {
  const result = frontierReport(space, { rule: true, ...(space.outcomes > 1e9 ? { epsilon: 0.5 } : {}) })
  const heading: Block = { kind: 'heading', level: 2, text: 'Pareto frontier' }
  if (!result.ok)
    return [heading, { kind: 'paragraph', text: `The frontier was not computed here (${result.code}).` }]
  const { report } = result
  const round = (value: number) => Math.round(value * 10) / 10
  const marks: ChartBlock['marks'] = [
    { label: 'No deal (both BATNAs)', x: report.disagreement.us, y: report.disagreement.them },
  ]
  const named: [string, typeof report.nash][] = [
    ['Nash', report.nash],
    ['Kalai–Smorodinsky', report.kalaiSmorodinsky],
    ['Max joint', report.maxJoint],
  ]
  for (const [label, point] of named)
    if (point) marks.push({ label, x: round(point.us), y: round(point.them) })
  const chart: ChartBlock = {
    kind: 'chart',
    title: `Pareto frontier${report.rule ? ' (bundles meeting the decision rule)' : ''}`,
    xLabel: 'Utility to us (points)',
    // The frontier is drawn under the plan's estimate (as `parley frontier` without --learned), while
    // the issues table above also shows the current one: say which.
    yLabel: `Utility to them, ${estimateLabel(0)} (points)`,
    series: [
      {
        name: 'Frontier',
        points: [...report.frontier]
          .sort((a, b) => a.us - b.us)
          .map((point): [number, number] => [round(point.us), round(point.them)]),
      },
    ],
    marks,
  }
  return [
    heading,
    chart,
    {
      kind: 'paragraph',
      text: `${report.frontier.length} bundles on the frontier${report.epsilon === null ? '' : ` (within ${report.epsilon} points)`}; ${report.zopa ? 'a zone of possible agreement exists' : 'no zone of possible agreement'}.`,
    },
  ]
}

function mesoBlocks(space: Space, state: NegotiationState | undefined, learned?: Posterior): Block[] {
  const sheet = counterpartyViewForSheet(space, state, learned)
  const heading: Block = { kind: 'heading', level: 2, text: 'MESO set' }
  if (sheet.view.bundles.length === 0)
    return [heading, { kind: 'paragraph', text: sheet.mesoFailure ?? 'No set to show.' }]
  const source = sheet.source === 'offer' ? 'The options we sent' : 'The set parley meso proposes now'
  return [
    heading,
    {
      kind: 'list',
      ordered: false,
      items: sheet.view.bundles.map(
        (bundle) =>
          `Option ${bundle.label}${bundle.emphasis.length > 0 ? ` (emphasis: ${bundle.emphasis.join(', ')})` : ''}: ${bundle.rationale ?? 'no stated interest bears on it yet'}`,
      ),
    },
    {
      kind: 'paragraph',
      text: `${source}; each is worth about the same to us, and their choice tells us what they value.`,
    },
  ]
}

/** The preparation brief, for us only (marked on every page): reads the plan and the journal. */
export function preparationBrief(
  space: Space,
  state: NegotiationState | undefined,
  options: InternalDocumentOptions = {},
): ParleyDocument {
  const { plan } = space
  const view = { parties: { us: plan.parties.us.name, them: plan.parties.them.name } }
  return {
    kind: 'brief',
    audience: 'internal',
    title: `Preparation brief: ${plan.title}`,
    subtitle: partiesLine(view, options.today),
    marking: internalMarking(plan.parties.us.name),
    blocks: [
      { kind: 'heading', level: 1, text: `Preparation brief: ${plan.title}` },
      ...walkAwayBlocks(space),
      ...issueMapBlocks(space, state, options.learned),
      ...counterpartyMapBlocks(space),
      ...evidenceBlocks(plan),
      ...anchorBlocks(space),
      ...frontierBlocks(space),
      ...mesoBlocks(space, state, options.learned),
    ],
    calendar: null,
  }
}
