// Describes the machine a benchmark ran on, for the header of every table.
import os from 'node:os'

export function machine() {
  const cpus = os.cpus()
  return `${cpus[0]?.model?.trim() ?? 'unknown CPU'} x${cpus.length}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, ${os.platform()} ${os.release()}, Node ${process.version}, load ${os.loadavg()[0].toFixed(2)}`
}

export function median(values) {
  const sorted = [...values].sort((a, b) => a - b)
  const mid = sorted.length >> 1
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2
}

/** Prints a table: header row, then rows, columns padded; numbers right-aligned. */
export function printTable(title, head, rows) {
  const cells = [head, ...rows].map((row) => row.map(String))
  const widths = head.map((_, c) => Math.max(...cells.map((row) => row[c]?.length ?? 0)))
  const line = (row) =>
    `| ${row.map((cell, c) => (/^[\d.,x%<>+-]+( ms| s| MiB)?$/.test(cell) ? cell.padStart(widths[c]) : cell.padEnd(widths[c]))).join(' | ')} |`
  console.log(`\n### ${title}\n${machine()}\n`)
  console.log(line(cells[0]))
  console.log(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`)
  for (const row of cells.slice(1)) console.log(line(row))
}
