/**
 * Lint findings placed in what they are about: a plan position, a journal event, or the phrase they
 * concern. The command line names files and lines; the server names the stored plan and event.
 */
import { formatPath } from '../model/problem'
import type { SourceDocument } from '../plan/source'
import type { Finding } from './lint'
import type { LocatedFinding } from './sarif'

export interface FindingDocuments {
  /** How to name the plan (`acme.yaml`), and its source when positions can be given. */
  plan: { name: string; source?: SourceDocument }
  /** How to name the journal (`acme.journal.jsonl`, `journal`), and each event's line when it is a file. */
  journal: { name: string; lines?: readonly number[] }
}

export function locateFindings(findings: readonly Finding[], documents: FindingDocuments): LocatedFinding[] {
  const { plan, journal } = documents
  return findings.map((finding) => {
    const base = { id: finding.id, severity: finding.severity, message: finding.message, fix: finding.fix }
    switch (finding.place.document) {
      case 'plan': {
        const position = plan.source?.locate(finding.place.at)
        const path = formatPath(finding.place.at)
        return {
          ...base,
          where: `${plan.name}${position ? `:${position.line}:${position.column}` : ''}${path ? ` ${path}` : ''}`,
          location: { uri: plan.name, ...(position ? { line: position.line, column: position.column } : {}) },
        }
      }
      case 'journal': {
        const line = journal.lines?.[finding.place.event]
        const path = formatPath(finding.place.at)
        return {
          ...base,
          where: `${journal.name}${line ? `:${line}` : ''} event ${finding.place.event + 1}${path ? ` ${path}` : ''}`,
          location: { uri: journal.name, ...(line ? { line } : {}) },
        }
      }
      default:
        return { ...base, where: `phrase ${finding.place.phraseId}` }
    }
  })
}

/** The JSON contract of `parley lint --format json` and the API's lint view. */
export function findingsJson(findings: readonly LocatedFinding[]) {
  return {
    findings: findings.map(({ id, severity, where, message, fix }) => ({
      id,
      severity,
      where,
      message,
      fix,
    })),
  }
}
