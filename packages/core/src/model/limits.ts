/**
 * Limits every edge enforces the same way (the command line, the server, the web app):
 * a plan or request beyond them is rejected with a message that names the limit.
 */
export const LIMITS = {
  /** Largest plan file or plan body, in bytes. */
  planBytes: 1024 * 1024,
  /** Most issues in one plan. */
  issues: 64,
  /** Most levels (options, or points of a range) in one issue. */
  levelsPerIssue: 1000,
  /** Longest free text in a plan field, in characters. */
  textLength: 20_000,
  /** Most items in a list of the plan other than issues (stakeholders, evidence, rules, limits). */
  listItems: 1000,
  /** Largest single journal event, in bytes of JSON. */
  eventBytes: 64 * 1024,
  /** Most events in one journal. */
  journalEvents: 20_000,
  /** Largest journal file, in bytes. */
  journalBytes: 32 * 1024 * 1024,
  /**
   * Deepest nesting of lists and maps a plan or journal text may have. A valid plan nests 7 levels;
   * the readers recurse once per level, and far deeper text would exhaust their stack.
   */
  nesting: 128,
} as const

/** Two numbers closer than this (relative to the unit at hand) are the same; utilities are exact to it. */
export const TOLERANCE = 1e-9

/** Renders a byte count for messages: `1.3 MiB`, `512 KiB`, `900 bytes`. */
export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / (1024 * 1024)).toFixed(1).replace(/\.0$/, '')} MiB`
  if (bytes >= 1024) return `${(bytes / 1024).toFixed(1).replace(/\.0$/, '')} KiB`
  return `${bytes} bytes`
}

/**
 * A whole number with thousands separators (`1,048,576`). Written out by hand: the platform's
 * locale formatting loads ICU data, which costs a short-lived command more than its whole job.
 */
export function groupThousands(value: number): string {
  const sign = value < 0 ? '-' : ''
  const digits = String(Math.round(Math.abs(value)))
  return sign + digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',')
}
