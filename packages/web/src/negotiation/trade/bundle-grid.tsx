/**
 * Bundles side by side, as the method shows a MESO set: one column per bundle, one row per issue
 * with its level (the issues a bundle is most generous on marked), then what each is worth to us
 * and, by our estimate, to them, what their choice of it would tell us, and whose approval it
 * would likely not get.
 */
import {
  type ApprovalBlock,
  formatLevelWithUnit,
  formatPoints,
  plainBundleName,
  type Terms,
} from '@parley/core'
import { useMemo } from 'react'
import { useMaths } from '../../ui/maths'
import { ScrollRegion } from '../../ui/scroll-region'
import type { IssueLabel } from './terms-text'

export interface GridBundle {
  label: string
  name?: string
  terms: Terms
  utility: { us: number; them: number }
  /** Issue ids where the bundle is most generous to them compared with the others. */
  emphasis?: readonly string[]
  /** What their choosing it would suggest. */
  note?: string
  likelyBlocked?: readonly ApprovalBlock[]
}

/**
 * A bundle's heading: `A: led by Annual price` (core's plain name), or with the maths shown core's
 * own `A: price-optimised`. `issueNames` is undefined when the maths is shown (see `useBundleWords`).
 */
export function bundleHeading(
  bundle: Pick<GridBundle, 'label' | 'name'>,
  issueNames: Readonly<Record<string, string>> | undefined,
): string {
  if (!bundle.name) return bundle.label
  return `${bundle.label}: ${issueNames ? plainBundleName(bundle.name, issueNames) : bundle.name}`
}

/** The issue names a bundle heading is worded with, or undefined when the maths is shown. */
export function useBundleWords(
  issues: readonly Pick<IssueLabel, 'id' | 'name'>[],
): Readonly<Record<string, string>> | undefined {
  const maths = useMaths()
  return useMemo(
    () => (maths ? undefined : Object.fromEntries(issues.map((issue) => [issue.id, issue.name]))),
    [maths, issues],
  )
}

export function BundleGrid({
  issues,
  bundles,
  caption,
  estimate,
}: {
  issues: readonly IssueLabel[]
  bundles: readonly GridBundle[]
  caption: string
  /** Which estimate the values to them are under (`useEstimateLabel`): the same words as every page. */
  estimate: string
}) {
  const notes = bundles.some((bundle) => bundle.note)
  const blocked = bundles.some((bundle) => (bundle.likelyBlocked?.length ?? 0) > 0)
  const emphasis = bundles.some((bundle) => (bundle.emphasis?.length ?? 0) > 0)
  const words = useBundleWords(issues)
  return (
    <ScrollRegion label={caption}>
      <table className="table bundle-grid">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Issue</th>
            {bundles.map((bundle) => (
              <th scope="col" key={bundle.label}>
                {bundleHeading(bundle, words)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {issues.map((issue) => (
            <tr key={issue.id}>
              <th scope="row">{issue.name}</th>
              {bundles.map((bundle) => {
                const level = bundle.terms[issue.id]
                const emphasised = bundle.emphasis?.includes(issue.id) ?? false
                return (
                  <td key={bundle.label} className={emphasised ? 'emphasis' : undefined}>
                    {level === undefined ? '—' : formatLevelWithUnit(level, issue.unit)}
                    {emphasised ? (
                      <span className="emphasis-mark">
                        {' '}
                        <span aria-hidden="true">◆</span>
                        <span className="visually-hidden">(emphasis)</span>
                      </span>
                    ) : null}
                  </td>
                )
              })}
            </tr>
          ))}
          <tr className="value-row">
            <th scope="row">Value to us</th>
            {bundles.map((bundle) => (
              <td key={bundle.label} className="number">
                {formatPoints(bundle.utility.us)}
              </td>
            ))}
          </tr>
          <tr className="value-row">
            <th scope="row">Value to them ({estimate})</th>
            {bundles.map((bundle) => (
              <td key={bundle.label} className="number">
                {formatPoints(bundle.utility.them)}
              </td>
            ))}
          </tr>
          {notes ? (
            <tr>
              <th scope="row">Best for them if</th>
              {bundles.map((bundle) => (
                <td key={bundle.label} className="note">
                  {bundle.note ?? ''}
                </td>
              ))}
            </tr>
          ) : null}
          {blocked ? (
            <tr>
              <th scope="row">Likely blocked</th>
              {bundles.map((bundle) => (
                <td key={bundle.label} className="blocked">
                  {bundle.likelyBlocked?.length
                    ? bundle.likelyBlocked
                        .map((block) => `the ${block.approver} signs only ${block.limit}`)
                        .join('; ')
                    : 'no'}
                </td>
              ))}
            </tr>
          ) : null}
        </tbody>
      </table>
      {emphasis ? (
        <p className="hint">
          <span aria-hidden="true">◆</span> emphasis: where the bundle is most generous to them compared with
          the others.
        </p>
      ) : null}
    </ScrollRegion>
  )
}
