/**
 * The Pareto frontier of bundles that meet the decision rule, from core as `parley frontier --rule`
 * gives it (within a few points when the exact one is too large, and then it says so), drawn with
 * the bargaining points, the MESO bundles and whatever else is in play.
 */
import {
  type FrontierPoint,
  frontierView,
  groupThousands,
  type MesoViewResult,
  sampleUtilities,
} from '@parley/core'
import { useMemo } from 'react'
import { FrontierChart } from '../../charts/frontier'
import type { ChartMarker } from '../../charts/frontier-geometry'
import type { NegotiationModel } from '../model'
import { pts, termsText } from './format'

/** The cloud behind the frontier: the same seeded sample the command line plots. */
const CLOUD = 1500

export function FrontierPanel({
  model,
  meso,
  extra = [],
}: {
  model: NegotiationModel
  meso?: MesoViewResult | undefined
  /** More markers: the bundle on the table, an agreement. */
  extra?: readonly ChartMarker[]
}) {
  const { space, plan } = model
  const computed = useMemo(() => {
    const exact = frontierView(space, { rule: true })
    if (exact.ok || exact.code !== 'too_large') return { result: exact, approximate: undefined }
    const epsilon = exact.suggestedEpsilon
    return { result: frontierView(space, { rule: true, epsilon }), approximate: exact.message }
  }, [space])
  const cloud = useMemo(() => sampleUtilities(space, CLOUD), [space])
  const { result, approximate } = computed
  if (!result.ok) return <p className="notice error">No frontier: {result.message}</p>
  const { report } = result
  const bargaining: [string, string, string, FrontierPoint | null][] = [
    ['nash', 'N', 'Nash', report.nash],
    ['ks', 'KS', 'Kalai–Smorodinsky', report.kalaiSmorodinsky],
    ['joint', 'J', 'Max joint', report.maxJoint],
  ]
  const markers: ChartMarker[] = [
    ...bargaining.flatMap(([key, label, legend, point]) =>
      point ? [{ key, label, legend, us: point.us, them: point.them, kind: 'bargaining' as const }] : [],
    ),
    ...(meso?.ok
      ? meso.set.bundles.map((bundle) => ({
          key: `meso-${bundle.label}`,
          label: bundle.label,
          legend: `Bundle ${bundle.label}: ${bundle.name}`,
          us: bundle.utility.us,
          them: bundle.utility.them,
          kind: 'meso' as const,
        }))
      : []),
    ...extra,
  ]
  const size = report.frontier.length
  const summary = `${groupThousands(size)} point${size === 1 ? '' : 's'} on the frontier of ${groupThousands(report.outcomes)} possible bundles, counting only bundles that meet the decision rule${report.epsilon !== null ? `, within ${report.epsilon} points of the true frontier` : ''}`
  return (
    <>
      {approximate ? (
        <p className="notice info">
          {approximate.split(';')[0]}: shown within {report.epsilon} points of the true frontier in both
          coordinates instead.
        </p>
      ) : null}
      <p>
        {summary}. Zone of agreement:{' '}
        {report.zopa ? (
          <strong>yes</strong>
        ) : (
          <strong className="flag">no — improve our BATNA, add issues, or revisit the reservation</strong>
        )}
        .
      </p>
      <FrontierChart
        data={{
          frontier: report.frontier,
          cloud,
          reservation: plan.reservation ?? null,
          batnaUs: plan.batna?.us?.utility ?? null,
          batnaThem: plan.batna?.them?.utility ?? null,
          markers,
        }}
        label={`Pareto frontier: ${summary}; value to us across, value to them (estimated) up, 0 to 100`}
        caption={`Disagreement point: us ${pts(report.disagreement.us)}, them ${pts(report.disagreement.them)} (each side's BATNA).`}
      />
      <details className="bargaining-terms">
        <summary>Terms of the bargaining points</summary>
        <dl>
          {bargaining.map(([key, label, legend, point]) => (
            <div key={key}>
              <dt>
                {label} {legend}
              </dt>
              <dd>
                {point
                  ? `${pts(point.us)} to us, ${pts(point.them)} to them: ${termsText(space.issues, point.terms)}`
                  : 'no bundle qualifies'}
              </dd>
            </div>
          ))}
        </dl>
      </details>
    </>
  )
}
