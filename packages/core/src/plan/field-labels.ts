/**
 * A problem's place in words a salesperson reads: `issues[4].unit` becomes `Issue "Rollout" → Unit`,
 * with an anchor id the web app can link to (`issue-rollout-unit`). One table names every field of
 * the plan format; a list item is named by what it holds (an issue by its name), never by its
 * 0-based index, and a field the format does not know is quoted as written.
 */
import type { PathSegment } from '../model/problem'

/**
 * Labels by field pattern: `[]` stands for any list index, `*` for any key of a map (a score's
 * option, an order's issue). A pattern ending in `[]` names one item of a list; `{n}` is its
 * 1-based position and `{key}` the map key above it.
 */
export const FIELD_LABELS: Readonly<Record<string, string>> = {
  '': 'The plan',
  $schema: 'Schema reference',
  parley: 'Format version',
  title: 'Title',
  context: 'Context',
  notes: 'Notes',
  parties: 'Parties',
  'parties.us': 'Our side',
  'parties.us.name': 'Our name',
  'parties.us.notes': 'Notes on our side',
  'parties.them': 'Their side',
  'parties.them.name': 'Their name',
  'parties.them.notes': 'Notes on their side',
  'parties.them.approvalPath': 'Their approval path',
  'parties.them.budgetCycle': 'Their budget cycle',
  'parties.them.politics': 'Their politics',
  'parties.them.stakeholders': 'Stakeholders',
  'parties.them.stakeholders[]': 'Stakeholder {n}',
  'parties.them.stakeholders[].name': 'Name',
  'parties.them.stakeholders[].role': 'Role',
  'parties.them.stakeholders[].decides': 'Decides',
  'parties.them.stakeholders[].interests': 'Interests',
  'parties.them.stakeholders[].interests[]': 'Interest {n}',
  'parties.them.stakeholders[].riskPosture': 'Attitude to risk',
  'parties.them.stakeholders[].faceSaving': 'What saves face',
  'parties.them.stakeholders[].notes': 'Notes',
  'parties.them.approvalLimits': 'Approval limits',
  'parties.them.approvalLimits[]': 'Approval limit {n}',
  'parties.them.approvalLimits[].approver': 'Approver',
  decisionRule: 'Decision rule',
  'decisionRule.statement': 'Decision rule in words',
  'decisionRule.require': 'Decision rule requirements',
  'decisionRule.require[]': 'Decision rule requirement {n}',
  issues: 'Issues',
  'issues[]': 'Issue {n}',
  'issues[].id': 'Id',
  'issues[].name': 'Name',
  'issues[].unit': 'Unit',
  'issues[].description': 'Description',
  'issues[].range': 'Range',
  'issues[].range.min': 'Lowest level',
  'issues[].range.max': 'Highest level',
  'issues[].range.step': 'Step',
  'issues[].options': 'Options',
  'issues[].options[]': 'Option {n}',
  'issues[].us': 'Our preference',
  'issues[].us.weight': 'Our weight',
  'issues[].us.prefer': 'Which way is better for us',
  'issues[].us.scores': 'Our scores',
  'issues[].us.scores.*': 'Our score for "{key}"',
  'issues[].us.points': 'Our scoring points',
  'issues[].us.points[]': 'Our scoring point {n}',
  'issues[].them': 'Their preference (our estimate)',
  'issues[].them.weight': 'Their weight',
  'issues[].them.prefer': 'Which way is better for them',
  'issues[].them.scores': 'Their scores',
  'issues[].them.scores.*': 'Their score for "{key}"',
  'issues[].them.points': 'Their scoring points',
  'issues[].them.points[]': 'Their scoring point {n}',
  'issues[].them.confidence': 'How sure we are of their weight',
  'issues[].them.uncertain': 'Unsure which way they lean',
  'issues[].tradeable': 'Tradeable',
  'issues[].notes': 'Notes',
  batna: 'BATNAs',
  'batna.us': 'Our BATNA',
  'batna.them': 'Their BATNA',
  reservation: 'Reservation (walk-away)',
  limits: 'Our limits',
  'limits[]': 'Our limit {n}',
  aspiration: 'Aspiration',
  evidence: 'Evidence',
  'evidence[]': 'Evidence {n}',
  'evidence[].claim': 'Claim',
  'evidence[].range': 'Range',
  'evidence[].unit': 'Unit',
  'evidence[].issue': 'Issue it speaks to',
  'evidence[].source': 'Source',
  'evidence[].date': 'Date',
  'evidence[].url': 'Link',
  anchor: 'Anchor',
  'anchor.issue': 'Anchor issue',
  'anchor.low': 'Anchor low',
  'anchor.high': 'Anchor high',
  'anchor.rationale': 'Anchor rationale',
  'anchor.evidence': 'Evidence the anchor cites',
  'anchor.evidence[]': 'Cited evidence {n}',
  elicitation: 'Elicitation',
  applicability: 'Applicability',
  'applicability.verifiable': 'Terms can be verified',
  'applicability.timeForDiscovery': 'Time for discovery',
  culture: 'Culture',
  'culture.style': 'Communication style',
  'culture.powerDistance': 'Power distance',
  numeraire: 'Money issue for values (numeraire)',
}

