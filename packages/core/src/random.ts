/**
 * Seeded randomness for everything Parley samples (plot clouds, prior and posterior draws), so
 * every result is reproducible: the same seed gives the same numbers on every machine.
 */

export type Random = () => number

/** mulberry32: a small, fast 32-bit generator; uniform in [0, 1). */
export function mulberry32(seed: number): Random {
  let a = seed | 0
  return () => {
    a = (a + 0x6d2b79f5) | 0
    let t = Math.imul(a ^ (a >>> 15), 1 | a)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/** A mulberry32 stream that can be copied mid-way: `next` gives the numbers `mulberry32(seed)` gives, and a fork continues from where it is. */
export interface ForkableRandom {
  next: Random
  fork(): ForkableRandom
  /** Where the stream is: `forkableMulberry32(state())` continues exactly from here. */
  state(): number
}

export function forkableMulberry32(seed: number): ForkableRandom {
  let a = seed | 0
  const next: Random = () => {
    a = (a + 0x6d2b79f5) | 0
    let t = Math.imul(a ^ (a >>> 15), 1 | a)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
  return { next, fork: () => forkableMulberry32(a), state: () => a }
}

/** A standard normal draw (Box–Muller). */
function normal(random: Random): number {
  let u = 0
  while (u === 0) u = random()
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random())
}

/** A Gamma(shape, 1) draw (Marsaglia–Tsang; boosted for shape < 1). */
export function gamma(shape: number, random: Random): number {
  if (shape < 1) {
    let u = 0
    while (u === 0) u = random()
    return gamma(shape + 1, random) * u ** (1 / shape)
  }
  const d = shape - 1 / 3
  const c = 1 / Math.sqrt(9 * d)
  for (;;) {
    let x: number
    let v: number
    do {
      x = normal(random)
      v = 1 + c * x
    } while (v <= 0)
    v = v * v * v
    const u = random()
    if (u < 1 - 0.0331 * x ** 4) return d * v
    if (Math.log(u) < 0.5 * x * x + d * (1 - v + Math.log(v))) return d * v
  }
}

/** A Dirichlet(alpha) draw: shares summing to 1. */
export function dirichlet(alpha: readonly number[], random: Random): Float64Array {
  // Plain loops: the learner draws one per proposal, thousands per move, and a typed array's
  // `from` with a callback goes through the iteration protocol.
  const n = alpha.length
  const draw = new Float64Array(n)
  let total = 0
  for (let i = 0; i < n; i++) {
    const x = Math.max(gamma(alpha[i] as number, random), 1e-300)
    draw[i] = x
    total += x
  }
  for (let i = 0; i < n; i++) draw[i] = (draw[i] as number) / total
  return draw
}
