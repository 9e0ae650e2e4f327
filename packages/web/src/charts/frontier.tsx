/**
 * The Pareto frontier, drawn by hand in SVG: value to us across, value to them (our estimate) up,
 * both 0–100. The frontier's staircase over a light cloud of other bundles, our reservation and
 * both BATNA lines, and markers (bargaining points, MESO bundles, what is on the table). A legend
 * says what each mark is with its values, and a table nobody sees but screen readers lists every
 * plotted point, since a picture alone tells them nothing.
 */
import './frontier.css'
import { formatPoints, PLOT_TICKS, type PlotData, type PlotMarker } from '@parley/core'
import {
  cloudPath,
  LAYOUT,
  PLOT,
  placeLabels,
  plottedRows,
  referenceLines,
  staircasePath,
  xOf,
  yOf,
} from './frontier-geometry'

/** Frontier dots are drawn only while there are few enough to tell apart. */
const MOST_DOTS = 400

function MarkerShape({ marker, x, y }: { marker: PlotMarker; x: number; y: number }) {
  switch (marker.kind) {
    case 'meso':
      return <rect className="marker meso" x={x - 6} y={y - 6} width={12} height={12} />
    case 'table':
      return <path className="marker table" d={`M${x} ${y - 8}L${x + 8} ${y}L${x} ${y + 8}L${x - 8} ${y}Z`} />
    case 'agreement':
      return <circle className="marker agreement" cx={x} cy={y} r={7} />
    case 'bargaining':
      return <circle className="marker bargaining" cx={x} cy={y} r={6} />
  }
}

function Swatch({ kind }: { kind: string }) {
  return (
    <svg className="swatch" viewBox="0 0 20 14" width="20" height="14" aria-hidden="true" focusable="false">
      {kind === 'cloud' ? <circle className="cloud-dot" cx={10} cy={7} r={3} /> : null}
      {kind === 'frontier' ? <line className="frontier-line" x1={1} y1={7} x2={19} y2={7} /> : null}
      {kind === 'reservation' || kind === 'batnaUs' || kind === 'batnaThem' ? (
        <line className={`reference ${kind}`} x1={1} y1={7} x2={19} y2={7} />
      ) : null}
      {kind === 'meso' ? <rect className="marker meso" x={5} y={2} width={10} height={10} /> : null}
      {kind === 'bargaining' ? <circle className="marker bargaining" cx={10} cy={7} r={5} /> : null}
      {kind === 'agreement' ? <circle className="marker agreement" cx={10} cy={7} r={5} /> : null}
      {kind === 'table' ? <path className="marker table" d="M10 1L16 7L10 13L4 7Z" /> : null}
    </svg>
  )
}

