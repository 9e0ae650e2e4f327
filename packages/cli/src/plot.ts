/**
 * The frontier as an SVG a person would rather look at than read: the cloud of other bundles,
 * the frontier, our reservation and both BATNA lines, the bargaining points and the MESO bundles,
 * labelled. What is on the chart is core's plot data (scales, ticks, staircase, reference lines,
 * markers), shared with the web app's chart; this file only draws it. Coordinates, like the
 * figures in the labels, are written with one decimal.
 */
import {
  formatPoints as f,
  PLOT_TICKS,
  type PlotData,
  plotReferenceLines,
  plotScale,
  staircaseCorners,
} from '@parley/core'

/** The chart with what the SVG writes above it. */
export interface TitledPlot extends PlotData {
  title: string
  subtitle: string
  /** Which estimate of their side the plot is under: `est., plan` or `est., learned from N moves`. */
  estimate: string
}

const WIDTH = 900
const HEIGHT = 640
const LEFT = 70
const RIGHT = 330
const TOP = 70
const BOTTOM = 60
const PLOT_W = WIDTH - LEFT - RIGHT
const PLOT_H = HEIGHT - TOP - BOTTOM

const { x, y } = plotScale({ left: LEFT, top: TOP, width: PLOT_W, height: PLOT_H })

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')
}

