/**
 * Event ids made in the browser before sending, so a retry after a lost answer carries the same id
 * and the server records the event once. ULIDs: a millisecond time and 80 random bits, in
 * Crockford's base 32.
 */
const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ'

export function ulid(now = Date.now()): string {
  let time = ''
  let t = now
  for (let k = 0; k < 10; k++) {
    time = CROCKFORD[t % 32] + time
    t = Math.floor(t / 32)
  }
  const random = crypto.getRandomValues(new Uint8Array(16))
  let tail = ''
  for (let k = 0; k < 16; k++) tail += CROCKFORD[(random[k] as number) % 32]
  return time + tail
}
