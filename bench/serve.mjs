// `parley serve` for the benchmarks: started on a free port with the environment given, the first
// owner made with the printed setup token, an API token, and negotiations created from plan text.
import { spawn } from 'node:child_process'

export function start(env) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['packages/cli/bin/parley.js', 'serve', '--port', '0'], {
      env: { PATH: process.env.PATH, ...env },
      stdio: ['ignore', 'pipe', 'inherit'],
    })
    let output = ''
    child.stdout.on('data', (chunk) => {
      output += chunk
      const url = /is running at (http:\S+)/.exec(output)?.[1]
      const token = /\b(psu_[\w-]+)/.exec(output)?.[1]
      if (url && token) resolve({ child, url, token })
    })
    child.once('exit', (code) => reject(new Error(`parley serve exited with ${code}: ${output}`)))
  })
}

export async function json(response) {
  if (response.status >= 400) throw new Error(`${response.status} ${await response.text()}`)
  return response.json()
}

export async function prepare({ url, token }, yaml) {
  const setup = await fetch(`${url}/api/setup`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      token,
      email: 'bench@example.com',
      name: 'Bench',
      password: 'correct horse battery',
    }),
  })
  const { workspace } = await json(setup)
  const cookie = setup.headers.get('set-cookie').split(';')[0]
  const pat = (
    await json(
      await fetch(`${url}/api/me/tokens`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', cookie, origin: url },
        body: JSON.stringify({ name: 'bench' }),
      }),
    )
  ).token
  const headers = { authorization: `Bearer ${pat}` }
  /** A new negotiation from plan text (the one given to prepare by default), in a workspace (ours by default). */
  const negotiation = async (text = yaml, workspaceId = workspace.id) =>
    (
      await json(
        await fetch(`${url}/api/workspaces/${workspaceId}/negotiations`, {
          method: 'POST',
          headers: { ...headers, 'content-type': 'application/yaml' },
          body: text,
        }),
      )
    ).id
  // `cookie`: the owner's browser session, for a benchmark that opens the app in a browser.
  return { headers, cookie, workspace: workspace.id, negotiation }
}