export function frontierSvg(data: TitledPlot): string {
  const parts: string[] = []
  parts.push(
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${WIDTH} ${HEIGHT}" width="${WIDTH}" height="${HEIGHT}" font-family="system-ui, -apple-system, Segoe UI, sans-serif" font-size="12">`,
    `<title>${escapeXml(data.title)}</title>`,
    `<rect width="${WIDTH}" height="${HEIGHT}" fill="#ffffff"/>`,
    `<text x="${LEFT}" y="28" font-size="17" font-weight="600" fill="#111827">${escapeXml(data.title)}</text>`,
    `<text x="${LEFT}" y="48" fill="#4b5563">${escapeXml(data.subtitle)}</text>`,
  )
  // Grid and axes.
  for (const v of PLOT_TICKS) {
    parts.push(
      `<line x1="${f(x(v))}" y1="${TOP}" x2="${f(x(v))}" y2="${TOP + PLOT_H}" stroke="#eef0f3"/>`,
      `<line x1="${LEFT}" y1="${f(y(v))}" x2="${LEFT + PLOT_W}" y2="${f(y(v))}" stroke="#eef0f3"/>`,
      `<text x="${f(x(v))}" y="${TOP + PLOT_H + 18}" text-anchor="middle" fill="#6b7280">${v}</text>`,
      `<text x="${LEFT - 8}" y="${f(y(v) + 4)}" text-anchor="end" fill="#6b7280">${v}</text>`,
    )
  }
  parts.push(
    `<rect x="${LEFT}" y="${TOP}" width="${PLOT_W}" height="${PLOT_H}" fill="none" stroke="#9ca3af"/>`,
    `<text x="${LEFT + PLOT_W / 2}" y="${HEIGHT - 18}" text-anchor="middle" fill="#111827">U_us: value to us (points)</text>`,
    `<text transform="translate(20 ${TOP + PLOT_H / 2}) rotate(-90)" text-anchor="middle" fill="#111827">U_them: value to them (${escapeXml(data.estimate)}), points</text>`,
  )
  // The cloud of other bundles.
  const cloud: string[] = []
  const sample = data.cloud ?? { us: [], them: [] }
  for (let k = 0; k < sample.us.length; k++) {
    cloud.push(`<circle cx="${f(x(sample.us[k] ?? 0))}" cy="${f(y(sample.them[k] ?? 0))}" r="1.6"/>`)
  }
  parts.push(`<g fill="#cbd5e1" fill-opacity="0.7">${cloud.join('')}</g>`)
  // Reference lines. Labels of the two vertical lines sit at different heights, so they never overlap.
  for (const line of plotReferenceLines(data)) {
    if (line.axis === 'them') {
      parts.push(
        `<line x1="${LEFT}" y1="${f(y(line.value))}" x2="${LEFT + PLOT_W}" y2="${f(y(line.value))}" stroke="#1d4ed8" stroke-width="1.5" stroke-dasharray="6 4"/>`,
        `<text x="${LEFT + PLOT_W - 4}" y="${f(y(line.value) - 5)}" text-anchor="end" fill="#1d4ed8">their BATNA ${f(line.value)} (est.)</text>`,
      )
      continue
    }
    const [colour, dash, label, labelY] =
      line.key === 'reservation'
        ? ['#b91c1c', '2 3', `our reservation ${f(line.value)} (private)`, TOP + PLOT_H - 24]
        : ['#b45309', '6 4', `our BATNA ${f(line.value)}`, TOP + PLOT_H - 8]
    parts.push(
      `<line x1="${f(x(line.value))}" y1="${TOP}" x2="${f(x(line.value))}" y2="${TOP + PLOT_H}" stroke="${colour}" stroke-width="1.5" stroke-dasharray="${dash}"/>`,
      `<text x="${f(x(line.value) + 4)}" y="${labelY}" fill="${colour}">${escapeXml(label)}</text>`,
    )
  }
  // The frontier, as the staircase it is.
  if (data.frontier.length > 0) {
    const steps = staircaseCorners(data.frontier).map(
      (corner, k) => `${k === 0 ? 'M' : 'L'}${f(x(corner.us))} ${f(y(corner.them))}`,
    )
    parts.push(`<path d="${steps.join(' ')}" fill="none" stroke="#059669" stroke-width="2"/>`)
    if (data.frontier.length <= 400) {
      parts.push(
        `<g fill="#059669">${data.frontier.map((point) => `<circle cx="${f(x(point.us))}" cy="${f(y(point.them))}" r="2.6"/>`).join('')}</g>`,
      )
    }
  }
  // Markers.
  for (const marker of data.markers) {
    const cx = f(x(marker.us))
    const cy = f(y(marker.them))
    if (marker.kind === 'meso') {
      parts.push(
        `<rect x="${f(x(marker.us) - 6)}" y="${f(y(marker.them) - 6)}" width="12" height="12" fill="#7c3aed" stroke="#ffffff"/>`,
        `<text x="${f(x(marker.us) + 9)}" y="${f(y(marker.them) - 7)}" font-weight="700" fill="#7c3aed">${escapeXml(marker.label)}</text>`,
      )
    } else {
      parts.push(
        `<circle cx="${cx}" cy="${cy}" r="6" fill="#f59e0b" stroke="#111827"/>`,
        `<text x="${f(x(marker.us) + 9)}" y="${f(y(marker.them) + 4)}" font-weight="600" fill="#92400e">${escapeXml(marker.label)}</text>`,
      )
    }
  }
  // Legend.
  const lx = LEFT + PLOT_W + 24
  let ly = TOP + 10
  const legend = (swatch: string, text: string) => {
    parts.push(
      `${swatch.replace(/\{x\}/g, String(lx)).replace(/\{y\}/g, String(ly))}`,
      `<text x="${lx + 22}" y="${ly + 4}" fill="#111827">${escapeXml(text)}</text>`,
    )
    ly += 22
  }
  legend('<circle cx="{x}" cy="{y}" r="3" fill="#cbd5e1"/>', 'other bundles (sample)')
  legend(
    `<line x1="{x}" y1="{y}" x2="${lx + 16}" y2="{y}" stroke="#059669" stroke-width="2"/>`,
    `Pareto frontier (${data.frontier.length})`,
  )
  for (const marker of data.markers) {
    legend(
      marker.kind === 'meso'
        ? '<rect x="{x}" y="{y}" width="10" height="10" fill="#7c3aed" transform="translate(-5 -5)"/>'
        : '<circle cx="{x}" cy="{y}" r="5" fill="#f59e0b" stroke="#111827"/>',
      `${marker.legend}: ${f(marker.us)} / ${f(marker.them)}`,
    )
  }
  parts.push('</svg>')
  return `${parts.join('\n')}\n`
}
