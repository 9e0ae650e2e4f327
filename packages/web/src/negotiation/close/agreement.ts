/**
 * The agreement form and the `agreed` event it records. The form starts from what is already
 * there — a recorded agreement (to correct it), else the bundle on the table and the contingencies
 * they accepted — and becomes the event the journal keeps: terms, contingencies, measures, change
 * control, exit, governance and the fairness story, with empty fields left out rather than sent
 * blank. The same event, not yet recorded, gives the reality test and the lint findings shown
 * beside the form.
 */
import {
  type ContingencyRecord,
  type EventOf,
  formatLevelWithUnit,
  type Level,
  type NegotiationState,
  readThreshold,
  type Space,
} from '@parley/core'

export interface MeasureForm {
  metric: string
  threshold: string
  reporting: string
  remedy: string
}

/** A measure's fields, in the order the form shows them. */
export const MEASURE_FIELDS = [
  'metric',
  'threshold',
  'reporting',
  'remedy',
] as const satisfies readonly (keyof MeasureForm)[]

export interface AgreementForm {
  /** The agreed level per issue id; undefined until chosen. */
  terms: Record<string, Level | undefined>
  /** Keys of the proposed contingencies written into the agreement (see `contingencyKey`). */
  contingencies: string[]
  measures: MeasureForm[]
  changeControl: string
  exit: string
  reviewCadence: string
  dataAccess: string
  escalation: string
  fairnessStory: string
}

/** What the form records: an `agreed` event without the fields the server fills in. */
export type AgreedInput = Omit<EventOf<'agreed'>, 'id' | 'at' | 'side' | 'round' | 'planVersion'>

export const EMPTY_MEASURE: MeasureForm = { metric: '', threshold: '', reporting: '', remedy: '' }

/** How a proposed contingency is named: its own id, or the id of the event that proposed it. */
export function contingencyKey(record: ContingencyRecord): string {
  return record.contingency.id ?? record.eventId
}

function sameContingency(record: ContingencyRecord, written: EventOf<'agreed'>['contingencies']): boolean {
  return (written ?? []).some(
    (contingency) =>
      (contingency.id !== undefined && contingency.id === record.contingency.id) ||
      (contingency.metric === record.contingency.metric &&
        JSON.stringify(contingency.consequence) === JSON.stringify(record.contingency.consequence)),
  )
}

/** The form as it opens: the recorded agreement, or else the table and the accepted contingencies. */
export function initialAgreementForm(space: Space, state: NegotiationState): AgreementForm {
  const recorded = state.agreed?.event
  const source = recorded?.terms ?? state.table?.terms ?? {}
  const terms: Record<string, Level | undefined> = {}
  for (const issue of space.issues) terms[issue.id] = source[issue.id]
  return {
    terms,
    contingencies: state.contingencies
      .filter((record) => (recorded ? sameContingency(record, recorded.contingencies) : record.accepted))
      .map(contingencyKey),
    measures: recorded
      ? (recorded.measures ?? []).map((measure) => ({
          metric: measure.metric,
          threshold: String(measure.threshold),
          reporting: measure.reporting,
          remedy: measure.remedy,
        }))
      : state.contingencies.filter((record) => record.accepted).map((record) => measureOf(space, record)),
    changeControl: recorded?.changeControl ?? '',
    exit: recorded?.exit ?? '',
    reviewCadence: recorded?.governance?.reviewCadence ?? '',
    dataAccess: recorded?.governance?.dataAccess ?? '',
    escalation: recorded?.governance?.escalation ?? '',
    fairnessStory: recorded?.fairnessStory ?? '',
  }
}

/**
 * An accepted contingency as a measure of the agreement: what is measured and against what, how it
 * is measured and reported (as the contingency says), and its consequence as the remedy — so the
 * close carries what was agreed about it instead of asking for it again.
 */
