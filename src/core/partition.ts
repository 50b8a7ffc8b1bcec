/**
 * Partitioning weighted units into shards so that the longest shard is as short as possible
 * (multiprocessor scheduling, NP-hard). Longest-processing-time-first gets within 4/3 of the
 * optimum and, on real suites of many small items, within a fraction of a percent; a bounded
 * local search then moves and swaps items off the longest shard, which is what closes the gap
 * on suites dominated by a few giant items.
 */

export interface Unit {
  /** Unique; breaks ties so that the same input always gives the same shards. */
  readonly id: string
  readonly seconds: number
}

export interface Partition<U extends Unit> {
  /** `shards[i]` holds the units of shard i (0-based), longest first. */
  readonly shards: readonly (readonly U[])[]
  readonly loads: readonly number[]
}

export interface PartitionOptions {
  /** Rounds of improvement after LPT; 0 gives plain LPT. */
  readonly improvementRounds?: number
}

/** The order every algorithm here walks units in: longest first, then by id. */
export function compareUnits(a: Unit, b: Unit): number {
  return b.seconds - a.seconds || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
}

/** A binary min-heap of shard indices ordered by (load, unit count, index). */
class ShardHeap {
  private readonly heap: number[]
  constructor(
    private readonly loads: number[],
    private readonly counts: number[],
  ) {
    this.heap = loads.map((_, i) => i)
  }

  private less(a: number, b: number): boolean {
    const la = this.loads[a] ?? 0
    const lb = this.loads[b] ?? 0
    if (la !== lb) return la < lb
    // Equal loads: the shard with fewer units first, so per-test overheads spread evenly.
    const ca = this.counts[a] ?? 0
    const cb = this.counts[b] ?? 0
    if (ca !== cb) return ca < cb
    return a < b
  }

  top(): number {
    return this.heap[0] ?? 0
  }

  /** Restores the heap after the top shard's load grew. */
  siftDownTop(): void {
    const heap = this.heap
    let i = 0
    for (;;) {
      const left = 2 * i + 1
      const right = left + 1
      let smallest = i
      if (left < heap.length && this.less(heap[left] ?? 0, heap[smallest] ?? 0)) smallest = left
      if (right < heap.length && this.less(heap[right] ?? 0, heap[smallest] ?? 0)) smallest = right
      if (smallest === i) return
      const tmp = heap[i] ?? 0
      heap[i] = heap[smallest] ?? 0
      heap[smallest] = tmp
      i = smallest
    }
  }
}

/**
 * Splits `units` into `shardCount` shards.
 * Contract: every unit appears in exactly one shard; no shard is empty when
 * `units.length >= shardCount`; the result depends only on the set of units, not their order.
 */
export function partitionUnits<U extends Unit>(
  units: readonly U[],
  shardCount: number,
  options: PartitionOptions = {},
): Partition<U> {
  if (!Number.isInteger(shardCount) || shardCount < 1) {
    throw new RangeError(`shardCount must be a whole number ≥ 1, got ${shardCount}`)
  }
  const sorted = [...units].sort(compareUnits)
  const loads = new Array<number>(shardCount).fill(0)
  const counts = new Array<number>(shardCount).fill(0)
  const shards: U[][] = Array.from({ length: shardCount }, () => [])
  const heap = new ShardHeap(loads, counts)
  for (const unit of sorted) {
    const target = heap.top()
    shards[target]?.push(unit)
    loads[target] = (loads[target] ?? 0) + unit.seconds
    counts[target] = (counts[target] ?? 0) + 1
    heap.siftDownTop()
  }
  const rounds = options.improvementRounds ?? 64 * shardCount
  if (rounds > 0 && shardCount > 1) improve(shards, loads, rounds)
  for (const shard of shards) shard.sort(compareUnits)
  return { shards, loads: shards.map((s) => sumSeconds(s)) }
}

