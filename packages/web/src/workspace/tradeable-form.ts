/**
 * An entry of the workspace's tradeables library as the form edits it, and the body the API takes
 * (TradeableInputSchema). What the form does not show — the issue and unit it came from, the
 * negotiation that taught it, tags — is kept as it was when an entry is edited, since a PUT
 * replaces the whole entry.
 */
import { CONTEXTS, type Context } from '@parley/core'
import type { Tradeable, TradeableInput } from '@parley/server/contract'
import type { NoneMissing } from '../api/closed-sets'

/** How much an entry costs us or is worth to them, as the server takes it. */
export type Amount = NonNullable<TradeableInput['costToUs']>
/** Every amount, least first; the compiler checks the list against the server's. */
export const AMOUNTS = ['low', 'medium', 'high'] as const satisfies readonly Amount[]
export type EveryAmountListed = NoneMissing<Exclude<Amount, (typeof AMOUNTS)[number]>>

export interface TradeableForm {
  name: string
  description: string
  costToUs: Amount | ''
  valueToThem: Amount | ''
  contexts: Context[]
  lesson: string
}

export const EMPTY_TRADEABLE: TradeableForm = {
  name: '',
  description: '',
  costToUs: '',
  valueToThem: '',
  contexts: [],
  lesson: '',
}

export function formOfTradeable(entry: Tradeable): TradeableForm {
  return {
    name: entry.name,
    description: entry.description ?? '',
    costToUs: entry.costToUs ?? '',
    valueToThem: entry.valueToThem ?? '',
    contexts: CONTEXTS.filter((context) => entry.contexts?.includes(context)),
    lesson: entry.lesson ?? '',
  }
}

/** The body to send: blank fields left out, and what the form does not edit kept from `base`. */
export function tradeableInput(form: TradeableForm, base?: Tradeable): TradeableInput {
  const text = (value: string) => value.trim()
  return {
    name: text(form.name),
    ...(text(form.description) ? { description: text(form.description) } : {}),
    ...(base?.issue !== undefined ? { issue: base.issue } : {}),
    ...(base?.unit !== undefined ? { unit: base.unit } : {}),
    ...(form.contexts.length > 0 ? { contexts: CONTEXTS.filter((c) => form.contexts.includes(c)) } : {}),
    ...(form.costToUs ? { costToUs: form.costToUs } : {}),
    ...(form.valueToThem ? { valueToThem: form.valueToThem } : {}),
    ...(text(form.lesson) ? { lesson: text(form.lesson) } : {}),
    ...(base?.source ? { source: { negotiationId: base.source.negotiationId } } : {}),
    ...(base?.tags?.length ? { tags: [...base.tags] } : {}),
  }
}
