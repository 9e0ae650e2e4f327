/** The setup stage. */
import type { NegotiationModel } from '../model'

export function SetupPage({ model }: { model: NegotiationModel }) {
  return <h2>Setup · {model.plan.title}</h2>
}
