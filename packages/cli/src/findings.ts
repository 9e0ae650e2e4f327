/** Lint findings placed in the files they are about: plan positions, journal lines, or the phrase they concern. */
import type { Finding, LocatedFinding, SourceDocument } from '@parley/core'
import { formatPath } from '@parley/core'
import type { LoadedJournal } from './journal-file'

export function locateFindings(
  findings: readonly Finding[],
  plan: { file: string; source: SourceDocument },
  journal: LoadedJournal,
): LocatedFinding[] {
  return findings.map((finding) => {
    const base = { id: finding.id, severity: finding.severity, message: finding.message, fix: finding.fix }
    switch (finding.place.document) {
      case 'plan': {
        const position = plan.source.locate(finding.place.at)
        const path = formatPath(finding.place.at)
        return {
          ...base,
          where: `${plan.file}${position ? `:${position.line}:${position.column}` : ''}${path ? ` ${path}` : ''}`,
          location: { uri: plan.file, ...(position ? { line: position.line, column: position.column } : {}) },
        }
      }
      case 'journal': {
        const line = journal.lines[finding.place.event]
        const path = formatPath(finding.place.at)
        return {
          ...base,
          where: `${journal.file}${line ? `:${line}` : ''} event ${finding.place.event + 1}${path ? ` ${path}` : ''}`,
          location: { uri: journal.file, ...(line ? { line } : {}) },
        }
      }
      default:
        return { ...base, where: `phrase ${finding.place.phraseId}` }
    }
  })
}
