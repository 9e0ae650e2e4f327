/**
 * An entry of the workspace's tradeables library as the form edits it, and the body the API takes
 * (TradeableInputSchema). What the form does not show — the issue and unit it came from, the
 * negotiation that taught it, tags — is kept as it was when an entry is edited, since a PUT
 * replaces the whole entry.
 */
import { CONTEXTS, type Context } from '@parley/core'

export const AMOUNTS = ['low', 'medium', 'high'] as const
export type Amount = (typeof AMOUNTS)[number]

/** An entry as the API sends it. */
export interface Tradeable {
  id: string
  name: string
  description?: string
  issue?: string
  unit?: string
  contexts?: Context[]
  costToUs?: Amount
  valueToThem?: Amount
  lesson?: string
  source?: { negotiationId: string }
  tags?: string[]
  createdBy: string
  createdAt: string
  updatedAt: string
}

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
export function tradeableInput(form: TradeableForm, base?: Tradeable): Record<string, unknown> {
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
