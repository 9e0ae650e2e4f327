/** The debrief stage. */
import type { NegotiationModel } from '../model'

export function DebriefPage({ model }: { model: NegotiationModel }) {
  return <h2>Debrief · {model.plan.title}</h2>
}
