import { fileOfId, isTestId } from './ids.js'
import { ExactSum, median } from './stats.js'

/** What an unknown item's estimate was learned from. */
export type EstimateBasis = 'same-file' | 'directory' | 'size' | 'default'

export interface Estimate {
  readonly seconds: number
  readonly basis: EstimateBasis
}

export interface EstimateInput {
  /** Items with history: id → seconds (> 0). */
  readonly known: ReadonlyMap<string, number>
  /** Items to estimate. */
  readonly unknown: readonly string[]
  /** File sizes in bytes, where the files exist on disk. */
  readonly sizes?: ReadonlyMap<string, number>
}

/** What an item with nothing to learn from is assumed to take. */
export const DEFAULT_SECONDS = 1
/** The shortest estimate handed out, so that no item is ever planned as free. */
export const MIN_ESTIMATE_SECONDS = 0.001
/**
 * How far a group's mean is pulled toward its parent's: as if the parent had lent the group this
 * many items at its own mean. A group of one item is then a third its own and two thirds its
 * parent; a directory of twenty is 91 % its own. Any weight from 1 to 5 does about equally
 * well on the real suites of the benchmark (`npm run bench`, section 4); 2 is in the middle.
 */
export const PRIOR_WEIGHT = 2
/** Sized files a group needs before seconds-per-byte is learned from it. */
const MIN_SIZED = 3

/**
 * Group keys from the most to the least specific: a test first looks at the other tests of its
 * file, then every item looks at its directory, its parent directory… and finally everything.
 * Tests and files form separate trees: a test takes a fraction of its file's time.
 */
function groupKeys(id: string): string[] {
  const keys: string[] = []
  const file = fileOfId(id)
  if (isTestId(id)) keys.push(`${file}::`)
  const kind = isTestId(id) ? 't:' : 'f:'
  let dir = file
  for (;;) {
    const slash = dir.lastIndexOf('/')
    if (slash < 0) break
    dir = dir.slice(0, slash)
    keys.push(`${kind}${dir}/`)
  }
  keys.push(kind)
  return keys
}

interface Group {
  /** The next broader group; `undefined` for a root ("every file", "every test"). */
  readonly parent: string | undefined
  count: number
  readonly seconds: ExactSum
  min: number
  max: number
  sizedCount: number
  readonly sizedSeconds: ExactSum
  readonly sizedBytes: ExactSum
}

/**
 * Estimates the items that have no usable history by their *expected* duration, since a shard's
 * time is the sum of its items: an estimate that is right on average keeps every shard's sum
 * right on average, while a typical-value estimate (the median) is biased low on long-tailed
 * suites and under-fills the shards that hold new items.
 *
 * The expected value is the mean of the item's nearest group (the other tests of its file, its
 * directory, its parent directory… everything), shrunk toward the estimate of the next broader
 * group as far as the group is small (`PRIOR_WEIGHT`): a directory of three files is not trusted
 * as much as one of three hundred, and no fixed member count decides. Where file sizes are
 * known, the nearest group with `MIN_SIZED` sized files gives seconds per byte (its total time
 * over its total bytes), times the item's size, kept within the group's range. With no history
 * at all, sizes alone give relative weights around `DEFAULT_SECONDS`.
 *
 * Sums are exact, so the estimates do not depend on the order of `known`.
 */
export function estimateDurations(input: EstimateInput): Map<string, Estimate> {
  const groups = new Map<string, Group>()
  for (const [id, seconds] of input.known) {
    if (!(seconds > 0)) continue
    const size = isTestId(id) ? undefined : input.sizes?.get(id)
    const keys = groupKeys(id)
    for (let i = 0; i < keys.length; i++) {
      const key = keys[i] ?? ''
      let group = groups.get(key)
      if (!group) {
        group = {
          parent: keys[i + 1],
          count: 0,
          seconds: new ExactSum(),
          min: Infinity,
          max: 0,
          sizedCount: 0,
          sizedSeconds: new ExactSum(),
          sizedBytes: new ExactSum(),
        }
        groups.set(key, group)
      }
      group.count++
      group.seconds.add(seconds)
      if (seconds < group.min) group.min = seconds
      if (seconds > group.max) group.max = seconds
      if (size !== undefined && size > 0) {
        group.sizedCount++
        group.sizedSeconds.add(seconds)
        group.sizedBytes.add(size)
      }
    }
  }

  const shrunk = new Map<string, number>()
  const meanOf = (key: string): number => {
    const cached = shrunk.get(key)
    if (cached !== undefined) return cached
    const group = groups.get(key)
    if (!group) return NaN
    const total = group.seconds.value()
    const mean =
      group.parent === undefined
        ? total / group.count
        : (total + PRIOR_WEIGHT * meanOf(group.parent)) / (group.count + PRIOR_WEIGHT)
    shrunk.set(key, mean)
    return mean
  }

  const sizes = [...(input.sizes?.values() ?? [])].filter((s) => s > 0)
  const medianSize = sizes.length > 0 ? median(sizes) : undefined

  const out = new Map<string, Estimate>()
  for (const id of input.unknown) {
    const size = isTestId(id) ? undefined : input.sizes?.get(id)
    const keys = groupKeys(id)
    let estimate: Estimate | undefined
    if (size !== undefined && size > 0) {
      const key = keys.find((k) => (groups.get(k)?.sizedCount ?? 0) >= MIN_SIZED)
      const group = key === undefined ? undefined : groups.get(key)
      if (group) {
        const rate = group.sizedSeconds.value() / group.sizedBytes.value()
        const seconds = Math.min(group.max, Math.max(group.min, rate * size))
        estimate = { seconds, basis: 'size' }
      }
    }
    if (!estimate) {
      const key = keys.find((k) => groups.has(k))
      if (key !== undefined) {
        estimate = {
          seconds: meanOf(key),
          basis: key.endsWith('::') ? 'same-file' : 'directory',
        }
      }
    }
    if (!estimate) {
      const seconds =
        size !== undefined && size > 0 && medianSize !== undefined
          ? (DEFAULT_SECONDS * size) / medianSize
          : DEFAULT_SECONDS
      estimate = { seconds, basis: 'default' }
    }
    out.set(id, { ...estimate, seconds: Math.max(MIN_ESTIMATE_SECONDS, estimate.seconds) })
  }
  return out
}
