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
  private readonly heap: Int32Array
  constructor(
    readonly loads: Float64Array,
    readonly counts: Uint32Array,
  ) {
    this.heap = Int32Array.from(loads, (_, i) => i)
  }

  /** Whether shard `a` comes before shard `b`. */
  private before(a: number, b: number): boolean {
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

  /** Restores the heap after the top shard's load grew: it sinks below every shard before it. */
  siftDownTop(): void {
    const heap = this.heap
    const size = heap.length
    const sinking = heap[0] ?? 0
    let i = 0
    for (;;) {
      let child = 2 * i + 1
      if (child >= size) break
      const right = child + 1
      if (right < size && this.before(heap[right] ?? 0, heap[child] ?? 0)) child = right
      const next = heap[child] ?? 0
      if (!this.before(next, sinking)) break
      heap[i] = next
      i = child
    }
    heap[i] = sinking
  }
}

/** Items given by their seconds; an item's index is its id (the lower index wins a tie). */
export type Seconds = ArrayLike<number>

export interface IndexPartition {
  /** `shards[i]` holds the indices of shard i, longest first (then by index). */
  readonly shards: readonly (readonly number[])[]
  readonly loads: readonly number[]
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
  checkShardCount(shardCount)
  // In id order, an item's index breaks ties as its id does (`compareUnits`).
  let inIdOrder = true
  for (let i = 1; i < units.length && inIdOrder; i++) {
    inIdOrder = (units[i - 1]?.id ?? '') < (units[i]?.id ?? '')
  }
  const byId = inIdOrder ? units : [...units].sort(compareIds)
  const seconds = Float64Array.from(byId, (u) => u.seconds)
  const { shards, loads } = partitionSeconds(seconds, shardCount, options)
  const unitsOf = (indices: readonly number[]): U[] => {
    const shard: U[] = []
    for (const i of indices) {
      const unit = byId[i]
      if (unit) shard.push(unit)
    }
    return shard
  }
  return { shards: shards.map(unitsOf), loads }
}

function compareIds(a: Unit, b: Unit): number {
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0
}

function checkShardCount(shardCount: number): void {
  if (!Number.isInteger(shardCount) || shardCount < 1) {
    throw new RangeError(`shardCount must be a whole number ≥ 1, got ${shardCount}`)
  }
}

/**
 * `partitionUnits` for items given by index, as the planner holds them: item i takes
 * `seconds[i]` and breaks ties by its index. Nothing per item is allocated but the shards'
 * lists of indices, which on a million items is most of what planning would otherwise cost.
 */
export function partitionSeconds(
  seconds: Seconds,
  shardCount: number,
  options: PartitionOptions = {},
): IndexPartition {
  checkShardCount(shardCount)
  const loads = new Float64Array(shardCount)
  const counts = new Uint32Array(shardCount)
  const shards: number[][] = Array.from({ length: shardCount }, () => [])
  deal(longestFirst(seconds), seconds, shards, new ShardHeap(loads, counts))
  const rounds = options.improvementRounds ?? 64 * shardCount
  if (rounds > 0 && shardCount > 1) {
    improve(shards, loads, rounds, seconds, lowerBoundOfSeconds(seconds, shardCount))
  }
  // Every shard is sorted longest first already: LPT fills it in that order and the search
  // keeps it so.
  return { shards, loads: shards.map((shard) => sumOf(shard, seconds)) }
}

/**
 * LPT itself: each item, in `order`, to the least loaded shard. (Each hot loop of this file is
 * a function of its own: V8 optimises a long loop while it runs, and code after it in the same
 * function would run unoptimised until optimised again.)
 */
function deal(
  order: ArrayLike<number>,
  seconds: Seconds,
  shards: number[][],
  heap: ShardHeap,
): void {
  const { loads, counts } = heap
  for (let at = 0; at < order.length; at++) {
    const item = order[at] ?? 0
    const target = heap.top()
    shards[target]?.push(item)
    loads[target] = (loads[target] ?? 0) + (seconds[item] ?? 0)
    counts[target] = (counts[target] ?? 0) + 1
    heap.siftDownTop()
  }
}

/** Whether item `a` comes before item `b`: longer first, then the lower index. */
function compareItems(seconds: Seconds, a: number, b: number): number {
  return (seconds[b] ?? 0) - (seconds[a] ?? 0) || a - b
}

/**
 * The item indices longest first, ties by index. When every time is finite and not negative
 * (always, for durations) this is a radix sort on the bits of the seconds: on a million items
 * with times rounded to the millisecond most times are tied, and a comparison sort would spend
 * most of its work on ties.
 */
