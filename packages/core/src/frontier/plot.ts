/**
 * The frontier chart as data, the same for every picture of it (the SVG `parley frontier --plot`
 * writes, the chart in the web app): both axes in utility points from 0 to 100 — value to us
 * across, value to them (our estimate) up — so no scale is computed from the data; the ticks every
 * 10 points; the frontier as the staircase of bundles it is; the reference lines of our
 * reservation and both BATNAs; the markers of the bargaining points and MESO bundles; and which
 * frontier points a list shows when it can not show them all. How any of it is drawn (sizes,
 * colours, labels, number formats) is the renderer's.
 */
import type { Plan } from '../model/plan'
import type { FrontierReport } from './report'

/** A place on the chart: utility to us and to them, in points 0..100. */
export interface PlotPoint {
  us: number
  them: number
}

/**
 * `bargaining`: Nash, Kalai–Smorodinsky, max joint; `meso`: a bundle of a MESO set; `table` and
 * `agreement`: what is in play.
 */
const PLOT_MARKER_KINDS = ['bargaining', 'meso', 'table', 'agreement'] as const
export type PlotMarkerKind = (typeof PLOT_MARKER_KINDS)[number]

export interface PlotMarker extends PlotPoint {
  /** Unique among the chart's markers. */
  key: string
  /** Drawn beside the marker: `N`, `A`. */
  label: string
  /** In the legend: `Nash`, `A: price-optimised`. */
  legend: string
  kind: PlotMarkerKind
}

/** Everything a frontier chart shows. */
export interface PlotData {
  /** Sorted by value to us, descending, as the frontier report gives it. */
  frontier: readonly PlotPoint[]
  /** Other bundles, as a sample: the utilities of one bundle at the same index of both lists. */
  cloud?: { us: ArrayLike<number>; them: ArrayLike<number> }
  reservation: number | null
  batnaUs: number | null
  batnaThem: number | null
  markers: readonly PlotMarker[]
}

/** Grid lines on both axes, in points. */
export const PLOT_TICKS = [0, 10, 20, 30, 40, 50, 60, 70, 80, 90, 100] as const

/** Where the plot sits in the picture, in the picture's units (pixels): its top-left corner and size. */
export interface PlotArea {
  left: number
  top: number
  width: number
  height: number
}

export interface PlotScale {
  /** The horizontal position of a utility to us. */
  x(us: number): number
  /** The vertical position of a utility to them: 0 at the bottom, 100 at the top. */
  y(them: number): number
}

/** Values outside 0..100 are drawn at the edge rather than off the plot. */
function clampPoints(value: number): number {
  return Math.min(100, Math.max(0, value))
}

/** The scales of a plot area: 0..100 points across its width and up its height. */
export function plotScale(area: PlotArea): PlotScale {
  return {
    x: (us) => area.left + (clampPoints(us) / 100) * area.width,
    y: (them) => area.top + area.height - (clampPoints(them) / 100) * area.height,
  }
}

/** The plan's reference values: our reservation and both BATNAs' utilities, null where not given. */
export function plotReferences(plan: Plan): Pick<PlotData, 'reservation' | 'batnaUs' | 'batnaThem'> {
  return {
    reservation: plan.reservation ?? null,
    batnaUs: plan.batna?.us?.utility ?? null,
    batnaThem: plan.batna?.them?.utility ?? null,
  }
}

/** A reference line: ours are values to us (upright lines), theirs a value to them (across). */
export interface PlotReferenceLine {
  key: 'batnaUs' | 'reservation' | 'batnaThem'
  axis: 'us' | 'them'
  value: number
}

/** The reference lines a chart draws, in the order they are drawn: our BATNA, our reservation, theirs. */
export function plotReferenceLines(
  data: Pick<PlotData, 'reservation' | 'batnaUs' | 'batnaThem'>,
): PlotReferenceLine[] {
  const lines: PlotReferenceLine[] = []
  if (data.batnaUs !== null) lines.push({ key: 'batnaUs', axis: 'us', value: data.batnaUs })
  if (data.reservation !== null) lines.push({ key: 'reservation', axis: 'us', value: data.reservation })
  if (data.batnaThem !== null) lines.push({ key: 'batnaThem', axis: 'them', value: data.batnaThem })
  return lines
}

/**
 * The bargaining points, in the order they are listed: the report's field, and the marker's key,
 * label and legend (the exact term), with the words a salesperson uses for it (`plain`).
 */
export const BARGAINING_POINTS = [
  { field: 'nash', key: 'nash', label: 'N', legend: 'Nash', plain: 'Best joint deal (balanced gains)' },
  {
    field: 'kalaiSmorodinsky',
    key: 'ks',
    label: 'KS',
    legend: 'Kalai–Smorodinsky',
    plain: 'Even share of what each side could hope for',
  },
  { field: 'maxJoint', key: 'joint', label: 'J', legend: 'Max joint', plain: 'Most value in total' },
] as const satisfies readonly {
  field: keyof FrontierReport
  key: string
  label: string
  legend: string
  plain: string
}[]

/** The bargaining points of a frontier report that exist, as markers `N`, `KS` and `J`. */
export function bargainingMarkers(
  report: Pick<FrontierReport, 'nash' | 'kalaiSmorodinsky' | 'maxJoint'>,
): PlotMarker[] {
  return BARGAINING_POINTS.flatMap(({ field, key, label, legend }) => {
    const point = report[field]
    return point ? [{ key, label, legend, us: point.us, them: point.them, kind: 'bargaining' as const }] : []
  })
}

/** The bundles of a MESO set as markers labelled A, B, C, with their names in the legend. */
export function mesoMarkers(
  bundles: readonly { label: string; name: string; utility: PlotPoint }[],
): PlotMarker[] {
  return bundles.map((bundle) => ({
    key: `meso-${bundle.label}`,
    label: bundle.label,
    legend: `${bundle.label}: ${bundle.name}`,
    us: bundle.utility.us,
    them: bundle.utility.them,
    kind: 'meso' as const,
  }))
}

/**
 * The frontier as a staircase: from each point across to the next one's value to us, then up to
 * its value to them. The corners it turns at are bundles too (dominated ones), so the line never
 * promises what no bundle gives. Returns the points the line passes through, corners included.
 */
export function staircaseCorners(points: readonly PlotPoint[]): PlotPoint[] {
  const corners: PlotPoint[] = []
  points.forEach((point, k) => {
    const previous = points[k - 1]
    if (previous) corners.push({ us: point.us, them: previous.them })
    corners.push({ us: point.us, them: point.them })
  })
  return corners
}

/**
 * Which of `size` points a list shows when it may show at most `most` (2 or more): all of them if
 * they fit, otherwise `most` indices spread evenly, the first and the last kept.
 */
export function evenlySpaced(size: number, most: number): number[] {
  return size <= most
    ? Array.from({ length: size }, (_, k) => k)
    : Array.from({ length: most }, (_, k) => Math.round((k * (size - 1)) / (most - 1)))
}
