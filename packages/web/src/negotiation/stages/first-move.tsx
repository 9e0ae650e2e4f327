/**
 * The first move: discover their interests before any anchor, then offer two or three bundles worth
 * the same to us that meet the rule in different ways (MESO), seen against the Pareto frontier.
 */
import { Section } from '../../ui/controls'
import { DocumentDownloads } from '../documents/downloads'
import type { NegotiationModel } from '../model'
import { Discovery } from '../trade/discovery'
import { FrontierPanel } from '../trade/frontier-panel'
import { MesoPanel, useMesoSet } from '../trade/meso-panel'
import { RehearsalEntry } from '../trade/rehearsal-entry'
import '../trade/trade.css'

export function FirstMovePage({ model }: { model: NegotiationModel }) {
  const meso = useMesoSet(model)
  return (
    <div className="trade-page">
      <Section title="Discovery" id="discovery">
        <Discovery model={model} />
      </Section>
      <Section title="MESO set" id="meso">
        <MesoPanel model={model} meso={meso} />
      </Section>
      <Section title="Best possible deals" id="frontier">
        <FrontierPanel model={model} meso={meso.result} />
      </Section>
      <Section title="Documents" id="documents">
        <DocumentDownloads model={model} kinds={['meso']} />
      </Section>
      <Section title="Rehearse" id="rehearse" private>
        <RehearsalEntry space={model.space} />
      </Section>
    </div>
  )
}
