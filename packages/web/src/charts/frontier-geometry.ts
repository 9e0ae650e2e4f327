/**
 * The geometry of the frontier chart, apart from React so it can be tested. What is on the chart is
 * core's plot data (`PlotData`: both axes in utility points 0..100, the ticks, the staircase, the
 * reference lines, the markers), shared with the SVG `parley frontier --plot` writes; here it is
 * laid out for the screen: a cloud of other bundles thinned to one dot per pixel, reference line
 * labels that never collide, marker labels pushed apart where they would overlap, and the rows of
 * the table screen readers get instead of the picture.
 */
import {
  evenlySpaced,
  formatDecimal,
  formatPoints,
  type PlotData,
  type PlotPoint,
  plotReferenceLines,
  plotScale,
  staircaseCorners,
} from '@parley/core'

export const LAYOUT = { width: 640, height: 440, left: 52, right: 14, top: 14, bottom: 46 } as const
const PLOT_W = LAYOUT.width - LAYOUT.left - LAYOUT.right
const PLOT_H = LAYOUT.height - LAYOUT.top - LAYOUT.bottom

/** Values outside 0..100 (a BATNA written as 110) are drawn at the edge rather than off the chart. */
export const { x: xOf, y: yOf } = plotScale({
  left: LAYOUT.left,
  top: LAYOUT.top,
  width: PLOT_W,
  height: PLOT_H,
})

export const PLOT = {
  left: LAYOUT.left,
  right: LAYOUT.left + PLOT_W,
  top: LAYOUT.top,
  bottom: LAYOUT.top + PLOT_H,
} as const

/** A coordinate in a path: a tenth of a pixel is plenty. */
const coordinate = (value: number) => formatDecimal(value, 1)

/** The frontier's staircase (core's corners) as an SVG path. */
export function staircasePath(points: readonly PlotPoint[]): string {
  return staircaseCorners(points)
    .map((corner, k) => `${k === 0 ? 'M' : 'L'}${coordinate(xOf(corner.us))} ${coordinate(yOf(corner.them))}`)
    .join(' ')
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
export function referenceLines(data: PlotData): ReferenceLine[] {
  return plotReferenceLines(data).map(({ key, axis, value }): ReferenceLine => {
    if (axis === 'them') {
      const y = yOf(value)
      return {
        key,
        x1: PLOT.left,
        y1: y,
        x2: PLOT.right,
        y2: y,
        labelX: PLOT.right - 4,
        // Above the line, unless that would leave the plot.
        labelY: y - 5 < PLOT.top + 10 ? y + 14 : y - 5,
        anchor: 'end',
        label: `their BATNA ${formatPoints(value)} (our estimate)`,
        value,
      }
    }
    const x = xOf(value)
    // Near the right edge the label goes on the left of its line.
    const anchor = x > PLOT.right - 150 ? 'end' : 'start'
    return {
      key,
      x1: x,
      y1: PLOT.top,
      x2: x,
      y2: PLOT.bottom,
      labelX: anchor === 'start' ? x + 4 : x - 4,
      labelY: key === 'reservation' ? PLOT.bottom - 24 : PLOT.bottom - 8,
      anchor,
      label:
        key === 'reservation' ? `our reservation ${formatPoints(value)}` : `our BATNA ${formatPoints(value)}`,
      value,
    }
  })
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
export function plottedRows(data: PlotData, most = 40): { rows: PlottedRow[]; shown: number } {
  const rows: PlottedRow[] = data.markers.map((marker) => ({
    what: marker.legend,
    us: formatPoints(marker.us),
    them: formatPoints(marker.them),
  }))
  if (data.reservation !== null)
    rows.push({ what: 'Our reservation', us: formatPoints(data.reservation), them: '—' })
  if (data.batnaUs !== null) rows.push({ what: 'Our BATNA', us: formatPoints(data.batnaUs), them: '—' })
  if (data.batnaThem !== null)
    rows.push({ what: 'Their BATNA (estimated)', us: '—', them: formatPoints(data.batnaThem) })
  const size = data.frontier.length
  const picks = evenlySpaced(size, most)
  for (const k of picks) {
    const point = data.frontier[k]
    if (point)
      rows.push({
        what: `Frontier point ${k + 1} of ${size}`,
        us: formatPoints(point.us),
        them: formatPoints(point.them),
      })
  }
  return { rows, shown: picks.length }
}
