import type { SplitFile } from '../contracts/plan.js'
import { fileOfId } from '../ids.js'
import {
  lowerBound,
  lowerBoundOfSeconds,
  partitionSeconds,
  partitionUnits,
  type Unit,
} from '../partition.js'
import { sum } from '../stats.js'
import { buildUnits, fileSeconds, type UnitContext } from './units.js'

/**
 * A layout of the planned items over a given shard count, and the choice of the shard count
 * under `shards: auto`.
 */

export interface Layout {
  readonly splitFiles: readonly SplitFile[]
  readonly shardCount: number
  readonly loads: readonly number[]
  /** Each shard's items, sorted; listed only for the layout chosen. */
  readonly items: () => string[][]
  /** Each shard's longest unit (a file, a chunk or a test), in seconds. */
  readonly longest: () => number[]
  readonly totalSeconds: number
  readonly makespan: number
  readonly lowerBound: number
  readonly fileLowerBound: number
}

function totalOf(units: readonly Unit[]): number {
  let total = 0
  for (const unit of units) total += unit.seconds
  return total
}

/** At test granularity every file's setup is paid at least once, and with each of its tests. */
function testLowerBound(
  tests: readonly string[],
  seconds: ArrayLike<number>,
  setup: (file: string) => number,
  shardCount: number,
): number {
  const files = new Set(tests.map(fileOfId))
  const total = sum(Array.from(seconds)) + sum([...files].map(setup))
  let longest = 0
  tests.forEach((id, i) => {
    longest = Math.max(longest, (seconds[i] ?? 0) + setup(fileOfId(id)))
  })
  return Math.max(total / shardCount, longest)
}

/**
 * Every item its own unit: whole files at file granularity, single tests at test granularity.
 * Planned by index over the sorted items, without an object per item.
 */
function layoutOfItems(context: UnitContext, shardCount: number): Layout {
  const { items } = context
  const seconds = context.prices.ofItem
  const partition = partitionSeconds(seconds, shardCount)
  let loads = partition.loads
  let bound = lowerBoundOfSeconds(seconds, shardCount)
  const fileBound = bound
  if (context.granularity === 'test') {
    const setup = (file: string) => context.model.setupByFile.get(file) ?? 0
    // Single tests of one file in one shard pay the file's setup once per shard.
    loads = partition.shards.map((shard, i) => {
      const files = new Set(shard.map((item) => fileOfId(items[item] ?? '')))
      return (loads[i] ?? 0) + sum([...files].map(setup))
    })
    bound = testLowerBound(items, seconds, setup, shardCount)
  }
  return {
    splitFiles: [],
    shardCount,
    loads,
    items: () => {
      // One pass over the sorted items deals each to its shard: every list comes out sorted.
      const shardOf = new Int32Array(items.length)
      partition.shards.forEach((shard, s) => {
        for (const item of shard) shardOf[item] = s
      })
      const lists = partition.shards.map((): string[] => [])
      items.forEach((id, item) => lists[shardOf[item] ?? 0]?.push(id))
      return lists
    },
    longest: () =>
      partition.shards.map((shard) =>
        shard.reduce((m, item) => Math.max(m, seconds[item] ?? 0), 0),
      ),
    totalSeconds: sum(seconds),
    makespan: Math.max(0, ...loads),
    lowerBound: bound,
    fileLowerBound: fileBound,
  }
}

/** The items laid out over `shardCount` shards. */
export function layoutAt(context: UnitContext, shardCount: number): Layout {
  if (context.granularity !== 'auto') return layoutOfItems(context, shardCount)
  const { units, splitFiles } = buildUnits(context, shardCount)
  const partition = partitionUnits(units, shardCount)
  const wholeFiles = (): Unit[] =>
    [...context.byFile].map(([file, ids]) => ({
      id: file,
      seconds: fileSeconds(context, file, ids),
    }))
  return {
    splitFiles,
    shardCount,
    loads: partition.loads,
    items: () => partition.shards.map((shard) => shard.flatMap((u) => u.items).sort()),
    longest: () =>
      partition.shards.map((shard) => shard.reduce((m, u) => Math.max(m, u.seconds), 0)),
    totalSeconds: totalOf(units),
    makespan: Math.max(0, ...partition.loads),
    lowerBound: lowerBound(units, shardCount),
    fileLowerBound: lowerBound(wholeFiles(), shardCount),
  }
}

/**
 * The smallest shard count up to `maxCount` whose predicted wall time (makespan / workers +
 * overhead) meets the target; if none does, the smallest count that gets within 1% of the best
 * reachable wall time.
 */
export function chooseShardCount(
  context: UnitContext,
  target: {
    readonly targetSeconds: number
    readonly maxCount: number
    readonly overheadSeconds: number
    readonly workers: number
  },
): Layout {
  const cap = target.maxCount
  const cache = new Map<number, Layout>()
  const at = (k: number): Layout => {
    let layout = cache.get(k)
    if (!layout) {
      layout = layoutAt(context, k)
      cache.set(k, layout)
    }
    return layout
  }
  const meets = (k: number) =>
    at(k).makespan / target.workers + target.overheadSeconds <= target.targetSeconds
  if (meets(cap)) {
    // Makespan falls (nearly) monotonically with the shard count: binary search, then make
    // sure the count just below does not also meet the target.
    let lo = 1
    let hi = cap
    while (lo < hi) {
      const mid = (lo + hi) >> 1
      if (meets(mid)) hi = mid
      else lo = mid + 1
    }
    while (lo > 1 && meets(lo - 1)) lo--
    return at(lo)
  }
  const best = at(cap).makespan
  let lo = 1
  let hi = cap
  while (lo < hi) {
    const mid = (lo + hi) >> 1
    if (at(mid).makespan <= best * 1.01) hi = mid
    else lo = mid + 1
  }
  return at(lo)
}