function sumSeconds(units: readonly Unit[]): number {
  let total = 0
  for (const unit of units) total += unit.seconds
  return total
}

/** Relative gain below which a move is not worth making (floating-point noise). */
const EPSILON = 1e-9

/**
 * Local search on the longest shard: move one unit to, or swap one pair with, another shard
 * when that lowers the larger of the two loads. Each accepted step strictly lowers the sum of
 * squared loads, so the search ends; `rounds` bounds it for very large inputs.
 */
function improve(shards: Unit[][], loads: number[], rounds: number): void {
  for (let round = 0; round < rounds; round++) {
    let longest = 0
    for (let i = 1; i < loads.length; i++) {
      if ((loads[i] ?? 0) > (loads[longest] ?? 0)) longest = i
    }
    const from = shards[longest] ?? []
    const fromLoad = loads[longest] ?? 0
    // Other shards from the lightest up: the best partner for a move is the emptiest.
    const others = loads
      .map((load, index) => ({ load, index }))
      .filter((s) => s.index !== longest && s.load < fromLoad - EPSILON * fromLoad)
      .sort((a, b) => a.load - b.load || a.index - b.index)
    let moved = false
    for (const other of others) {
      const to = shards[other.index] ?? []
      const gap = fromLoad - other.load
      const step = bestStep(from, to, gap)
      if (!step) continue
      const [fromIndex, toIndex] = step
      const unit = from[fromIndex]
      if (!unit) continue
      if (toIndex < 0) {
        from.splice(fromIndex, 1)
        to.push(unit)
        loads[longest] = fromLoad - unit.seconds
        loads[other.index] = other.load + unit.seconds
      } else {
        const back = to[toIndex]
        if (!back) continue
        from[fromIndex] = back
        to[toIndex] = unit
        loads[longest] = fromLoad - unit.seconds + back.seconds
        loads[other.index] = other.load + unit.seconds - back.seconds
      }
      from.sort(compareUnits)
      to.sort(compareUnits)
      moved = true
      break
    }
    if (!moved) return
  }
}

/**
 * The move (`[i, -1]`) or swap (`[i, j]`) between `from` (longest, sorted longest first) and
 * `to` that brings the transferred amount closest to half the gap, provided it is strictly
 * between 0 and the gap — exactly the condition for the larger of the two loads to fall.
 */
function bestStep(
  from: readonly Unit[],
  to: readonly Unit[],
  gap: number,
): [number, number] | undefined {
  const ideal = gap / 2
  const floor = gap * EPSILON
  let best: [number, number] | undefined
  let bestDistance = Infinity
  const consider = (delta: number, step: [number, number]) => {
    if (delta <= floor || delta >= gap - floor) return
    const distance = Math.abs(delta - ideal)
    if (distance < bestDistance) {
      bestDistance = distance
      best = step
    }
  }
  // `to` is sorted longest first; find for each unit of `from` the partner whose difference
  // is nearest the ideal with a binary search.
  for (let i = 0; i < from.length; i++) {
    const a = from[i]?.seconds ?? 0
    if (from.length > 1) consider(a, [i, -1])
    const wanted = a - ideal // the partner's ideal length
    let lo = 0
    let hi = to.length
    while (lo < hi) {
      const mid = (lo + hi) >> 1
      if ((to[mid]?.seconds ?? 0) > wanted) lo = mid + 1
      else hi = mid
    }
    for (const j of [lo - 1, lo]) {
      const b = to[j]
      if (b) consider(a - b.seconds, [i, j])
    }
    if (bestDistance === 0) break
  }
  return best
}

/** `max(total / shards, longest unit)`: no partition of these units can do better. */
export function lowerBound(units: readonly Unit[], shardCount: number): number {
  let total = 0
  let longest = 0
  for (const unit of units) {
    total += unit.seconds
    if (unit.seconds > longest) longest = unit.seconds
  }
  return Math.max(total / shardCount, longest)
}
