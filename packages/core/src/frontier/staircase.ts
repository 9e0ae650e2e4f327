/**
 * Pareto staircases and their exact Minkowski sum, the kernel of the frontier.
 *
 * A staircase is a list of (us, them) points sorted by us descending and them ascending, each
 * consecutive pair apart by more than the tolerance in both coordinates ("clean"). Adding an
 * issue's levels to a staircase F gives one shifted copy of F per level; the new frontier is the
 * upper envelope of those copies, found in one sweep over all copies (see `addIssue`). Ties
 * (pairs equal within the tolerance) keep the bundle whose level indices are lexicographically
 * smallest in plan order.
 *
 * The hot loops read typed arrays with `as number`: every index is in bounds by construction, and
 * the `?? 0` fallbacks used elsewhere cost measurable time here.
 */

/** A clean staircase with, for each point, the point of the previous staircase it extends and the level it adds. */
export interface Staircase {
  size: number
  us: Float64Array
  them: Float64Array
  /** Index into the previous staircase (-1 for the empty start). */
  parent: Int32Array
  /** Level index of the issue this step added (-1 for the empty start). */
  level: Int32Array
}

/** The empty bundle: the one point (0, 0) every sum starts from. */
export function originStaircase(): Staircase {
  return {
    size: 1,
    us: Float64Array.of(0),
    them: Float64Array.of(0),
    parent: Int32Array.of(-1),
    level: Int32Array.of(-1),
  }
}

/** One issue's candidate levels: gains for both sides, as a clean staircase of level indices. */
export interface LevelSet {
  us: Float64Array
  them: Float64Array
  level: Int32Array
}

/**
 * Keeps the levels of one issue that no other allowed level beats, sorted as a staircase.
 * Among levels with equal gains (within the tolerance) the lowest index stays.
 */
export function paretoLevels(
  gainUs: ArrayLike<number>,
  gainThem: ArrayLike<number>,
  allowed: ArrayLike<number> | undefined,
  tolUs: number,
  tolThem: number,
): LevelSet {
  const order: number[] = []
  for (let k = 0; k < gainUs.length; k++) if (!allowed || allowed[k]) order.push(k)
  order.sort(
    (a, b) => (gainUs[b] ?? 0) - (gainUs[a] ?? 0) || (gainThem[b] ?? 0) - (gainThem[a] ?? 0) || a - b,
  )
  const kept: number[] = []
  let best = Number.NEGATIVE_INFINITY
  for (const k of order) {
    const us = gainUs[k] ?? 0
    const them = gainThem[k] ?? 0
    const last = kept[kept.length - 1]
    if (them > best + tolThem) {
      if (last !== undefined && (gainUs[last] ?? 0) - us <= tolUs) kept.pop()
      kept.push(k)
      best = them
    } else if (
      last !== undefined &&
      Math.abs((gainUs[last] ?? 0) - us) <= tolUs &&
      Math.abs(best - them) <= tolThem &&
      k < last
    ) {
      kept[kept.length - 1] = k
      best = them
    }
  }
  return {
    us: Float64Array.from(kept, (k) => gainUs[k] ?? 0),
    them: Float64Array.from(kept, (k) => gainThem[k] ?? 0),
    level: Int32Array.from(kept),
  }
}

/** Compares two candidate bundles (each: index into the previous staircase plus a level index) for ties. */
export type BundleOrder = (aParent: number, aLevel: number, bParent: number, bLevel: number) => number

/** A growable staircase under construction. */
export class StaircaseBuilder {
  size = 0
  us: Float64Array
  them: Float64Array
  parent: Int32Array
  level: Int32Array

  constructor(capacity: number) {
    this.us = new Float64Array(capacity)
    this.them = new Float64Array(capacity)
    this.parent = new Int32Array(capacity)
    this.level = new Int32Array(capacity)
  }

  private grow(): void {
    const capacity = this.us.length * 2
    const us = new Float64Array(capacity)
    us.set(this.us)
    const them = new Float64Array(capacity)
    them.set(this.them)
    const parent = new Int32Array(capacity)
    parent.set(this.parent)
    const level = new Int32Array(capacity)
    level.set(this.level)
    this.us = us
    this.them = them
    this.parent = parent
    this.level = level
  }

  push(us: number, them: number, parent: number, level: number): void {
    if (this.size === this.us.length) this.grow()
    this.us[this.size] = us
    this.them[this.size] = them
    this.parent[this.size] = parent
    this.level[this.size] = level
    this.size++
  }

  pop(): void {
    this.size--
  }

  finish(): Staircase {
    return {
      size: this.size,
      us: this.us.slice(0, this.size),
      them: this.them.slice(0, this.size),
      parent: this.parent.slice(0, this.size),
      level: this.level.slice(0, this.size),
    }
  }
}

/**
 * The Pareto frontier of F ⊕ levels, exactly, as a new clean staircase.
 *
 * One sweep in U_us order over all shifted copies of F at once: a heap holds each copy's next
 * point; a copy whose next point is already beaten gallops (exponential, then binary search) past
 * everything the output dominates, and a copy that leads the others is copied out in one block up
 * to the next copy's head. The cost is about (output + skips) x log(levels), never the n x m
 * candidates. `compare` orders two candidates for ties.
 */
