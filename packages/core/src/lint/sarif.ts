/** Lint findings as SARIF 2.1.0, so a plan kept in git can be linted in CI and show up in code review. */
import { type LintRule, RULES } from './rules'

export interface SarifLocation {
  uri: string
  line?: number
  column?: number
}

export interface LocatedFinding {
  id: string
  severity: 'error' | 'warning' | 'info'
  message: string
  fix: string
  /** Where the finding points; phrases (generated text) have no file location. */
  location?: SarifLocation
  /** A human description of the place: `decisionRule.statement`, `event 5`, `phrase sales-rule`. */
  where: string
}

const LEVEL = { error: 'error', warning: 'warning', info: 'note' } as const

export function sarifLog(findings: readonly LocatedFinding[], tool: { version: string }) {
  const rules: LintRule[] = Object.values(RULES)
  const index = new Map(rules.map((rule, k) => [rule.id, k]))
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0' as const,
    runs: [
      {
        tool: {
          driver: {
            name: 'parley',
            version: tool.version,
            informationUri: 'https://parley.dev/lint',
            rules: rules.map((rule) => ({
              id: rule.id,
              shortDescription: { text: rule.summary },
              help: { text: rule.fix },
              defaultConfiguration: { level: LEVEL[rule.severity] },
            })),
          },
        },
        results: findings.map((finding) => ({
          ruleId: finding.id,
          ...(index.has(finding.id) ? { ruleIndex: index.get(finding.id) } : {}),
          level: LEVEL[finding.severity],
          message: { text: `${finding.message} (${finding.where}). ${finding.fix}` },
          ...(finding.location
            ? {
                locations: [
                  {
                    physicalLocation: {
                      artifactLocation: { uri: finding.location.uri },
                      ...(finding.location.line !== undefined
                        ? {
                            region: {
                              startLine: finding.location.line,
                              ...(finding.location.column !== undefined
                                ? { startColumn: finding.location.column }
                                : {}),
                            },
                          }
                        : {}),
                    },
                  },
                ],
              }
            : {}),
        })),
      },
    ],
  }
}
