/** The midgame stage. */
import type { NegotiationModel } from '../model'

export function MidgamePage({ model }: { model: NegotiationModel }) {
  return <h2>Midgame · {model.plan.title}</h2>
}
