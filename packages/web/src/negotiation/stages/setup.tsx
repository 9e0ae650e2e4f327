/**
 * Setting up: what the negotiation is called and who is at the table (the title and both parties'
 * names, saved with the plan like every field), the decision rule both sides agree every offer must
 * pass, and the scope of what is tradeable (with the workspace library's suggestions), before any
 * offer is made.
 */
import { Section } from '../../ui/controls'
import type { NegotiationModel } from '../model'
import { PlanTextField } from '../plan-fields'
import { DecisionRuleEditor } from '../setup/decision-rule'
import { TradeableScope } from '../setup/scope'

export function SetupPage({ model }: { model: NegotiationModel }) {
  return (
    <div className="setup-page">
      <Section title="The negotiation" id="names">
        <div className="form-row">
          <PlanTextField model={model} at={['title']} label="Title" required />
          <PlanTextField model={model} at={['parties', 'us', 'name']} label="Our side" required />
          <PlanTextField model={model} at={['parties', 'them', 'name']} label="Their side" required />
        </div>
      </Section>
      <Section title="Decision rule" id="decision-rule">
        <DecisionRuleEditor model={model} />
      </Section>
      <Section title="Scope of tradeables" id="scope">
        <TradeableScope model={model} />
      </Section>
    </div>
  )
}
