/** The prepare stage. */
import type { NegotiationModel } from '../model'

export function PreparePage({ model }: { model: NegotiationModel }) {
  return <h2>Prepare · {model.plan.title}</h2>
}
