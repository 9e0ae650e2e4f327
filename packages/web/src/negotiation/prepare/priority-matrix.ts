/**
 * Geometry of the priorities chart: each issue at (its share of our weight, its share of their
 * estimated weight), on axes from 0 to a round share just above the largest. Lines at the average
 * share (1/n) on each axis cut the chart in four; the top-left quarter — below average for us,
 * above average for them — is where trades are funded. Labels are placed beside their points,
 * moved up or down or to the other side until they overlap nothing.
 */

export interface MatrixInput {
  id: string
  label: string
  /** Share of our weight, 0..1. */
  us: number
  /** Share of their estimated weight, 0..1. */
  them: number
  tradeable: boolean
}

export interface Box {
  x: number
  y: number
  width: number
  height: number
}

export interface MatrixPoint extends MatrixInput {
  cx: number
  cy: number
  /** In the cheap-for-us, valuable-to-them quarter. */
  funded: boolean
  text: { x: number; y: number; anchor: 'start' | 'end'; value: string }
}

export interface MatrixLayout {
  width: number
  height: number
  plot: { left: number; top: number; right: number; bottom: number }
  /** The share at the end of both axes. */
  max: number
  ticks: { value: number; label: string; x: number; y: number }[]
  /** The average share, where the quarters meet. */
  split: { share: number; x: number; y: number }
  /** The cheap-for-us, valuable-to-them quarter. */
  quadrant: Box
  /** Where the quarter's own caption sits (labels keep clear of it). */
  caption: { x: number; y: number }
  points: MatrixPoint[]
}

const ROUND_MAXIMA = [0.1, 0.2, 0.25, 0.3, 0.4, 0.5, 0.6, 0.8, 1]
const CHAR_WIDTH = 6.2
const LINE = 13
const RADIUS = 5
const MAX_LABEL = 26

function roundMax(share: number): number {
  return ROUND_MAXIMA.find((max) => max >= share * 1.08) ?? 1
}

function overlaps(a: Box, b: Box): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height
}

export function shortLabel(label: string): string {
  return label.length > MAX_LABEL ? `${label.slice(0, MAX_LABEL - 1).trimEnd()}…` : label
}

export function priorityMatrix(
  inputs: readonly MatrixInput[],
  size: { width: number; height: number } = { width: 560, height: 380 },
): MatrixLayout {
  const plot = { left: 56, top: 16, right: size.width - 16, bottom: size.height - 48 }
  const largest = Math.max(0, ...inputs.flatMap((p) => [p.us, p.them]))
  const max = roundMax(largest)
  const step = max <= 0.3 ? 0.05 : 0.1
  const x = (share: number) => plot.left + (Math.min(share, max) / max) * (plot.right - plot.left)
  const y = (share: number) => plot.bottom - (Math.min(share, max) / max) * (plot.bottom - plot.top)
  const ticks = []
  for (let k = 0; k * step <= max + 1e-9; k++) {
    const value = Math.round(k * step * 100) / 100
    ticks.push({ value, label: `${Math.round(value * 100)}%`, x: x(value), y: y(value) })
  }
  const share = inputs.length > 0 ? Math.min(1 / inputs.length, max) : max / 2
  const split = { share, x: x(share), y: y(share) }
  const quadrant = { x: plot.left, y: plot.top, width: split.x - plot.left, height: split.y - plot.top }
  const caption = { x: plot.left + 6, y: plot.top + 12 }

  const placed: Box[] = [
    // The quarter's caption: two lines at its top-left corner ("Cheap for us, valuable for them:").
    { x: caption.x, y: caption.y - 10, width: 32 * CHAR_WIDTH, height: 2 * LINE },
  ]
  const points = inputs.map((input) => ({
    ...input,
    cx: x(input.us),
    cy: y(input.them),
    funded: input.us < share && input.them >= share,
  }))
  for (const point of points)
    placed.push({ x: point.cx - RADIUS, y: point.cy - RADIUS, width: 2 * RADIUS, height: 2 * RADIUS })

  // Lowest points first, so labels stack away from the crowded origin.
  const order = [...points.keys()].sort((a, b) => (points[b]?.cy ?? 0) - (points[a]?.cy ?? 0))
  const texts = new Map<number, MatrixPoint['text']>()
  for (const index of order) {
    const point = points[index]
    if (!point) continue
    const value = shortLabel(point.label)
    const width = value.length * CHAR_WIDTH
    const candidates: { x: number; anchor: 'start' | 'end'; dy: number }[] = []
    for (const dy of [0, LINE, -LINE, 2 * LINE, -2 * LINE, 3 * LINE, -3 * LINE]) {
      candidates.push({ x: point.cx + RADIUS + 3, anchor: 'start', dy })
      candidates.push({ x: point.cx - RADIUS - 3, anchor: 'end', dy })
    }
    const boxOf = (c: (typeof candidates)[number]): Box => ({
      x: c.anchor === 'start' ? c.x : c.x - width,
      y: point.cy + c.dy - 9,
      width,
      height: 12,
    })
    const inside = (box: Box) =>
      box.x >= 0 && box.x + box.width <= size.width && box.y >= 0 && box.y + box.height <= plot.bottom
    const chosen =
      candidates.find((c) => {
        const box = boxOf(c)
        return inside(box) && !placed.some((other) => overlaps(box, other))
      }) ??
      candidates.find((c) => inside(boxOf(c))) ??
      candidates[0]
    if (!chosen) continue
    placed.push(boxOf(chosen))
    texts.set(index, { x: chosen.x, y: point.cy + chosen.dy + 3, anchor: chosen.anchor, value })
  }
  return {
    width: size.width,
    height: size.height,
    plot,
    max,
    ticks,
    split,
    quadrant,
    caption,
    points: points.map((point, index) => ({
      ...point,
      text: texts.get(index) ?? {
        x: point.cx + RADIUS + 3,
        y: point.cy + 3,
        anchor: 'start',
        value: point.label,
      },
    })),
  }
}

/** The box a label takes on the chart, for tests and hit checks. */
export function labelBox(point: MatrixPoint): Box {
  const width = point.text.value.length * CHAR_WIDTH
  return {
    x: point.text.anchor === 'start' ? point.text.x : point.text.x - width,
    y: point.text.y - 12,
    width,
    height: 12,
  }
}
