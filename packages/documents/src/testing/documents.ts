/**
 * Documents to render in tests, written by hand in the shape core's builders give: a MESO sheet
 * with three bundles, a term sheet, an internal brief (marked confidential, with a frontier chart)
 * that runs over several pages, and a review cadence with its calendar event. Party and issue
 * names are Greek and Chinese where a font could drop them.
 */
import type { ParleyDocument } from '../model'

/** Names a test looks for in every format. */
export const NAMES = {
  us: 'Ακρόπολη Λογισμικό ΑΕ',
  them: '北京云海科技有限公司',
  greekIssue: 'Διάρκεια σύμβασης',
  chineseIssue: '付款条件',
  marking: 'Confidential: internal to Ακρόπολη Λογισμικό ΑΕ. Never send to the other side.',
} as const

const parties = `${NAMES.us} and ${NAMES.them}, 5 December 2026`

export const mesoSheet: ParleyDocument = {
  kind: 'meso',
  audience: 'counterparty',
  title: 'Three ways to agree',
  subtitle: parties,
  marking: null,
  blocks: [
    {
      kind: 'paragraph',
      text: 'Each of these three offers is equally acceptable to us. Tell us which one works best for you, or rank them; we will build from your choice.',
    },
    { kind: 'heading', level: 2, text: 'The offers' },
    {
      kind: 'table',
      caption: 'Offers A, B and C',
      columns: ['Issue', 'A: price-optimised', 'B: term-optimised', 'C: support-optimised'],
      rows: [
        ['Annual price (EUR)', '118,000', '126,000', '131,000'],
        [NAMES.greekIssue, '36 months', '24 months', '36 months'],
        [NAMES.chineseIssue, '90 天', '60 天', '30 天'],
        ['Support tier', 'standard', 'standard', 'premium, with a named engineer on call in every time zone'],
      ],
      primary: true,
    },
    {
      kind: 'list',
      ordered: false,
      items: [
        'A: the lowest price, with the longer term.',
        'B: the shortest commitment.',
        'C: premium support and payment in 30 days.',
      ],
    },
  ],
  calendar: null,
}

export const termSheet: ParleyDocument = {
  kind: 'terms',
  audience: 'counterparty',
  title: 'Term sheet',
  subtitle: parties,
  marking: null,
  blocks: [
    { kind: 'heading', level: 1, text: 'Agreed terms' },
    {
      kind: 'table',
      caption: null,
      columns: ['Issue', 'Agreed'],
      rows: [
        ['Annual price (EUR)', '124,000'],
        [NAMES.greekIssue, '30 months'],
        [NAMES.chineseIssue, '60 天'],
      ],
      primary: true,
    },
    { kind: 'heading', level: 2, text: 'Conditions' },
    {
      kind: 'list',
      ordered: true,
      items: [
        'If adoption is under 60% by month 6, the price of year 2 falls by 5%.',
        'Both sides review the terms every quarter.',
      ],
    },
  ],
  calendar: null,
}

/** Rows of the long concession table: enough to run over two pages. */
const rounds = Array.from({ length: 70 }, (_, index) => [
  String(index + 1),
  index % 2 === 0 ? NAMES.greekIssue : NAMES.chineseIssue,
  `move ${index + 1}: from level ${index} to level ${index + 1}`,
  index % 3 === 0 ? 'gift' : 'traded',
])

export const internalBrief: ParleyDocument = {
  kind: 'brief',
  audience: 'internal',
  title: 'Preparation brief',
  subtitle: parties,
  marking: NAMES.marking,
  blocks: [
    { kind: 'heading', level: 1, text: 'Where we stand' },
    {
      kind: 'paragraph',
      text: `Our reservation is 62 points; our BATNA, the renewal with the incumbent, is worth 55. ${NAMES.them} values ${NAMES.chineseIssue} most, by our estimate; ${NAMES.greekIssue} is our tradeable. `.repeat(
        3,
      ),
    },
    {
      kind: 'chart',
      title: 'Frontier and bundles',
      xLabel: 'Utility for us (points)',
      yLabel: 'Utility for them (points)',
      series: [
        {
          name: 'Pareto frontier',
          points: [
            [40, 92],
            [55, 85],
            [68, 74],
            [79, 60],
            [88, 41],
          ],
        },
      ],
      marks: [
        { label: 'A', x: 70, y: 71 },
        { label: 'B', x: 70, y: 64 },
        { label: 'C', x: 70, y: 58 },
        { label: 'No deal', x: 55, y: 48 },
      ],
    },
    { kind: 'heading', level: 2, text: 'Concession log' },
    {
      kind: 'table',
      caption: 'Every move so far',
      columns: ['Round', 'Issue', 'Move', 'Kind'],
      rows: rounds,
      primary: true,
    },
    { kind: 'heading', level: 2, text: 'Weights' },
    {
      kind: 'table',
      caption: 'A wide table: many columns shrink the type',
      columns: [
        'Issue',
        'Our weight',
        'Their weight',
        'Our score A',
        'Our score B',
        'Our score C',
        'Their A',
        'Their B',
        'Their C',
      ],
      rows: [
        ['Annual price (EUR)', '0.45', '0.20', '80', '60', '50', '40', '60', '70'],
        [NAMES.greekIssue, '0.15', '0.30', '70', '40', '70', '30', '90', '30'],
        [NAMES.chineseIssue, '0.40', '0.50', '30', '60', '90', '90', '60', '30'],
      ],
      primary: false,
    },
  ],
  calendar: null,
}

export const cadence: ParleyDocument = {
  kind: 'cadence',
  audience: 'counterparty',
  title: 'Review cadence',
  subtitle: parties,
  marking: null,
  blocks: [{ kind: 'paragraph', text: 'We review the agreement together every two weeks, six times.' }],
  calendar: {
    summary: `Contract review: ${NAMES.us} / ${NAMES.them}`,
    description: `Review of the agreed terms: price, ${NAMES.greekIssue}, ${NAMES.chineseIssue}.`,
    start: '2027-01-11',
    durationMinutes: 45,
    recurrence: { frequency: 'WEEKLY', interval: 2, count: 6 },
  },
}

/** Every fixture, for tests that go over all of them. */
export const DOCUMENTS: ParleyDocument[] = [mesoSheet, termSheet, internalBrief, cadence]
