import { formatShare } from '@parley/core'
/**
 * Where trades are funded: every issue drawn at its share of our weight (across) and of their
 * estimated weight (up), the chart cut in four at the average share. Issues in the top-left corner
 * cost us little and matter to them; those not yet flagged tradeable are suggested, and so are the
 * workspace library's tradeables for this kind of negotiation. The same numbers are in a table
 * beside the picture, for those who do not see it.
 */
import './priorities-chart.css'
import { type ReactNode, useEffect, useRef, useState } from 'react'
import { Button, Notice } from '../../ui/controls'
import { ScrollRegion } from '../../ui/scroll-region'
import { LibrarySuggestions } from '../library-suggestions'
import type { NegotiationModel } from '../model'
import {
  chartSummary,
  flagTradeable,
  matrixInputs,
  quarterOf,
  suggestedTradeables,
} from './priorities-chart-data'
import { type MatrixLayout, type MatrixPoint, priorityMatrix } from './priority-matrix'

function Marker({ point }: { point: Pick<MatrixPoint, 'cx' | 'cy' | 'tradeable'> }) {
  const { cx, cy } = point
  return point.tradeable ? (
    <path
      className="pm-marker tradeable"
      d={`M${cx} ${cy - 7}L${cx + 7} ${cy}L${cx} ${cy + 7}L${cx - 7} ${cy}Z`}
    />
  ) : (
    <circle className="pm-marker" cx={cx} cy={cy} r={5} />
  )
}

function Chart({ layout }: { layout: MatrixLayout }) {
  const { plot, split, quadrant, caption } = layout
  return (
    <svg
      className="chart pm-svg"
      role="img"
      aria-label={chartSummary(layout)}
      viewBox={`0 0 ${layout.width} ${layout.height}`}
      preserveAspectRatio="xMidYMid meet"
    >
      <rect
        className="pm-funded"
        x={quadrant.x}
        y={quadrant.y}
        width={quadrant.width}
        height={quadrant.height}
      />
      <g className="pm-grid">
        {layout.ticks.map((tick) => (
          <g key={tick.value}>
            <line x1={tick.x} y1={plot.top} x2={tick.x} y2={plot.bottom} />
            <line x1={plot.left} y1={tick.y} x2={plot.right} y2={tick.y} />
            <text className="pm-tick" x={tick.x} y={plot.bottom + 16} textAnchor="middle">
              {tick.label}
            </text>
            <text className="pm-tick" x={plot.left - 6} y={tick.y + 4} textAnchor="end">
              {tick.label}
            </text>
          </g>
        ))}
        <rect
          className="pm-frame"
          x={plot.left}
          y={plot.top}
          width={plot.right - plot.left}
          height={plot.bottom - plot.top}
        />
      </g>
      <line className="pm-split" x1={split.x} y1={plot.top} x2={split.x} y2={plot.bottom} />
      <line className="pm-split" x1={plot.left} y1={split.y} x2={plot.right} y2={split.y} />
      <text className="pm-caption" x={caption.x} y={caption.y}>
        <tspan x={caption.x}>Cheap for us, valuable for them:</tspan>
        <tspan x={caption.x} dy={13}>
          trades are funded here
        </tspan>
      </text>
      <text className="pm-axis" x={(plot.left + plot.right) / 2} y={layout.height - 10} textAnchor="middle">
        Share of our weight
      </text>
      <text
        className="pm-axis"
        transform={`translate(14 ${(plot.top + plot.bottom) / 2}) rotate(-90)`}
        textAnchor="middle"
      >
        Share of their weight (our estimate)
      </text>
      {layout.points.map((point) => (
        <g key={point.id}>
          <Marker point={point} />
          <text className="pm-label" x={point.text.x} y={point.text.y} textAnchor={point.text.anchor}>
            {point.text.value}
          </text>
        </g>
      ))}
    </svg>
  )
}

/** A legend's small picture of what it explains. */
function Swatch({ children }: { children: ReactNode }) {
  return (
    <svg className="swatch" viewBox="0 0 20 14" width="20" height="14" aria-hidden="true" focusable="false">
      {children}
    </svg>
  )
}

