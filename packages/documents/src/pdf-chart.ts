/**
 * A chart block on a PDF page: axes with five ticks each and their labels, every series a line
 * through its points, every mark a labelled dot, and a legend of the series under the plot.
 */
import type { PDFPage } from 'pdf-lib'
import { rgb } from 'pdf-lib'
import type { ChartBlock } from './model'
import { drawLine, type PdfFonts, type TextStyle, textWidth } from './pdf-text'

const INK = rgb(0.1, 0.1, 0.12)
const MUTED = rgb(0.38, 0.38, 0.42)
const GRID = rgb(0.88, 0.88, 0.9)
const SERIES_COLOURS = [rgb(0.13, 0.4, 0.75), rgb(0.85, 0.45, 0.1), rgb(0.2, 0.6, 0.3), rgb(0.55, 0.3, 0.7)]
const MARK_COLOUR = rgb(0.75, 0.1, 0.15)

interface Box {
  x: number
  y: number
  width: number
  height: number
}

/** The range a chart's axis shows: every value, with a twentieth of room on each side (1 when all are equal). */
export function axisRange(values: number[]): { min: number; max: number } {
  if (values.length === 0) return { min: 0, max: 1 }
  const low = Math.min(...values)
  const high = Math.max(...values)
  const room = high === low ? 1 : (high - low) / 20
  return { min: low - room, max: high + room }
}

/** A tick's label: whole numbers as they are, others to the precision the range needs. */
function tickLabel(value: number, span: number): string {
  const decimals = span >= 20 ? 0 : span >= 2 ? 1 : 2
  return value.toFixed(decimals)
}

export function drawChart(page: PDFPage, chart: ChartBlock, box: Box, fonts: PdfFonts): void {
  const title: TextStyle = { size: 10, bold: true, color: INK }
  const label: TextStyle = { size: 8, bold: false, color: MUTED }
  const legendHeight = chart.series.length > 0 ? 16 : 0
  const plot = {
    x: box.x + 44,
    y: box.y + 34 + legendHeight,
    width: box.width - 56,
    height: box.height - 60 - legendHeight,
  }
  drawLine(page, chart.title, { x: box.x, y: box.y + box.height - 12 }, fonts, title)

  const xs = [
    ...chart.series.flatMap((series) => series.points.map(([x]) => x)),
    ...chart.marks.map((m) => m.x),
  ]
  const ys = [
    ...chart.series.flatMap((series) => series.points.map(([, y]) => y)),
    ...chart.marks.map((m) => m.y),
  ]
  const xRange = axisRange(xs)
  const yRange = axisRange(ys)
  const toX = (x: number) => plot.x + ((x - xRange.min) / (xRange.max - xRange.min)) * plot.width
  const toY = (y: number) => plot.y + ((y - yRange.min) / (yRange.max - yRange.min)) * plot.height

  for (let tick = 0; tick <= 4; tick += 1) {
    const xValue = xRange.min + ((xRange.max - xRange.min) * tick) / 4
    const yValue = yRange.min + ((yRange.max - yRange.min) * tick) / 4
    const x = toX(xValue)
    const y = toY(yValue)
    page.drawLine({
      start: { x, y: plot.y },
      end: { x, y: plot.y + plot.height },
      thickness: 0.4,
      color: GRID,
    })
    page.drawLine({
      start: { x: plot.x, y },
      end: { x: plot.x + plot.width, y },
      thickness: 0.4,
      color: GRID,
    })
    const xText = tickLabel(xValue, xRange.max - xRange.min)
    const yText = tickLabel(yValue, yRange.max - yRange.min)
    drawLine(page, xText, { x: x - textWidth(xText, fonts, label) / 2, y: plot.y - 11 }, fonts, label)
    drawLine(page, yText, { x: plot.x - 4 - textWidth(yText, fonts, label), y: y - 3 }, fonts, label)
  }
  page.drawLine({ start: { x: plot.x, y: plot.y }, end: { x: plot.x + plot.width, y: plot.y }, color: INK })
  page.drawLine({ start: { x: plot.x, y: plot.y }, end: { x: plot.x, y: plot.y + plot.height }, color: INK })
  const xLabelX = plot.x + (plot.width - textWidth(chart.xLabel, fonts, label)) / 2
  drawLine(page, chart.xLabel, { x: xLabelX, y: plot.y - 23 }, fonts, label)
  const yLabelY = plot.y + (plot.height - textWidth(chart.yLabel, fonts, label)) / 2
  drawLine(page, chart.yLabel, { x: box.x + 8, y: yLabelY, vertical: true }, fonts, label)

  chart.series.forEach((series, index) => {
    const colour = SERIES_COLOURS[index % SERIES_COLOURS.length] ?? INK
    series.points.forEach(([x, y], at) => {
      const previous = series.points[at - 1]
      if (previous) {
        const start = { x: toX(previous[0]), y: toY(previous[1]) }
        page.drawLine({ start, end: { x: toX(x), y: toY(y) }, thickness: 1.2, color: colour })
      }
      page.drawCircle({ x: toX(x), y: toY(y), size: 1.8, color: colour })
    })
    const legendX = box.x + 44 + index * 130
    page.drawLine({
      start: { x: legendX, y: box.y + 4 },
      end: { x: legendX + 14, y: box.y + 4 },
      thickness: 2,
      color: colour,
    })
    drawLine(page, series.name, { x: legendX + 18, y: box.y + 1 }, fonts, label)
  })
  for (const mark of chart.marks) {
    const x = toX(mark.x)
    const y = toY(mark.y)
    page.drawCircle({ x, y, size: 3, color: MARK_COLOUR })
    // Labels go left of points in the right third, so they stay inside the plot.
    const width = textWidth(mark.label, fonts, label)
    const labelX = x > plot.x + (plot.width * 2) / 3 ? x - 5 - width : x + 5
    drawLine(page, mark.label, { x: labelX, y: y + 4 }, fonts, { ...label, color: INK })
  }
}