export function FrontierChart({
  data,
  label,
  frontierName = 'Best possible deals',
  caption,
  estimate,
}: {
  data: PlotData
  /** The chart's accessible name. */
  label: string
  /** Which estimate of their side the chart is under (`useEstimateLabel`). */
  estimate: string
  /** What the frontier is called in the legend: plain words, or the exact term with the maths shown. */
  frontierName?: string
  /** Said under the chart (sizes, the rule, epsilon). */
  caption?: string
}) {
  const lines = referenceLines(data)
  const labels = placeLabels(
    data.markers.map((marker) => ({ key: marker.key, x: xOf(marker.us) + 9, y: yOf(marker.them) - 7 })),
  )
  const { rows, shown } = plottedRows(data)
  const cloudSize = data.cloud?.us.length ?? 0
  return (
    <figure className="frontier-chart">
      <svg
        className="chart frontier-svg"
        role="img"
        aria-label={label}
        viewBox={`0 0 ${LAYOUT.width} ${LAYOUT.height}`}
        preserveAspectRatio="xMidYMid meet"
      >
        <g className="grid">
          {PLOT_TICKS.map((tick) => (
            <g key={tick}>
              <line x1={xOf(tick)} y1={PLOT.top} x2={xOf(tick)} y2={PLOT.bottom} />
              <line x1={PLOT.left} y1={yOf(tick)} x2={PLOT.right} y2={yOf(tick)} />
              {tick % 20 === 0 ? (
                <>
                  <text className="tick" x={xOf(tick)} y={PLOT.bottom + 16} textAnchor="middle">
                    {tick}
                  </text>
                  <text className="tick" x={PLOT.left - 6} y={yOf(tick) + 4} textAnchor="end">
                    {tick}
                  </text>
                </>
              ) : null}
            </g>
          ))}
          <rect
            className="frame"
            x={PLOT.left}
            y={PLOT.top}
            width={PLOT.right - PLOT.left}
            height={PLOT.bottom - PLOT.top}
          />
          <text className="axis" x={(PLOT.left + PLOT.right) / 2} y={LAYOUT.height - 8} textAnchor="middle">
            Value to us
          </text>
          <text
            className="axis"
            transform={`translate(14 ${(PLOT.top + PLOT.bottom) / 2}) rotate(-90)`}
            textAnchor="middle"
          >
            Value to them ({estimate})
          </text>
        </g>
        {data.cloud ? <path className="cloud" d={cloudPath(data.cloud)} /> : null}
        {lines.map((line) => (
          <g key={line.key}>
            <line className={`reference ${line.key}`} x1={line.x1} y1={line.y1} x2={line.x2} y2={line.y2} />
            <text
              className={`reference-label ${line.key}`}
              x={line.labelX}
              y={line.labelY}
              textAnchor={line.anchor}
            >
              {line.label}
            </text>
          </g>
        ))}
        {data.frontier.length > 0 ? (
          <path className="frontier-line" d={staircasePath(data.frontier)} />
        ) : null}
        {data.frontier.length <= MOST_DOTS ? (
          <g className="frontier-dots">
            {data.frontier.map((point) => (
              <circle key={`${point.us},${point.them}`} cx={xOf(point.us)} cy={yOf(point.them)} r={2.6} />
            ))}
          </g>
        ) : null}
        {data.markers.map((marker, k) => {
          const placed = labels[k]
          return (
            <g key={marker.key}>
              <MarkerShape marker={marker} x={xOf(marker.us)} y={yOf(marker.them)} />
              {placed ? (
                <text className={`marker-label ${marker.kind}`} x={placed.x} y={placed.y}>
                  {marker.label}
                </text>
              ) : null}
            </g>
          )
        })}
      </svg>
      {caption ? <figcaption className="hint">{caption}</figcaption> : null}
      <ul className="chart-legend" aria-label="Legend">
        {cloudSize > 0 ? (
          <li>
            <Swatch kind="cloud" />
            <span>Other bundles (a sample of {cloudSize})</span>
          </li>
        ) : null}
        <li>
          <Swatch kind="frontier" />
          <span>
            {frontierName} ({data.frontier.length} point{data.frontier.length === 1 ? '' : 's'})
          </span>
        </li>
        {lines.map((line) => (
          <li key={line.key}>
            <Swatch kind={line.key} />
            <span>
              {line.key === 'reservation'
                ? `Our reservation: ${formatPoints(line.value)} (private)`
                : line.key === 'batnaUs'
                  ? `Our BATNA: ${formatPoints(line.value)}`
                  : `Their BATNA: ${formatPoints(line.value)} (our estimate)`}
            </span>
          </li>
        ))}
        {data.markers.map((marker) => (
          <li key={marker.key}>
            <Swatch kind={marker.kind} />
            <span>
              <strong>{marker.label}</strong> {marker.legend}: {formatPoints(marker.us)} to us,{' '}
              {formatPoints(marker.them)} to them
            </span>
          </li>
        ))}
      </ul>
      <div className="visually-hidden">
        <table>
          <caption>
            Points on the chart of {frontierName.toLowerCase()}
            {shown < data.frontier.length ? ` (${shown} of the ${data.frontier.length} frontier points)` : ''}
          </caption>
          <thead>
            <tr>
              <th scope="col">Point</th>
              <th scope="col">Value to us</th>
              <th scope="col">Value to them ({estimate})</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row, k) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: the rows are rebuilt whole, never reordered
              <tr key={k}>
                <th scope="row">{row.what}</th>
                <td>{row.us}</td>
                <td>{row.them}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </figure>
  )
}
