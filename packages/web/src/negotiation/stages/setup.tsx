/**
 * Setting up: the decision rule both sides agree every offer must pass, and the scope of what is
 * tradeable (with the workspace library's suggestions), before any offer is made.
 */
import { Section } from '../../ui/controls'
import type { NegotiationModel } from '../model'
import { DecisionRuleEditor } from '../setup/decision-rule'
import { TradeableScope } from '../setup/scope'

export function SetupPage({ model }: { model: NegotiationModel }) {
  return (
    <div className="setup-page">
      <Section title="Decision rule" id="decision-rule">
        <DecisionRuleEditor model={model} />
      </Section>
      <Section title="Scope of tradeables" id="scope">
        <TradeableScope model={model} />
      </Section>
    </div>
  )
}