export function measureOf(space: Space, record: ContingencyRecord): MeasureForm {
  const { metric, op, threshold, within, consequence, measurement } = record.contingency
  const issue = space.byId.get(consequence.issue)
  const level = issue ? formatLevelWithUnit(consequence.level, issue.unit) : String(consequence.level)
  return {
    metric,
    threshold: `${op === '=' ? '' : `${op} `}${threshold}${within ? ` within ${within}` : ''}`,
    reporting: [
      measurement?.source ? `measured by ${measurement.source}` : '',
      measurement?.reporting ? `reported ${measurement.reporting}` : '',
    ]
      .filter(Boolean)
      .join('; '),
    remedy: `${issue?.name ?? consequence.issue} moves to ${level}`,
  }
}

function isBlank(measure: MeasureForm): boolean {
  return [measure.metric, measure.threshold, measure.reporting, measure.remedy].every((v) => v.trim() === '')
}

export interface AgreementEvent {
  input: AgreedInput
  /** For each measure of the event, the form row it came from (blank rows are left out). */
  measureRows: number[]
}

/** The event the form records. */
export function agreementEvent(
  form: AgreementForm,
  contingencies: readonly ContingencyRecord[],
): AgreementEvent {
  const terms: Record<string, Level> = {}
  for (const [issue, level] of Object.entries(form.terms)) if (level !== undefined) terms[issue] = level
  const included = contingencies
    .filter((record) => form.contingencies.includes(contingencyKey(record)))
    // The agreement is a text both sides sign: each side's beliefs about the condition stay ours.
    .map(({ contingency: { beliefs: _beliefs, ...shared } }) => shared)
  const measureRows: number[] = []
  const measures = form.measures.flatMap((measure, row) => {
    if (isBlank(measure)) return []
    measureRows.push(row)
    return [
      {
        metric: measure.metric.trim(),
        threshold: readThreshold(measure.threshold),
        reporting: measure.reporting.trim(),
        remedy: measure.remedy.trim(),
      },
    ]
  })
  const text = (value: string) => (value.trim() === '' ? undefined : value.trim())
  const governance = {
    ...(text(form.reviewCadence) ? { reviewCadence: text(form.reviewCadence) } : {}),
    ...(text(form.dataAccess) ? { dataAccess: text(form.dataAccess) } : {}),
    ...(text(form.escalation) ? { escalation: text(form.escalation) } : {}),
  }
  const changeControl = text(form.changeControl)
  const exit = text(form.exit)
  const fairnessStory = text(form.fairnessStory)
  return {
    input: {
      type: 'agreed',
      terms,
      ...(included.length > 0 ? { contingencies: included } : {}),
      ...(measures.length > 0 ? { measures } : {}),
      ...(changeControl ? { changeControl } : {}),
      ...(exit ? { exit } : {}),
      ...(Object.keys(governance).length > 0 ? { governance } : {}),
      ...(fairnessStory ? { fairnessStory } : {}),
    },
    measureRows,
  }
}

/** A path in the event (`measures[1].metric`) as the path of the form field (`measures[2].metric`). */
export function formPath(eventPath: string, measureRows: readonly number[]): string {
  return eventPath.replace(/^measures\[(\d+)\]/, (whole, k: string) => {
    const row = measureRows[Number(k)]
    return row === undefined ? whole : `measures[${row}]`
  })
}

/** The event's paths the form's fields show problems at; a problem anywhere else is shown by the button. */
export function fieldPaths(space: Space, form: AgreementForm): string[] {
  return [
    'changeControl',
    'exit',
    'governance.reviewCadence',
    'governance.dataAccess',
    'governance.escalation',
    'fairnessStory',
    ...space.issues.map((issue) => `terms.${issue.id}`),
    ...form.measures.flatMap((_, row) => MEASURE_FIELDS.map((field) => `measures[${row}].${field}`)),
  ]
}

/** Issues with no agreed level yet, as problems at `terms.<issue>`. */
export function missingTerms(space: Space, form: AgreementForm): { path: string; message: string }[] {
  return space.issues
    .filter((issue) => form.terms[issue.id] === undefined)
    .map((issue) => ({ path: `terms.${issue.id}`, message: `choose the agreed level of ${issue.name}` }))
}
