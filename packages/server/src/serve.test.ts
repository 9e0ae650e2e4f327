/**
 * The server on a real socket: a client that sends its headers, or its body, too slowly is cut off
 * after the configured timeouts instead of holding the connection for Node's default five minutes,
 * and the server goes on answering everyone else.
 */
import { connect, type Socket } from 'node:net'
import { testBackends } from '@parley/store/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DEFAULT_OPTIONS } from './options'
import { type RunningServer, startServer } from './serve'

const backends = await testBackends()

/** Opens a socket, writes the chunks, and resolves with what came back and how long until it was closed. */
function stall(port: number, chunks: string[]): Promise<{ reply: string; closedAfterMs: number }> {
  return new Promise((resolve, reject) => {
    const started = Date.now()
    let reply = ''
    const socket: Socket = connect(port, '127.0.0.1', () => {
      for (const chunk of chunks) socket.write(chunk)
    })
    socket.setEncoding('utf8')
    socket.on('data', (data: string) => {
      reply += data
    })
    socket.on('error', reject)
    socket.on('close', () => resolve({ reply, closedAfterMs: Date.now() - started }))
    // Never hang the suite on a server that does not cut the client off.
    setTimeout(() => socket.destroy(new Error('the server kept a stalled request open')), 10_000).unref()
  })
}

describe('the default timeouts', () => {
  it('cut a stalled request off within a minute, headers sooner than bodies', () => {
    expect(DEFAULT_OPTIONS.requestTimeoutMs).toBe(30_000)
    expect(DEFAULT_OPTIONS.headersTimeoutMs).toBe(15_000)
    expect(DEFAULT_OPTIONS.headersTimeoutMs).toBeLessThanOrEqual(DEFAULT_OPTIONS.requestTimeoutMs)
    expect(DEFAULT_OPTIONS.keepAliveTimeoutMs).toBe(5_000)
  })
})

describe.each(backends.map((backend) => [backend.dialect, backend] as const))(
  'the server on a socket, on %s',
  (_, backend) => {
    let server: RunningServer
    let drop: () => Promise<void>
    const logged: unknown[] = []
    beforeAll(async () => {
      const database = await backend.create()
      drop = database.drop
      server = await startServer({
        store: database.store,
        host: '127.0.0.1',
        port: 0,
        options: { requestTimeoutMs: 800, headersTimeoutMs: 400, keepAliveTimeoutMs: 300 },
        logError: (error) => logged.push(error),
      })
    })
    afterAll(async () => {
      await server.close()
      await drop()
    })

    it('closes a request whose body stops half-way, and keeps serving', async () => {
      const body = JSON.stringify({ email: 'a@example.com', password: 'correct horse battery' })
      const { reply, closedAfterMs } = await stall(server.port, [
        `POST /api/auth/login HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: ${body.length}\r\n\r\n`,
        body.slice(0, 10),
      ])
      expect(closedAfterMs).toBeGreaterThanOrEqual(700)
      expect(closedAfterMs).toBeLessThan(5_000)
      expect(reply).toMatch(/^HTTP\/1\.1 408 /)
      expect(logged).toEqual([])
      expect((await fetch(`${server.url}/api/health`)).status).toBe(200)
    })

    it('closes a request whose headers stop half-way', async () => {
      const { reply, closedAfterMs } = await stall(server.port, ['GET /api/health HTTP/1.1\r\nHost: 127.'])
      expect(closedAfterMs).toBeGreaterThanOrEqual(350)
      expect(closedAfterMs).toBeLessThan(5_000)
      expect(reply).toMatch(/^HTTP\/1\.1 408 /)
    })

    it('closes an idle keep-alive connection', async () => {
      const { reply, closedAfterMs } = await stall(server.port, [
        'GET /api/health HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: keep-alive\r\n\r\n',
      ])
      expect(reply).toMatch(/^HTTP\/1\.1 200/)
      expect(closedAfterMs).toBeLessThan(5_000)
    })
  },
)
