// The unit tests build only the compute worker (the server's views run in worker threads, which load
// JavaScript), and only when a source changed since: a unit run answers in seconds.
import { buildComputeWorker } from '../scripts/bundles.mjs'

export default async function setup(): Promise<void> {
  await buildComputeWorker({ ifStale: true })
}
