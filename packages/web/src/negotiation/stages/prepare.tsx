/**
 * Preparation, on one screen: our BATNA and reservation (private), the issue map in a grid that
 * works like a spreadsheet, the weights a busy person gives by ranking instead of typing numbers,
 * the priorities chart where trades are funded, the counterparty map, the evidence pack and the
 * anchor worksheet. Core checks the plan as it is typed, as `parley check` does.
 */
import { Section } from '../../ui/controls'
import { DocumentDownloads } from '../documents/downloads'
import type { NegotiationModel } from '../model'
import { AnchorWorksheet } from '../prepare/anchor-worksheet'
import { BatnaSection } from '../prepare/batna-section'
import { CounterpartyMap } from '../prepare/counterparty-map'
import { Elicitation } from '../prepare/elicitation'
import { EvidencePack } from '../prepare/evidence-pack'
import { FloorHistory } from '../prepare/floor-history'
import { IssuesGrid } from '../prepare/issues-grid'
import { PrioritiesChart } from '../prepare/priorities-chart'

export function PreparePage({ model }: { model: NegotiationModel }) {
  return (
    <div className="prepare-page">
      <Section title="Our BATNA and reservation" id="batna" private>
        <BatnaSection model={model} />
        <FloorHistory model={model} />
      </Section>
      <Section title="Issues" id="issues">
        <IssuesGrid model={model} />
      </Section>
      <Section title="Weights by ranking" id="elicitation" private>
        <Elicitation model={model} />
      </Section>
      <Section title="Priorities and tradeables" id="priorities" private>
        <PrioritiesChart model={model} />
      </Section>
      <Section title="Counterparty map" id="counterparty" private>
        <CounterpartyMap model={model} />
      </Section>
      <Section title="Evidence" id="evidence">
        <EvidencePack model={model} />
      </Section>
      <Section title="Anchor" id="anchor">
        <AnchorWorksheet model={model} />
      </Section>
      <Section title="Documents" id="documents" private>
        <DocumentDownloads model={model} kinds={['brief']} />
      </Section>
    </div>
  )
}