/** Fields shared by BATNAs, constraints and elicitation, labelled once and placed under each pattern. */
const SHARED: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  batna: {
    description: 'Description',
    utility: 'Worth (points)',
    cost: 'Cost',
    timing: 'Timing',
    risk: 'Risk',
    improve: 'How we improve it',
  },
  constraint: {
    issue: 'Issue',
    sum: 'Sum',
    'sum[]': 'Sum term {n}',
    'sum[].issue': 'Issue',
    'sum[].times': 'Times',
    op: 'Comparison',
    value: 'Value',
    'value[]': 'Value {n}',
  },
  elicitation: {
    ranking: 'Issue ranking',
    'ranking[]': 'Rank {n}',
    orders: 'Option orders',
    'orders.*': 'Order of "{key}"',
    'orders.*[]': 'Place {n}',
    tradeoffs: 'Trade-off answers',
    'tradeoffs[]': 'Trade-off {n}',
    'tradeoffs[].issues': 'Issues compared',
    'tradeoffs[].issues[]': 'Issue {n}',
    'tradeoffs[].answer': 'Answer',
  },
}

/** Where the shared fields sit in a plan. */
const SHARED_UNDER: readonly [prefix: string, fields: Readonly<Record<string, string>>][] = [
  ['batna.us', SHARED.batna ?? {}],
  ['batna.them', SHARED.batna ?? {}],
  ['decisionRule.require[]', SHARED.constraint ?? {}],
  ['limits[]', SHARED.constraint ?? {}],
  ['parties.them.approvalLimits[]', SHARED.constraint ?? {}],
  ['elicitation.us', SHARED.elicitation ?? {}],
  ['elicitation.them', SHARED.elicitation ?? {}],
]

const LABELS = new Map<string, string>([
  ...Object.entries(FIELD_LABELS),
  ['elicitation.us', 'Our elicitation'],
  ['elicitation.them', 'Their elicitation'],
])
for (const [prefix, fields] of SHARED_UNDER)
  for (const [field, label] of Object.entries(fields)) LABELS.set(`${prefix}.${field}`, label)

/** A problem's place in words, and an id for the field that fixes it. */
export interface FieldPlace {
  /** `Issue "Rollout" → Unit`; `The plan` for the whole document. */
  label: string
  /** `issue-rollout-unit`: lowercase letters, digits and dashes, stable while ids and order stay. */
  anchor: string
}

/** Reads a path as `formatPath` writes it (`issues[2].us.scores["per seat"]`) back into segments. */
export function parsePath(path: string): PathSegment[] {
  const segments: PathSegment[] = []
  const pattern = /(?:^|\.)([A-Za-z_$][\w$-]*)|\[(\d+)\]|\[("(?:[^"\\]|\\.)*")\]/g
  for (const match of path.matchAll(pattern)) {
    if (match[1] !== undefined) segments.push(match[1])
    else if (match[2] !== undefined) segments.push(Number(match[2]))
    else if (match[3] !== undefined) segments.push(String(JSON.parse(match[3])))
  }
  return segments
}

