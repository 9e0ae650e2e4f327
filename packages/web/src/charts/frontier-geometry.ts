/**
 * The geometry of the frontier chart, apart from React so it can be tested: both axes in utility
 * points from 0 to 100 (no scale to compute), the frontier drawn as the staircase of bundles it is,
 * a cloud of other bundles thinned to one dot per pixel, reference lines for our reservation and
 * both BATNAs, marker labels pushed apart where they would overlap, and the rows of the table
 * screen readers get instead of the picture.
 */

export interface ChartPoint {
  us: number
  them: number
}

/** `bargaining`: Nash, Kalai–Smorodinsky, max joint; `meso`: a bundle of a set; `table`/`agreement`: what is in play. */
export type MarkerKind = 'bargaining' | 'meso' | 'table' | 'agreement'

export interface ChartMarker extends ChartPoint {
  key: string
  /** Drawn beside the marker: `N`, `A`. */
  label: string
  /** In the legend and the table: `Nash`, `A: price-optimised`. */
  legend: string
  kind: MarkerKind
}

export interface FrontierChartData {
  /** Sorted by value to us, descending (as core gives it). */
  frontier: readonly ChartPoint[]
  cloud?: { us: ArrayLike<number>; them: ArrayLike<number> }
  reservation: number | null
  batnaUs: number | null
  batnaThem: number | null
  markers: readonly ChartMarker[]
}

export const LAYOUT = { width: 640, height: 440, left: 52, right: 14, top: 14, bottom: 46 } as const
const PLOT_W = LAYOUT.width - LAYOUT.left - LAYOUT.right
const PLOT_H = LAYOUT.height - LAYOUT.top - LAYOUT.bottom

/** Values outside 0..100 (a BATNA written as 110) are drawn at the edge rather than off the chart. */
function clamp(value: number): number {
  return Math.min(100, Math.max(0, value))
}

export function xOf(us: number): number {
  return LAYOUT.left + (clamp(us) / 100) * PLOT_W
}

export function yOf(them: number): number {
  return LAYOUT.top + PLOT_H - (clamp(them) / 100) * PLOT_H
}

export const PLOT = {
  left: LAYOUT.left,
  right: LAYOUT.left + PLOT_W,
  top: LAYOUT.top,
  bottom: LAYOUT.top + PLOT_H,
} as const

const f = (value: number) => (Math.round(value * 10) / 10).toString()

/**
 * The frontier as a staircase: from each point across to the next one's value to us, then up to
 * its value to them. The corners it turns at are bundles too (dominated ones), so the line never
 * promises what no bundle gives.
 */
export function staircasePath(points: readonly ChartPoint[]): string {
  const steps: string[] = []
  points.forEach((point, k) => {
    const previous = points[k - 1]
    if (previous) steps.push(`L${f(xOf(point.us))} ${f(yOf(previous.them))}`)
    steps.push(`${k === 0 ? 'M' : 'L'}${f(xOf(point.us))} ${f(yOf(point.them))}`)
  })
  return steps.join(' ')
}

/** The cloud as one path of dots (round caps on zero-length segments), one per pixel at most. */
export function cloudPath(cloud: { us: ArrayLike<number>; them: ArrayLike<number> }): string {
  const seen = new Set<string>()
  const parts: string[] = []
  for (let k = 0; k < cloud.us.length; k++) {
    const x = Math.round(xOf(cloud.us[k] ?? 0))
    const y = Math.round(yOf(cloud.them[k] ?? 0))
    const key = `${x},${y}`
    if (seen.has(key)) continue
    seen.add(key)
    parts.push(`M${x} ${y}h0`)
  }
  return parts.join('')
}

export const TICKS = [0, 10, 20, 30, 40, 50, 60, 70, 80, 90, 100] as const

export interface ReferenceLine {
  key: 'reservation' | 'batnaUs' | 'batnaThem'
  x1: number
  y1: number
  x2: number
  y2: number
  /** Where its label sits. */
  labelX: number
  labelY: number
  anchor: 'start' | 'end'
  label: string
  value: number
}

