/**
 * The MESO set, computed here by core exactly as `parley meso --json` computes it (under what the
 * journal has taught once it has events), again at once whenever the target, tolerance or count
 * changes: it takes milliseconds. Empty target and tolerance mean core's defaults, and the panel
 * says what core chose. The set can be recorded as sent.
 */
import {
  bundleWarnings,
  formatBits,
  formatPoints,
  MESO_DEFAULTS,
  type MesoViewResult,
  mesoView,
  offerAwaitsAnswer,
  plainInformation,
} from '@parley/core'
import { useMemo, useState } from 'react'
import { Button, NumberField, SelectField } from '../../ui/controls'
import { Figure } from '../../ui/maths'
import { useEstimateLabel } from '../estimate-words'
import type { NegotiationModel } from '../model'
import { BundleGrid, bundleHeading, useBundleWords } from './bundle-grid'
import { offerSentEvent } from './events'
import { RecordingStatus, useRecorder } from './recording'
import { choiceText } from './terms-text'
import { WarningList } from './warnings'

export interface MesoOptions {
  target: number | undefined
  tolerance: number | undefined
  count: '2' | '3'
}

export interface MesoState {
  options: MesoOptions
  setOptions(change: Partial<MesoOptions>): void
  /** Messages for fields whose value core can not take, as the command line words them. */
  invalid: { target?: string; tolerance?: string }
  /** Undefined while a field is invalid. */
  result: MesoViewResult | undefined
}

export function useMesoSet(model: NegotiationModel): MesoState {
  const [options, setState] = useState<MesoOptions>({ target: undefined, tolerance: undefined, count: '3' })
  const invalid: MesoState['invalid'] = {}
  if (options.target !== undefined && (options.target < 0 || options.target > 100))
    invalid.target = `must be a utility between 0 and 100, not '${options.target}'`
  if (options.tolerance !== undefined && !(options.tolerance > 0))
    invalid.tolerance = `must be a positive number, not '${options.tolerance}'`
  const ok = invalid.target === undefined && invalid.tolerance === undefined
  // As the command line and the server do: once the journal has events, choose under what it taught.
  const learned = model.journal.length > 0 ? model.derived.posterior : undefined
  const { space } = model
  const { target, tolerance, count } = options
  const result = useMemo(
    () =>
      ok
        ? mesoView(
            space,
            {
              count: Number(count),
              ...(target !== undefined ? { target } : {}),
              ...(tolerance !== undefined ? { tolerance } : {}),
            },
            learned,
            model.derived.state,
          )
        : undefined,
    [ok, space, count, target, tolerance, learned, model.derived.state],
  )
  return {
    options,
    setOptions: (change) => setState((current) => ({ ...current, ...change })),
    invalid,
    result,
  }
}

function targetSource(model: NegotiationModel): string {
  return model.plan.aspiration !== undefined
    ? 'our aspiration'
    : 'midway between our reservation and the best we can reach while giving them their BATNA'
}

export function MesoPanel({ model, meso }: { model: NegotiationModel; meso: MesoState }) {
  const recorder = useRecorder(model)
  const words = useBundleWords(model.space.issues)
  const estimateWords = useEstimateLabel(model.derived.state.observations.length)
  const { options, setOptions, invalid, result } = meso
  const set = result?.ok ? result.set : undefined
  const latest = model.derived.state.offers.at(-1)
  const chosenTarget = result ? (result.ok ? result.set.target : result.failure.target) : undefined
  const { rest } = recorder.place(['bundles'])
  // Our latest set has no answer recorded yet: another set now would open a second round before
  // they answered the first (record their answer in the midgame first).
  const awaiting = offerAwaitsAnswer(model.derived.state)
  const estimate = result?.ok ? result.estimate : undefined
  const warnings = useMemo(
    () => (set && estimate ? bundleWarnings(model.space, estimate, set.bundles) : []),
    [set, estimate, model.space],
  )
  const send = async () => {
    if (!set) return
    await recorder.record(
      offerSentEvent(set.bundles),
      `Recorded as sent: ${set.bundles.map((bundle) => bundle.label).join(', ')}. Ask which comes closest, then record their answer in the midgame.`,
    )
  }
  return (
    <>
      <div className="form-row">
        <NumberField
          label="Target for us (points)"
          value={options.target}
          onChange={(target) => setOptions({ target })}
          problems={invalid.target ? [{ message: invalid.target }] : []}
          hint={
            options.target === undefined && chosenTarget !== undefined
              ? `Empty: Parley's suggestion, ${formatPoints(chosenTarget)} (${targetSource(model)})`
              : 'Leave empty for Parley’s suggestion'
          }
        />
        <NumberField
          label="Tolerance (points)"
          value={options.tolerance}
          onChange={(tolerance) => setOptions({ tolerance })}
          problems={invalid.tolerance ? [{ message: invalid.tolerance }] : []}
          hint={
            options.tolerance === undefined
              ? `Empty: Parley's suggestion, ${MESO_DEFAULTS.tolerance} points either side of the target`
              : 'How far from the target a bundle may be'
          }
        />
        <SelectField
          label="Number of bundles"
          value={options.count}
          options={[
            { value: '3', label: '3' },
            { value: '2', label: '2' },
          ]}
          onChange={(count) => setOptions({ count })}
        />
      </div>
      {result && !result.ok ? (
        <div className="notice error" role="status">
          No MESO set: {result.failure.message}
        </div>
      ) : null}
      {set ? (
        <>
          <p>
            {set.bundles.length} bundles worth {formatPoints(set.target)} ± {String(set.tolerance)} to us,
            each meeting the decision rule, keeping our limits and giving them at least their BATNA
            (estimated). {set.model.learned ? 'Chosen under what their moves have taught us. ' : ''}
            <Figure
              plain={`Their choice should tell us ${plainInformation(set.informativeness) === 'nothing' ? 'little' : plainInformation(set.informativeness)} about their priorities.`}
              maths={`Their choice should tell us ${formatBits(set.informativeness)} bits about their weights (logit model, scale ${set.model.logitScale} points, ${set.model.samples} samples, seed ${set.model.seed}).`}
            />
          </p>
          <BundleGrid
            issues={model.space.issues}
            caption="MESO bundles"
            estimate={estimateWords}
            bundles={set.bundles.map((bundle) => ({
              ...bundle,
              note: choiceText(model.space.issues, bundle.efficientFor),
            }))}
          />
          <p className="hint">
            The values are ours alone: show them the terms, never the points. Each bundle is the best of the
            equivalent ones for them under some weighting of their priorities; which one they choose tells
            which weighting is nearer theirs.
          </p>
          {latest ? (
            <p className="hint">
              Last sent (round {latest.round}):{' '}
              {latest.bundles.map((bundle) => bundleHeading(bundle, words)).join(', ')}.
            </p>
          ) : null}
          <WarningList warnings={warnings} issues={model.space.issues} label="Before you send this set" />
          {model.canEdit ? (
            <>
              <RecordingStatus recorder={recorder} rest={rest} />
              {awaiting ? (
                <p className="hint">
                  Round {latest?.round} was recorded as sent and has no answer yet: record their answer in the
                  midgame before sending another set.
                </p>
              ) : null}
              <Button kind="primary" onClick={() => void send()} disabled={recorder.busy || awaiting}>
                Record as sent
              </Button>
            </>
          ) : null}
        </>
      ) : null}
    </>
  )
}
