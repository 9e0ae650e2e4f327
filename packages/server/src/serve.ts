/**
 * Runs the application on a socket: listens, says where, and shuts down cleanly (stops taking
 * connections, lets requests in flight finish, closes the database).
 */

import type { AddressInfo } from 'node:net'
import { serve } from '@hono/node-server'
import type { Store } from '@parley/store'
import { createApp } from './app'
import type { ServerOptions } from './options'

export interface RunningServer {
  url: string
  port: number
  close(): Promise<void>
}

export async function startServer(input: {
  store: Store
  host: string
  port: number
  options?: Partial<ServerOptions>
}): Promise<RunningServer> {
  const app = createApp({ store: input.store, ...(input.options ? { options: input.options } : {}) })
  return new Promise((resolve, reject) => {
    const server = serve(
      { fetch: app.fetch, hostname: input.host, port: input.port },
      (info: AddressInfo) => {
        const host = info.family === 'IPv6' ? `[${info.address}]` : info.address
        resolve({
          url: `http://${host}:${info.port}`,
          port: info.port,
          close: () =>
            new Promise<void>((done) => {
              server.close(() => {
                void input.store.close().then(done, done)
              })
              // Idle keep-alive connections would hold close() open.
              if ('closeIdleConnections' in server) server.closeIdleConnections()
            }),
        })
      },
    )
    server.once('error', reject)
  })
}
