/** The API's calls on a workspace's tradeables library. Each returns the server's own type. */
import type { Tradeable, TradeableInput, TradeableList } from '@parley/server/contract'
import { http, path } from './http'

export async function listTradeables(workspaceId: string): Promise<Tradeable[]> {
  return (await http.get<TradeableList>(path`/api/workspaces/${workspaceId}/tradeables`)).body.tradeables
}

export async function addTradeable(workspaceId: string, input: TradeableInput): Promise<Tradeable> {
  return (await http.post<Tradeable>(path`/api/workspaces/${workspaceId}/tradeables`, input)).body
}

/** Replaces an entry whole: what the input leaves out is no longer kept. */
export async function replaceTradeable(
  workspaceId: string,
  tradeableId: string,
  input: TradeableInput,
): Promise<Tradeable> {
  return (await http.put<Tradeable>(path`/api/workspaces/${workspaceId}/tradeables/${tradeableId}`, input))
    .body
}

export async function removeTradeable(workspaceId: string, tradeableId: string): Promise<void> {
  await http.delete(path`/api/workspaces/${workspaceId}/tradeables/${tradeableId}`)
}
