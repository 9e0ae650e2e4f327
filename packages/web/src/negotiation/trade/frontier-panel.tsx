/**
 * The Pareto frontier of bundles that meet the decision rule, from core as `parley frontier --rule
 * --learned` gives it (within a few points when the exact one is too large, and then it says so),
 * drawn with the bargaining points, the MESO bundles and whatever else is in play. Their side is
 * valued by the current estimate, as the markers are (the plan's exactly until the journal holds an
 * observation), and the chart says which: a MESO bundle valued by what we learned, drawn over a
 * frontier valued by the plan, could sit above the frontier.
 */
import {
  BARGAINING_POINTS,
  bargainingMarkers,
  currentEstimate,
  formatPoints,
  frontierView,
  glossaryEntry,
  groupThousands,
  type MesoViewResult,
  mesoMarkers,
  type PlotMarker,
  plainBundleName,
  plotReferences,
  sampleUtilities,
  spaceUnderEstimate,
} from '@parley/core'
import { useMemo } from 'react'
import { FrontierChart } from '../../charts/frontier'
import { useMaths } from '../../ui/maths'
import { useEstimateLabel } from '../estimate-words'
import { useFloorRevealed } from '../floor-seal'
import type { NegotiationModel } from '../model'
import { useBundleWords } from './bundle-grid'
import { termsText } from './terms-text'

const frontierWords = glossaryEntry('frontier')
const disagreementWords = glossaryEntry('disagreement')

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
  extra?: readonly PlotMarker[]
}) {
  const maths = useMaths()
  const revealed = useFloorRevealed()
  const { space: planSpace, plan, derived } = model
  const words = useBundleWords(planSpace.issues)
  const estimateWords = useEstimateLabel(derived.state.observations.length)
  const space = useMemo(
    () => spaceUnderEstimate(planSpace, currentEstimate(planSpace, derived.state, derived.posterior)),
    [planSpace, derived],
  )
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
  // The bargaining points in plain words unless the maths is shown.
  const pointWords = new Map(
    BARGAINING_POINTS.map((point) => [point.key, maths ? point.legend : point.plain]),
  )
  const markers: PlotMarker[] = [
    ...bargainingMarkers(report).map((marker) => ({
      ...marker,
      legend: pointWords.get(marker.key as (typeof BARGAINING_POINTS)[number]['key']) ?? marker.legend,
    })),
    ...(meso?.ok
      ? mesoMarkers(
          meso.set.bundles.map((bundle) => ({
            ...bundle,
            name: words ? plainBundleName(bundle.name, words) : bundle.name,
          })),
        ).map((marker) => ({ ...marker, legend: `Bundle ${marker.legend}` }))
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
          ...plotReferences(plan),
          ...(revealed ? {} : { reservation: null }),
          markers,
        }}
        label={`${frontierWords.plain}: ${summary}; value to us across, value to them (${estimateWords}) up, 0 to 100`}
        estimate={estimateWords}
        frontierName={maths ? 'Pareto frontier' : frontierWords.plain}
        caption={
          maths
            ? `${disagreementWords.expert}: us ${formatPoints(report.disagreement.us)}, them ${formatPoints(report.disagreement.them)}.`
            : `${disagreementWords.plain}: worth ${formatPoints(report.disagreement.us)} to us and about ${formatPoints(report.disagreement.them)} to them (each side's fallback).`
        }
      />
      <details className="bargaining-terms">
        <summary>Terms of the bargaining points</summary>
        <dl>
          {BARGAINING_POINTS.map(({ field, key, label, legend, plain }) => {
            const point = report[field]
            return (
              <div key={key}>
                <dt>
                  {label} {maths ? legend : plain}
                </dt>
                <dd>
                  {point
                    ? `${formatPoints(point.us)} to us, ${formatPoints(point.them)} to them: ${termsText(space.issues, point.terms)}`
                    : 'no bundle qualifies'}
                </dd>
              </div>
            )
          })}
        </dl>
      </details>
    </>
  )
}