function Legend({ layout }: { layout: MatrixLayout }) {
  return (
    <ul className="pm-legend" aria-label="Legend">
      <li>
        <Swatch>
          <Marker point={{ cx: 10, cy: 7, tradeable: false }} />
        </Swatch>
        <span>An issue</span>
      </li>
      <li>
        <Swatch>
          <Marker point={{ cx: 10, cy: 7, tradeable: true }} />
        </Swatch>
        <span>An issue flagged tradeable</span>
      </li>
      <li>
        <Swatch>
          <rect className="pm-funded" x={1} y={1} width={18} height={12} />
        </Swatch>
        <span>Cheap for us, valuable for them: trades are funded here</span>
      </li>
      <li>
        <Swatch>
          <line className="pm-split" x1={1} y1={7} x2={19} y2={7} />
        </Swatch>
        <span>
          Average share ({formatShare(layout.split.share)}: one issue in {layout.points.length || 1})
        </span>
      </li>
    </ul>
  )
}

function NumbersTable({ layout }: { layout: MatrixLayout }) {
  return (
    <ScrollRegion label="The numbers behind the chart" className="pm-table">
      <table className="table">
        <caption>The numbers behind the chart</caption>
        <thead>
          <tr>
            <th scope="col">Issue</th>
            <th scope="col" className="number">
              Our weight
            </th>
            <th scope="col" className="number">
              Their weight (our estimate)
            </th>
            <th scope="col">Where</th>
            <th scope="col">Tradeable</th>
          </tr>
        </thead>
        <tbody>
          {layout.points.map((point) => (
            <tr key={point.id}>
              <th scope="row">{point.label}</th>
              <td className="number">{formatShare(point.us)}</td>
              <td className="number">{formatShare(point.them)}</td>
              <td>{quarterOf(point, layout.split.share)}</td>
              <td>{point.tradeable ? 'yes' : 'no'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollRegion>
  )
}

function Suggestions({ model, layout }: { model: NegotiationModel; layout: MatrixLayout }) {
  const [said, setSaid] = useState<string>()
  const box = useRef<HTMLDivElement>(null)
  const suggested = suggestedTradeables(layout)
  useEffect(() => {
    if (said) box.current?.focus()
  }, [said])
  return (
    <div className="pm-suggestions" ref={box} tabIndex={-1}>
      <h3>Suggested tradeables</h3>
      {said ? <Notice kind="success">{said}</Notice> : null}
      {suggested.length === 0 ? (
        <p className="hint">
          {layout.points.some((point) => point.funded)
            ? 'Every issue in the corner is flagged tradeable already.'
            : 'No issue sits in the corner yet: none costs us less than average and matters more than average to them.'}
        </p>
      ) : (
        <ul className="pm-list">
          {suggested.map((point) => (
            <li key={point.id}>
              <span>
                <strong>{point.label}</strong>: {formatShare(point.us)} of our weight,{' '}
                {formatShare(point.them)} of theirs (our estimate)
              </span>
              {model.canEdit ? (
                <Button
                  onClick={() => {
                    setSaid(`${point.label} is flagged tradeable.`)
                    model.edit((draft) => flagTradeable(draft, point.id))
                  }}
                >
                  Flag {point.label} as tradeable
                </Button>
              ) : null}
            </li>
          ))}
        </ul>
      )}
    </div>
  )
}

export function PrioritiesChart({ model }: { model: NegotiationModel }) {
  const layout = priorityMatrix(matrixInputs(model.space))
  return (
    <div className="priorities-chart">
      <p className="hint">
        Each issue at its share of our weight (across) and of their weight as we estimate it (up). The dashed
        lines mark the average share; issues in the shaded corner cost us little and matter to them: offering
        them buys what we want.
      </p>
      <div className="pm-figure">
        <figure>
          <Chart layout={layout} />
          <Legend layout={layout} />
        </figure>
        <NumbersTable layout={layout} />
      </div>
      <Suggestions model={model} layout={layout} />
      <LibrarySuggestions model={model} />
    </div>
  )
}
