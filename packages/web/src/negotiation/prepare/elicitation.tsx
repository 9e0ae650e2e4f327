/** Placeholder: being written. */
import type { NegotiationModel } from '../model'

export function Elicitation({ model }: { model: NegotiationModel }) {
  return <p>{model.plan.title}</p>
}