function longestFirst(seconds: Seconds): ArrayLike<number> {
  const values = sortableCopy(seconds)
  if (values) return radixLongestFirst(values)
  const order = Array.from({ length: seconds.length }, (_, index) => index)
  return order.sort((a, b) => compareItems(seconds, a, b))
}

/** The seconds as a Float64Array (-0 as 0), or `undefined` if one is negative or not finite. */
function sortableCopy(seconds: Seconds): Float64Array | undefined {
  const n = seconds.length
  const values = new Float64Array(n)
  for (let i = 0; i < n; i++) {
    const value = seconds[i] ?? NaN
    if (!(value >= 0 && value < Infinity)) return undefined
    values[i] = value === 0 ? 0 : value // -0 ties with 0
  }
  return values
}

const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1

/**
 * The indices of `seconds` (finite, ≥ 0), longest first and ties in index order: a stable
 * least-significant-digit radix sort on the 64 bits of each double, 16 bits a pass, since
 * non-negative doubles order exactly as their bit patterns do.
 */
function radixLongestFirst(seconds: Float64Array): Uint32Array {
  const n = seconds.length
  const words = new Uint32Array(seconds.buffer, seconds.byteOffset, n * 2)
  const low = LITTLE_ENDIAN ? 0 : 1
  let order = new Uint32Array(n)
  for (let i = 0; i < n; i++) order[i] = i
  let next = new Uint32Array(n)
  const digits = new Uint16Array(n)
  const counts = new Uint32Array(1 << 16)
  for (let pass = 0; pass < 4; pass++) {
    const word = pass < 2 ? low : 1 - low
    const shift = pass % 2 === 0 ? 0 : 16
    countDigits(words, word, shift, digits, counts)
    if (counts[digits[0] ?? 0] === n) continue // one digit for all: nothing to reorder
    scatter(order, next, digits, counts)
    ;[order, next] = [next, order]
  }
  return order
}

/** Each item's 16-bit digit (inverted, so that larger values come first), and their counts. */
function countDigits(
  words: Uint32Array,
  word: number,
  shift: number,
  digits: Uint16Array,
  counts: Uint32Array,
): void {
  counts.fill(0)
  for (let i = 0; i < digits.length; i++) {
    const digit = 0xffff - (((words[2 * i + word] ?? 0) >>> shift) & 0xffff)
    digits[i] = digit
    counts[digit] = (counts[digit] ?? 0) + 1
  }
}

/** Each digit's count replaced by where its items start. */
function startsFromCounts(counts: Uint32Array): void {
  let start = 0
  for (let d = 0; d < counts.length; d++) {
    const count = counts[d] ?? 0
    counts[d] = start
    start += count
  }
}

/** One stable pass: `order` into `next` by digit; within one digit, the order stays. */
function scatter(
  order: Uint32Array,
  next: Uint32Array,
  digits: Uint16Array,
  counts: Uint32Array,
): void {
  startsFromCounts(counts)
  for (let i = 0; i < order.length; i++) {
    const index = order[i] ?? 0
    const digit = digits[index] ?? 0
    const at = counts[digit] ?? 0
    next[at] = index
    counts[digit] = at + 1
  }
}

function sumOf(items: readonly number[], seconds: Seconds): number {
  let total = 0
  for (const item of items) total += seconds[item] ?? 0
  return total
}

/** Relative gain below which a move is not worth making (floating-point noise). */
const EPSILON = 1e-9
/**
 * How close to the lower bound the longest shard must come for the search to stop: a
 * millisecond, the resolution of every timing format. No plan can be measurably better, and
 * on a hundred thousand items the search would otherwise go on shaving microseconds.
 */
const GOOD_ENOUGH_SECONDS = 0.001

/**
 * Local search on the longest shard: move one item to, or swap one pair with, another shard
 * when that lowers the larger of the two loads. Each accepted step strictly lowers the sum of
 * squared loads, so the search ends; `rounds` bounds it for very large inputs, and it stops
 * as soon as the longest shard is within `GOOD_ENOUGH_SECONDS` of `bound`, the lower bound.
 */
