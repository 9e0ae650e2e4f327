/**
 * The midgame: record their answer (or read the one they gave in the deal room), trade (never
 * gift), propose contingent terms where beliefs differ, reality-test what is in play, share a link
 * with the other side, and watch what their moves teach about their priorities.
 * Everything shown comes from core's `negotiationStatus` for the plan and the journal, as
 * `parley status` shows it.
 */
import {
  explainsBundleInPlay,
  formatPoints,
  negotiationStatus,
  type PlotMarker,
  STAGE_WORDS,
  standingAlone,
  tableSourceWords,
} from '@parley/core'
import { useMemo } from 'react'
import { Notice, Section } from '../../ui/controls'
import { DocumentDownloads } from '../documents/downloads'
import { useEstimateLabel } from '../estimate-words'
import type { NegotiationModel } from '../model'
import { Concessions } from '../trade/concessions'
import { Contingencies } from '../trade/contingencies'
import { dealRoomNews } from '../trade/deal-room-answer'
import { FrontierPanel } from '../trade/frontier-panel'
import { JointGainNotice } from '../trade/joint-gain-notice'
import { JournalTimeline } from '../trade/journal-timeline'
import { MesoPanel, useMesoSet } from '../trade/meso-panel'
import { Priorities } from '../trade/priorities'
import { RealityTest } from '../trade/reality-test'
import { RehearsalEntry } from '../trade/rehearsal-entry'
import { SharePanel } from '../trade/share-panel'
import { TheirAnswer } from '../trade/their-answer'
import { useJournalWarnings, WarningList } from '../trade/warnings'
import '../trade/trade.css'

export function MidgamePage({ model }: { model: NegotiationModel }) {
  const { space, journal, derived } = model
  const status = useMemo(() => negotiationStatus(space, journal, derived), [space, journal, derived])
  const meso = useMesoSet(model)
  const warnings = useJournalWarnings(model)
  const estimate = useEstimateLabel(status.estimate.moves)
  const news = useMemo(
    () => dealRoomNews(journal, model.plan.parties.them.name, space.issues),
    [journal, model.plan.parties.them.name, space.issues],
  )
  // The figures of the bundles in play (our latest offer while it waits for their answer, then their
  // pick while it is the table) are explained where they are shown; those they passed over are history.
  const changed = warnings.filter((warning) => explainsBundleInPlay(warning, model.derived.state))
  const table: PlotMarker[] = status.table
    ? [
        {
          key: 'table',
          label: 'T',
          legend: `On the table (${tableSourceWords(status.table.source)})`,
          us: status.table.utility.us,
          them: status.table.utility.them,
          kind: 'table',
        },
      ]
    : []
  return (
    <div className="trade-page">
      <p className="where-it-stands">
        Stage: {STAGE_WORDS[status.stage].title}
        {status.round > 0 ? ` · round ${status.round}` : ''}
        {status.table
          ? ` · on the table: ${formatPoints(status.table.utility.us)} to us, ${formatPoints(status.table.utility.them)} to them (${estimate})`
          : ''}{' '}
        · <a href="#next-move">next move</a>
      </p>
      {news ? (
        <Notice kind="info">
          <strong>From the deal room:</strong> {news}
        </Notice>
      ) : null}
      <JointGainNotice model={model} space={space} status={status} estimate={estimate} />
      <Section title="Their answer" id="their-answer">
        <TheirAnswer model={model} status={status} />
        <WarningList
          warnings={changed}
          issues={space.issues}
          label="Why the figures of our latest offer changed"
        />
      </Section>
      <Section title="Concessions" id="concessions">
        <Concessions model={model} status={status} warnings={warnings} />
      </Section>
      <Section title="Contingencies" id="contingencies">
        <Contingencies model={model} status={status} />
      </Section>
      <Section title="Reality test" id="reality-test">
        <RealityTest model={model} test={status.realityTest} />
      </Section>
      <Section title="Their priorities" id="their-priorities">
        <Priorities model={model} status={status} warnings={warnings} />
      </Section>
      <Section title="Next move" id="next-move">
        <p className="next-move">{standingAlone(status.nextMove.text)}</p>
        <h3>The next MESO set</h3>
        <MesoPanel model={model} meso={meso} />
        <details className="frontier-details">
          <summary>The best possible deals</summary>
          <FrontierPanel model={model} meso={meso.result} extra={table} />
        </details>
      </Section>
      <Section title="Share with them" id="share">
        <SharePanel model={model} />
      </Section>
      <Section title="Documents" id="documents">
        <DocumentDownloads model={model} kinds={['meso', 'concessions']} />
      </Section>
      <Section title="Rehearse" id="rehearse" private>
        <RehearsalEntry space={model.space} />
      </Section>
      <Section title="Journal" id="journal">
        <JournalTimeline model={model} />
      </Section>
    </div>
  )
}