function isRecord(value: unknown): value is Record<string | number, unknown> {
  return value !== null && typeof value === 'object'
}

/** `decisionRule` → `decision-rule`, `per seat` → `per-seat`. */
function slug(text: string): string {
  return text
    .replace(/([a-z0-9])([A-Z])/g, '$1-$2')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
}

/** The text a list item is best known by: an issue's name (else id), a stakeholder's name, an approver. */
function itemName(pattern: string, item: unknown): string | undefined {
  if (!isRecord(item)) return undefined
  const field =
    pattern === 'issues[]'
      ? ['name', 'id']
      : pattern.endsWith('stakeholders[]')
        ? ['name']
        : pattern.endsWith('approvalLimits[]')
          ? ['approver']
          : []
  for (const key of field) {
    const value = item[key]
    if (typeof value === 'string' && value.trim() !== '') return value.trim()
  }
  return undefined
}

/**
 * Where a problem is, in words and as a link target: the list items it lies in (an issue by its
 * name, else its id, else its position from 1) and the field's label from FIELD_LABELS, joined by
 * `→`. `plan` is the document as read (valid or not), used only for names. Never the raw path.
 */
export function describeFieldPath(path: string | readonly PathSegment[], plan: unknown): FieldPlace {
  const segments = typeof path === 'string' ? parsePath(path) : path
  const crumbs: string[] = []
  const anchor: string[] = []
  let pattern = ''
  let value: unknown = plan
  for (const [k, segment] of segments.entries()) {
    const isLast = k === segments.length - 1
    const item = isRecord(value) ? value[segment] : undefined
    const join = (field: string) => (pattern === '' ? field : `${pattern}.${field}`)
    const candidate =
      typeof segment === 'number' ? `${pattern}[]` : LABELS.has(join(segment)) ? join(segment) : join('*')
    const label = LABELS.get(candidate)
    if (label === undefined) {
      // A field the format does not know (a misspelling): quoted as written, under what holds it.
      crumbs.push(typeof segment === 'number' ? `item ${segment + 1}` : `field "${segment}"`)
      anchor.push(typeof segment === 'number' ? String(segment + 1) : slug(segment))
      break
    }
    if (typeof segment === 'number') {
      const name = itemName(candidate, item)
      if (candidate === 'issues[]') {
        crumbs.push(`Issue "${name ?? segment + 1}"`)
        const id = isRecord(item) && typeof item.id === 'string' ? slug(item.id) : ''
        // `issue-rollout`, not `issues-issue-rollout`: the id says it is one of the issues.
        anchor.pop()
        anchor.push('issue', id || String(segment + 1))
      } else {
        crumbs.push(
          name ? `${label.replace(' {n}', '')} "${name}"` : label.replace('{n}', String(segment + 1)),
        )
        anchor.push(String(segment + 1))
      }
    } else {
      anchor.push(slug(segment))
      const mapKey = candidate.endsWith('*')
      // A map's key names what is below it; an object two levels down gives context when no
      // list item has (`Our BATNA → Worth (points)`); other objects on the way add nothing.
      if (isLast || mapKey || (crumbs.length === 0 && k >= 1 && !isRecordList(candidate)))
        crumbs.push(label.replace('{key}', segment))
    }
    pattern = candidate
    value = item
  }
  if (crumbs.length === 0) return { label: FIELD_LABELS[''] ?? 'The plan', anchor: 'plan' }
  return { label: crumbs.join(' → '), anchor: anchor.filter((part) => part !== '').join('-') }
}

/** Whether a pattern names a list (its items give the context instead). */
function isRecordList(pattern: string): boolean {
  return LABELS.has(`${pattern}[]`)
}