function improve(
  shards: number[][],
  loads: Float64Array,
  rounds: number,
  seconds: Seconds,
  bound: number,
): void {
  for (let round = 0; round < rounds; round++) {
    let longest = 0
    for (let i = 1; i < loads.length; i++) {
      if ((loads[i] ?? 0) > (loads[longest] ?? 0)) longest = i
    }
    if ((loads[longest] ?? 0) - bound <= GOOD_ENOUGH_SECONDS) return
    const from = shards[longest] ?? []
    const fromLoad = loads[longest] ?? 0
    let moved = false
    for (const other of partnersOf(loads, longest)) {
      const to = shards[other.index] ?? []
      const gap = fromLoad - other.load
      const step = bestStep(from, to, gap, seconds)
      if (!step) continue
      const [fromIndex, toIndex] = step
      const item = from[fromIndex]
      if (item === undefined) continue
      const itemSeconds = seconds[item] ?? 0
      // Both shards stay sorted longest first: taken items leave, given ones are inserted.
      if (toIndex < 0) {
        from.splice(fromIndex, 1)
        insertSorted(to, item, seconds)
        loads[longest] = fromLoad - itemSeconds
        loads[other.index] = other.load + itemSeconds
      } else {
        const back = to[toIndex]
        if (back === undefined) continue
        const backSeconds = seconds[back] ?? 0
        from.splice(fromIndex, 1)
        to.splice(toIndex, 1)
        insertSorted(from, back, seconds)
        insertSorted(to, item, seconds)
        loads[longest] = fromLoad - itemSeconds + backSeconds
        loads[other.index] = other.load + itemSeconds - backSeconds
      }
      moved = true
      break
    }
    if (!moved) return
  }
}

/**
 * The shards that could take load from `longest`, lightest first (ties by index): the best
 * partner for a move is the emptiest. Nearly always the lightest takes a step, so it is found
 * in one pass and the rest are sorted only when it does not.
 */
function* partnersOf(
  loads: Float64Array,
  longest: number,
): Generator<{ readonly load: number; readonly index: number }> {
  const fromLoad = loads[longest] ?? 0
  const limit = fromLoad - EPSILON * fromLoad
  let lightest = -1
  for (let i = 0; i < loads.length; i++) {
    const load = loads[i] ?? 0
    if (i !== longest && load < limit && (lightest < 0 || load < (loads[lightest] ?? 0)))
      lightest = i
  }
  if (lightest < 0) return
  yield { load: loads[lightest] ?? 0, index: lightest }
  const rest = Array.from(loads, (load, index) => ({ load, index }))
    .filter((s) => s.index !== longest && s.index !== lightest && s.load < limit)
    .sort((a, b) => a.load - b.load || a.index - b.index)
  yield* rest
}

/** Inserts `item` into `items` (sorted by `compareItems`) where it belongs. */
function insertSorted(items: number[], item: number, seconds: Seconds): void {
  let lo = 0
  let hi = items.length
  while (lo < hi) {
    const mid = (lo + hi) >> 1
    if (compareItems(seconds, items[mid] ?? 0, item) <= 0) lo = mid + 1
    else hi = mid
  }
  items.splice(lo, 0, item)
}

/**
 * The move (`[i, -1]`) or swap (`[i, j]`) between `from` (longest, sorted longest first) and
 * `to` that brings the transferred amount closest to half the gap, provided it is strictly
 * between 0 and the gap — exactly the condition for the larger of the two loads to fall.
 */
function bestStep(
  from: readonly number[],
  to: readonly number[],
  gap: number,
  seconds: Seconds,
): [number, number] | undefined {
  const ideal = gap / 2
  const floor = gap * EPSILON
  const ceiling = gap - floor
  let bestFrom = -1
  let bestTo = -1
  let bestDistance = Infinity
  // The first candidate at the smallest distance wins; this loop runs millions of times on
  // large suites, so candidates are weighed inline rather than through a closure.
  // `to` is sorted longest first; find for each item of `from` the partner whose difference
  // is nearest the ideal.
  let lo = 0
  for (let i = 0; i < from.length; i++) {
    const a = seconds[from[i] ?? 0] ?? 0
    if (from.length > 1 && a > floor && a < ceiling) {
      const distance = Math.abs(a - ideal)
      if (distance < bestDistance) {
        bestDistance = distance
        bestFrom = i
        bestTo = -1
      }
    }
    // The first partner not longer than the ideal partner length. `from` is sorted longest
    // first, so that length only falls as `i` grows and the search resumes where it stopped.
    const wanted = a - ideal
    while (lo < to.length && (seconds[to[lo] ?? 0] ?? 0) > wanted) lo++
    for (let j = lo - 1; j <= lo; j++) {
      const b = to[j]
      if (b === undefined) continue
      const delta = a - (seconds[b] ?? 0)
      if (delta <= floor || delta >= ceiling) continue
      const distance = Math.abs(delta - ideal)
      if (distance < bestDistance) {
        bestDistance = distance
        bestFrom = i
        bestTo = j
      }
    }
    if (bestDistance === 0) break
  }
  return bestFrom < 0 ? undefined : [bestFrom, bestTo]
}

/** `lowerBound` for items given by their seconds (summed in index order). */
export function lowerBoundOfSeconds(seconds: Seconds, shardCount: number): number {
  let total = 0
  let longest = 0
  for (let i = 0; i < seconds.length; i++) {
    const value = seconds[i] ?? 0
    total += value
    if (value > longest) longest = value
  }
  return Math.max(total / shardCount, longest)
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
