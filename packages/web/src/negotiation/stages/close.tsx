/** The close stage. */
import type { NegotiationModel } from '../model'

export function ClosePage({ model }: { model: NegotiationModel }) {
  return <h2>Close · {model.plan.title}</h2>
}