/** Our reservation and BATNA are vertical lines (values to us), theirs horizontal; labels never collide. */
export function referenceLines(data: FrontierChartData): ReferenceLine[] {
  const lines: ReferenceLine[] = []
  const vertical = (key: 'reservation' | 'batnaUs', value: number, label: string, labelY: number) => {
    const x = xOf(value)
    // Near the right edge the label goes on the left of its line.
    const anchor = x > PLOT.right - 150 ? 'end' : 'start'
    lines.push({
      key,
      x1: x,
      y1: PLOT.top,
      x2: x,
      y2: PLOT.bottom,
      labelX: anchor === 'start' ? x + 4 : x - 4,
      labelY,
      anchor,
      label,
      value,
    })
  }
  if (data.batnaUs !== null)
    vertical('batnaUs', data.batnaUs, `our BATNA ${f1(data.batnaUs)}`, PLOT.bottom - 8)
  if (data.reservation !== null)
    vertical('reservation', data.reservation, `our reservation ${f1(data.reservation)}`, PLOT.bottom - 24)
  if (data.batnaThem !== null) {
    const y = yOf(data.batnaThem)
    lines.push({
      key: 'batnaThem',
      x1: PLOT.left,
      y1: y,
      x2: PLOT.right,
      y2: y,
      labelX: PLOT.right - 4,
      // Above the line, unless that would leave the plot.
      labelY: y - 5 < PLOT.top + 10 ? y + 14 : y - 5,
      anchor: 'end',
      label: `their BATNA ${f1(data.batnaThem)} (est.)`,
      value: data.batnaThem,
    })
  }
  return lines
}

/** One decimal, as utilities are shown everywhere. */
export function f1(value: number): string {
  return (Math.round(value * 10) / 10).toFixed(1)
}

export interface PlacedLabel {
  key: string
  x: number
  y: number
}

/**
 * Marker labels, pushed down where two would overlap (the bargaining points often coincide):
 * labels closer than `width` across and `gap` down are moved until they are not, then kept inside
 * the plot (the whole column moves up if it runs off the bottom).
 */
export function placeLabels(
  anchors: readonly { key: string; x: number; y: number }[],
  gap = 13,
  width = 40,
): PlacedLabel[] {
  const sorted = [...anchors].sort((a, b) => a.y - b.y || a.x - b.x)
  const placed: PlacedLabel[] = []
  for (const anchor of sorted) {
    let y = anchor.y
    for (let moved = true; moved; ) {
      moved = false
      for (const other of placed) {
        if (Math.abs(other.x - anchor.x) < width && Math.abs(other.y - y) < gap) {
          y = other.y + gap
          moved = true
        }
      }
    }
    placed.push({ key: anchor.key, x: anchor.x, y })
  }
  const lowest = Math.max(...placed.map((label) => label.y), Number.NEGATIVE_INFINITY)
  const shift = lowest > PLOT.bottom - 2 ? lowest - (PLOT.bottom - 2) : 0
  const order = new Map(anchors.map((anchor, k) => [anchor.key, k]))
  return placed
    .map((label) => ({ ...label, y: Math.max(PLOT.top + 10, label.y - shift) }))
    .sort((a, b) => (order.get(a.key) ?? 0) - (order.get(b.key) ?? 0))
}

export interface PlottedRow {
  what: string
  us: string
  them: string
}

/**
 * What the chart shows, as table rows for screen readers: the markers, the reference lines, and the
 * frontier's points (all of them up to `most`, otherwise `most` evenly spaced, first and last kept).
 */
export function plottedRows(data: FrontierChartData, most = 40): { rows: PlottedRow[]; shown: number } {
  const rows: PlottedRow[] = data.markers.map((marker) => ({
    what: marker.legend,
    us: f1(marker.us),
    them: f1(marker.them),
  }))
  if (data.reservation !== null) rows.push({ what: 'Our reservation', us: f1(data.reservation), them: '—' })
  if (data.batnaUs !== null) rows.push({ what: 'Our BATNA', us: f1(data.batnaUs), them: '—' })
  if (data.batnaThem !== null)
    rows.push({ what: 'Their BATNA (estimated)', us: '—', them: f1(data.batnaThem) })
  const size = data.frontier.length
  const picks =
    size <= most
      ? data.frontier.map((_, k) => k)
      : Array.from({ length: most }, (_, k) => Math.round((k * (size - 1)) / (most - 1)))
  for (const k of picks) {
    const point = data.frontier[k]
    if (point)
      rows.push({ what: `Frontier point ${k + 1} of ${size}`, us: f1(point.us), them: f1(point.them) })
  }
  return { rows, shown: picks.length }
}
