/**
 * Small GENIUS and GeniusWeb scenarios for tests, written out by hand from a spec (not with the
 * exporter under test), and each profile's own utility of a bundle computed the way GENIUS and
 * GeniusWeb define it, independently of the importer: what an imported plan's U must equal.
 */

export interface ToyIssue {
  name: string
  items: string[]
}

export interface ToyProfile {
  /** One per issue. */
  weights: number[]
  /** Per issue, per item. */
  evaluations: number[][]
  reservation?: number
  discount?: number
}

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')
}

/** A GENIUS domain file, as GENIUS writes them (`<negotiation_template>`, items without evaluations). */
export function geniusDomainXml(name: string, issues: readonly ToyIssue[]): string {
  const body = issues
    .map(
      (issue, i) =>
        `      <issue index="${i + 1}" etype="discrete" type="discrete" vtype="discrete" name="${escapeXml(issue.name)}">\n` +
        issue.items
          .map(
            (item, k) =>
              `        <item index="${k + 1}" value="${escapeXml(item)}" cost="0" description=""></item>\n`,
          )
          .join('') +
        '      </issue>\n',
    )
    .join('')
  return (
    '<negotiation_template>\n' +
    `  <utility_space number_of_issues="${issues.length}">\n` +
    `    <objective index="0" etype="objective" type="objective" description="" name="${escapeXml(name)}">\n` +
    body +
    '    </objective>\n  </utility_space>\n</negotiation_template>\n'
  )
}

/** A GENIUS profile: weights after the issues (as most ANAC files have them), optional reservation and discount. */
export function geniusProfileXml(issues: readonly ToyIssue[], profile: ToyProfile): string {
  const body = issues
    .map(
      (issue, i) =>
        `    <issue index="${i + 1}" etype="discrete" type="discrete" vtype="discrete" name="${escapeXml(issue.name)}">\n` +
        issue.items
          .map(
            (item, k) =>
              `      <item index="${k + 1}" value="${escapeXml(item)}" evaluation="${profile.evaluations[i]?.[k] ?? 0}"></item>\n`,
          )
          .join('') +
        '    </issue>\n',
    )
    .join('')
  const weights = profile.weights
    .map((weight, i) => `    <weight index="${i + 1}" value="${weight}"/>\n`)
    .join('')
  return (
    '<utility_space>\n' +
    '  <objective index="0" etype="objective" type="objective" description="" name="toy">\n' +
    body +
    weights +
    '  </objective>\n' +
    (profile.discount !== undefined ? `  <discount_factor value="${profile.discount}"/>\n` : '') +
    (profile.reservation !== undefined ? `  <reservation value="${profile.reservation}"/>\n` : '') +
    '</utility_space>\n'
  )
}

/**
 * GENIUS's utility of a bundle (one item index per issue): Σ (w_i / Σ w) × e_i / max_i, where an
 * issue whose highest evaluation is below 0.00001 counts 0 (EvaluatorDiscrete.normalize).
 */
export function geniusUtility(profile: ToyProfile, bundle: readonly number[]): number {
  const total = profile.weights.reduce((sum, weight) => sum + weight, 0)
  let utility = 0
  profile.weights.forEach((weight, i) => {
    const evaluations = profile.evaluations[i] ?? []
    const highest = Math.max(...evaluations)
    const evaluation = evaluations[bundle[i] ?? 0] ?? 0
    if (highest >= 0.00001) utility += (weight / total) * (evaluation / highest)
  })
  return utility
}

export interface ToyWebProfile {
  name: string
  /** One per issue, summing to 1. */
  weights: number[]
  /** Per issue, per value: 0..1. */
  utilities: number[][]
  /** Item index per issue (null: left open). */
  reservationBid?: (number | null)[]
  reservationValue?: number
}

export function geniusWebDomainJson(name: string, issues: readonly ToyIssue[]): string {
  return JSON.stringify(
    { name, issuesValues: Object.fromEntries(issues.map((issue) => [issue.name, { values: issue.items }])) },
    null,
    2,
  )
}

export function geniusWebProfileJson(
  domainName: string,
  issues: readonly ToyIssue[],
  profile: ToyWebProfile,
): string {
  const space: Record<string, unknown> = {
    name: profile.name,
    issueUtilities: Object.fromEntries(
      issues.map((issue, i) => [
        issue.name,
        {
          discreteutils: {
            valueUtilities: Object.fromEntries(
              issue.items.map((item, k) => [item, profile.utilities[i]?.[k] ?? 0]),
            ),
          },
        },
      ]),
    ),
    issueWeights: Object.fromEntries(issues.map((issue, i) => [issue.name, profile.weights[i] ?? 0])),
    domain: JSON.parse(geniusWebDomainJson(domainName, issues)),
  }
  if (profile.reservationBid) {
    space.reservationBid = {
      issuevalues: Object.fromEntries(
        issues.flatMap((issue, i) => {
          const k = profile.reservationBid?.[i]
          return k === null || k === undefined ? [] : [[issue.name, issue.items[k]]]
        }),
      ),
    }
  }
  if (profile.reservationValue !== undefined) space.reservationValue = profile.reservationValue
  return JSON.stringify({ LinearAdditiveUtilitySpace: space }, null, 2)
}

/** GeniusWeb's utility of a bid: Σ w_i × u_i(value), an open issue counting 0. */
export function geniusWebUtility(profile: ToyWebProfile, bundle: readonly (number | null)[]): number {
  let utility = 0
  profile.weights.forEach((weight, i) => {
    const k = bundle[i]
    if (k !== null && k !== undefined) utility += weight * (profile.utilities[i]?.[k] ?? 0)
  })
  return utility
}

/**
 * The toy scenario the research tests share: two issues whose evaluations exceed 1 and whose maxima
 * differ (10 and 40 for us), so reading the raw numbers instead of GENIUS's per-issue normalisation
 * would change the issues' relative weight; an ampersand in a name, to be escaped.
 */
export const TOY_SCENARIO: { issues: ToyIssue[]; ours: ToyProfile; theirs: ToyProfile } = {
  issues: [
    { name: 'Price & terms', items: ['low', 'mid', 'high'] },
    { name: 'Delivery', items: ['30 days', '60 days'] },
  ],
  ours: {
    weights: [0.6, 0.4],
    evaluations: [
      [2, 5, 10],
      [40, 10],
    ],
    reservation: 0.35,
  },
  theirs: {
    weights: [0.25, 0.75],
    evaluations: [
      [8, 4, 1],
      [3, 12],
    ],
    reservation: 0.2,
  },
}
