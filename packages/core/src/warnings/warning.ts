/**
 * The warnings a negotiator needs before a decision, as plain values: a closed `code`, a severity, a
 * message in a salesperson's words (issue names, "worth 72 of 100 to us"; no flags, no U_us, no
 * bits) and the figures behind it, so the web app and the command line can show, sort and explain
 * them without reading the message. Every figure about them is under the current estimate.
 */
import type { Terms } from '../model/plan'

export const WARNING_CODES = [
  'left_on_table',
  'beyond_anchor',
  'beyond_evidence',
  'beyond_approval',
  'trade_costs_them',
  'thin_evidence',
  'sent_figures_changed',
] as const
export type WarningCode = (typeof WARNING_CODES)[number]

/** `warning`: act before sending or recording; `notice`: a figure changed, and this is why. */
export type WarningSeverity = 'warning' | 'notice'

/** A bundle about to be sent: one of a MESO set, or a single offer. */
export interface BundleToSend {
  /** `A`, `B`, `our offer`. */
  label: string
  terms: Terms
  /**
   * A MESO bundle's `efficientFor`: weight shares for them (by issue id) under which it is the best
   * of the set's window. With it, a bundle that leaves value on the table under the current estimate
   * is said to be in the set for what their choice will test, not sent by mistake.
   */
  efficientFor?: Readonly<Record<string, number>>
}

interface WarningBase {
  code: WarningCode
  severity: WarningSeverity
  /** One or two sentences, in words a salesperson uses. */
  message: string
  /** The issue it is about (id), when it is about one. */
  issue?: string
  /** The bundle it is about (its label), when it is about one. */
  bundle?: string
}

/** A bundle that gives them clearly less than another worth as much to us (`left-on-table.ts`). */
export interface LeftOnTableWarning extends WarningBase {
  code: 'left_on_table'
  bundle: string
  /** The bundle's worth to each side, in points (theirs under the current estimate). */
  utility: { us: number; them: number }
  /** Points of U_them below the estimated frontier at the bundle's U_us: better.utility.them − utility.them. */
  gap: number
  /** The best bundle for them worth at least as much to us, meeting the decision rule and our limits. */
  better: { terms: Terms; utility: { us: number; them: number } }
  /** Issues (ids) on which the better bundle differs. */
  changes: string[]
}

/** A level more ambitious than our own anchor (`beyond-our-range.ts`). */
export interface BeyondAnchorWarning extends WarningBase {
  code: 'beyond_anchor'
  bundle: string
  issue: string
  level: number
  anchor: { low: number; high: number }
}

/** A level more ambitious than any figure the evidence pack cites for that issue (`beyond-our-range.ts`). */
export interface BeyondEvidenceWarning extends WarningBase {
  code: 'beyond_evidence'
  bundle: string
  issue: string
  level: number
  /** The span of the evidence ranges in the issue's unit, low end first. */
  range: [number, number]
  /** Indexes into the plan's evidence list. */
  evidence: number[]
}

/** A bundle past a limit one of their approvers will not sign (`beyond-our-range.ts`). */
export interface BeyondApprovalWarning extends WarningBase {
  code: 'beyond_approval'
  bundle: string
  approver: string
  /** Index into `parties.them.approvalLimits`. */
  limit: number
}

/** A recorded trade worth less to them than it costs them (`costly-trade.ts`). */
export interface TradeCostsThemWarning extends WarningBase {
  code: 'trade_costs_them'
  eventId: string
  round: number
  give: Terms
  get: Terms
  /** What the trade costs them on balance, in points (positive): −valueThem of the concession log. */
  costThem: number
  /** What it is worth to us on balance, in points (the log's valueUs). */
  valueUs: number
}

/** An issue's estimated share that moved far on few of their moves (`thin-evidence.ts`). */
export interface ThinEvidenceWarning extends WarningBase {
  code: 'thin_evidence'
  issue: string
  /** Their weight share of the issue in the plan's estimate, 0..1. */
  before: number
  /** Their weight share under the current estimate, 0..1. */
  after: number
  /** How many of their moves it learned from. */
  moves: number
  /** The 80% interval of the share, when the posterior was given. */
  interval?: [number, number]
}

/** A bundle already sent whose worth to them changed with our estimate (`figures-changed.ts`). */
export interface SentFiguresChangedWarning extends WarningBase {
  code: 'sent_figures_changed'
  bundle: string
  round: number
  eventId: string
  /** U_them under the estimate when it was sent, in points. */
  before: number
  /** U_them under the current estimate, in points. */
  after: number
  /** Their moves the estimate had learned from when it was sent, and now. */
  moves: { before: number; after: number }
}

export type NegotiatorWarning =
  | LeftOnTableWarning
  | BeyondAnchorWarning
  | BeyondEvidenceWarning
  | BeyondApprovalWarning
  | TradeCostsThemWarning
  | ThinEvidenceWarning
  | SentFiguresChangedWarning

/** `Bundle A` for a set's label, the label itself otherwise (`our offer`). */
export function bundleName(label: string): string {
  return /^[A-Z]$/.test(label) ? `Bundle ${label}` : label.charAt(0).toUpperCase() + label.slice(1)
}
