/**
 * Runs the application on a socket: listens, says where, and shuts down cleanly (stops taking
 * connections, lets requests in flight finish, stops the compute threads, closes the database). A client that sends its
 * headers or body too slowly is cut off (the options' timeouts) instead of holding a connection
 * open for Node's default five minutes.
 */

import type { AddressInfo } from 'node:net'
import { serve } from '@hono/node-server'
import type { Store } from '@parley/store'
import { createApp } from './app'
import { type ServerOverrides, serverOptions } from './options'

export interface RunningServer {
  url: string
  port: number
  close(): Promise<void>
}

export async function startServer(input: {
  store: Store
  host: string
  port: number
  options?: ServerOverrides
  /** Where unexpected errors are reported (stderr by default). */
  logError?: (error: unknown) => void
}): Promise<RunningServer> {
  const app = createApp({
    store: input.store,
    ...(input.options ? { options: input.options } : {}),
    ...(input.logError ? { logError: input.logError } : {}),
  })
  const options = serverOptions(input.options)
  return new Promise((resolve, reject) => {
    const server = serve(
      {
        fetch: app.fetch,
        hostname: input.host,
        port: input.port,
        serverOptions: {
          requestTimeout: options.requestTimeoutMs,
          headersTimeout: options.headersTimeoutMs,
          // Node looks for overdue requests on this interval (30 s by default), so a timeout
          // shorter than that would otherwise fire late.
          connectionsCheckingInterval: Math.min(1000, Math.max(10, options.headersTimeoutMs / 4)),
        },
      },
      (info: AddressInfo) => {
        const host = info.family === 'IPv6' ? `[${info.address}]` : info.address
        resolve({
          url: `http://${host}:${info.port}`,
          port: info.port,
          close: () =>
            new Promise<void>((done) => {
              server.close(() => {
                void Promise.allSettled([app.close(), input.store.close()]).then(() => done())
              })
              // Idle keep-alive connections would hold close() open.
              if ('closeIdleConnections' in server) server.closeIdleConnections()
            }),
        })
      },
    )
    if ('keepAliveTimeout' in server) server.keepAliveTimeout = options.keepAliveTimeoutMs
    server.once('error', reject)
  })
}
