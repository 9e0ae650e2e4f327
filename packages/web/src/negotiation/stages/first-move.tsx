/** The first-move stage. */
import type { NegotiationModel } from '../model'

export function FirstMovePage({ model }: { model: NegotiationModel }) {
  return <h2>FirstMove · {model.plan.title}</h2>
}
