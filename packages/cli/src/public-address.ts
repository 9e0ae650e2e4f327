/**
 * The address people reach `parley serve` at. Invitation and password-reset links, and the origin
 * the CSRF check expects, come from PARLEY_PUBLIC_URL when it is set; without it they come from each
 * request's Host header, which whoever sends the request chooses. That is harmless on this machine
 * alone, not on an address other machines reach, so serving there without it earns a warning.
 */

export type PublicAddress =
  | { ok: true; publicUrl: string | undefined; warnings: string[] }
  | { ok: false; message: string }

/** Whether a listening host or a URL's host name can only be reached from this machine. */
export function isLoopbackHost(host: string): boolean {
  const name = host
    .trim()
    .toLowerCase()
    .replace(/^\[(.*)\]$/, '$1')
  return (
    name === 'localhost' ||
    name.endsWith('.localhost') ||
    name === '::1' ||
    /^(::ffff:)?127(\.\d{1,3}){3}$/.test(name)
  )
}

/** Checks PARLEY_PUBLIC_URL against the address the server listens on. */
export function publicAddress(publicUrl: string | undefined, host: string): PublicAddress {
  const given = publicUrl?.trim()
  if (!given) {
    if (isLoopbackHost(host)) return { ok: true, publicUrl: undefined, warnings: [] }
    return {
      ok: true,
      publicUrl: undefined,
      warnings: [
        `PARLEY_PUBLIC_URL is not set, and the server listens on ${host}, which other machines can reach. ` +
          'Invitation and password-reset links, and the origin the cross-site check expects, then come from ' +
          "each request's Host header, which the sender chooses. Set PARLEY_PUBLIC_URL to the address people " +
          'use (for example https://parley.example.com), and serve that address over TLS (a reverse proxy in front).',
      ],
    }
  }
  let url: URL
  try {
    url = new URL(given)
  } catch {
    return {
      ok: false,
      message: `PARLEY_PUBLIC_URL must be a URL such as https://parley.example.com, not ${JSON.stringify(given)}`,
    }
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:')
    return {
      ok: false,
      message: `PARLEY_PUBLIC_URL must start with https:// (or http://), not ${url.protocol}//`,
    }
  if (
    url.pathname !== '/' ||
    url.search !== '' ||
    url.hash !== '' ||
    url.username !== '' ||
    url.password !== ''
  )
    return {
      ok: false,
      message: `PARLEY_PUBLIC_URL must be the address alone (${url.origin}), without a path, query or user: Parley is served at the root of it`,
    }
  const warnings =
    url.protocol === 'http:' && !isLoopbackHost(url.hostname)
      ? [
          `PARLEY_PUBLIC_URL is ${url.origin}: passwords and session cookies would cross the network unencrypted. ` +
            'Serve it over TLS (a reverse proxy in front) and set an https:// address.',
        ]
      : []
  return { ok: true, publicUrl: url.origin, warnings }
}