export function addIssue(
  base: Staircase,
  levels: LevelSet,
  tolUs: number,
  tolThem: number,
  compare: BundleOrder,
): Staircase {
  const m = levels.level.length
  const n = base.size
  if (m === 0 || n === 0) return emptyStaircase()
  const bu = base.us
  const bt = base.them
  const lu = levels.us
  const lt = levels.them
  const ll = levels.level
  const last = n - 1
  const pos = new Int32Array(m)
  const headUs = new Float64Array(m)
  const headThem = new Float64Array(m)
  const setHead = (c: number) => {
    const i = pos[c] as number
    headUs[c] = (bu[i] as number) + (lu[c] as number)
    headThem[c] = (bt[i] as number) + (lt[c] as number)
  }
  // A binary max-heap of copies, by head U_us, then head U_them, then copy. Exact ties need no
  // better order here: the sweep keeps whichever of tied points comes first in bundle order.
  const heap = new Int32Array(m)
  let heapSize = 0
  const before = (a: number, b: number): boolean => {
    const ua = headUs[a] as number
    const ub = headUs[b] as number
    if (ua !== ub) return ua > ub
    const ta = headThem[a] as number
    const tb = headThem[b] as number
    if (ta !== tb) return ta > tb
    return a < b
  }
  const siftDown = (start: number) => {
    let k = start
    const item = heap[k] as number
    for (;;) {
      const left = 2 * k + 1
      if (left >= heapSize) break
      const right = left + 1
      const child = right < heapSize && before(heap[right] as number, heap[left] as number) ? right : left
      if (!before(heap[child] as number, item)) break
      heap[k] = heap[child] as number
      k = child
    }
    heap[k] = item
  }
  for (let c = 0; c < m; c++) {
    setHead(c)
    heap[heapSize++] = c
  }
  for (let k = (heapSize >> 1) - 1; k >= 0; k--) siftDown(k)
  const removeTop = () => {
    heap[0] = heap[--heapSize] as number
    if (heapSize > 0) siftDown(0)
  }

  const out = new StaircaseBuilder(Math.max(16, 2 * n + m))
  let hasLast = false
  let lastUs = 0
  let lastThem = 0
  while (heapSize > 0) {
    const c = heap[0] as number
    let i = pos[c] as number
    const u = headUs[c] as number
    const t = headThem[c] as number
    if (hasLast && t <= lastThem + tolThem) {
      const k = out.size - 1
      if (
        lastUs - u <= tolUs &&
        Math.abs(lastThem - t) <= tolThem &&
        compare(i, ll[c] as number, out.parent[k] as number, out.level[k] as number) < 0
      ) {
        // A tie with the last point out, by a bundle that comes first: it takes the place.
        out.pop()
        out.push(u, t, i, ll[c] as number)
        lastUs = u
        lastThem = t
        i++
      } else {
        // Skip everything of this copy the output already dominates (U_them ascends along the copy).
        const bound = lastThem + tolThem - (lt[c] as number)
        if ((bt[i] as number) <= bound) {
          let step = 1
          let lo = i
          let hi = i + 1
          while (hi <= last && (bt[hi] as number) <= bound) {
            lo = hi
            step *= 2
            hi = i + step
          }
          if (hi > last) hi = last + 1
          while (hi - lo > 1) {
            const mid = (lo + hi) >>> 1
            if ((bt[mid] as number) <= bound) lo = mid
            else hi = mid
          }
          i = hi
        } else i++
      }
      if (i > last) removeTop()
      else {
        pos[c] = i
        setHead(c)
        siftDown(0)
      }
      continue
    }
    if (hasLast && lastUs - u <= tolUs) out.pop()
    // This copy leads: copy out its points until the next copy's head comes first in the sweep.
    let end = i
    let nextUs = Number.NEGATIVE_INFINITY
    if (heapSize > 1) {
      const a = heap[1] as number
      const b = heapSize > 2 ? (heap[2] as number) : a
      nextUs = Math.max(headUs[a] as number, headUs[b] as number)
    }
    const bound = nextUs - (lu[c] as number)
    if (i < last && (bu[i + 1] as number) > bound) {
      let step = 1
      let lo = i + 1
      let hi = i + 2
      while (hi <= last && (bu[hi] as number) > bound) {
        lo = hi
        step *= 2
        hi = i + 1 + step
      }
      if (hi > last) hi = last + 1
      while (hi - lo > 1) {
        const mid = (lo + hi) >>> 1
        if ((bu[mid] as number) > bound) lo = mid
        else hi = mid
      }
      end = lo
    }
    const du = lu[c] as number
    const dt = lt[c] as number
    const level = ll[c] as number
    for (let p = i; p <= end; p++) out.push((bu[p] as number) + du, (bt[p] as number) + dt, p, level)
    hasLast = true
    lastUs = (bu[end] as number) + du
    lastThem = (bt[end] as number) + dt
    if (end >= last) removeTop()
    else {
      pos[c] = end + 1
      setHead(c)
      siftDown(0)
    }
  }
  return out.finish()
}

export function emptyStaircase(): Staircase {
  return {
    size: 0,
    us: new Float64Array(0),
    them: new Float64Array(0),
    parent: new Int32Array(0),
    level: new Int32Array(0),
  }
}
