import { fileOfId, isTestId } from './ids.js'
import { ExactSum, median } from './stats.js'

/** What an unknown item's estimate was learned from. */
export type EstimateBasis = 'same-file' | 'directory' | 'size' | 'default'

export interface Estimate {
  readonly seconds: number
  readonly basis: EstimateBasis
}

export interface EstimateInput {
  /** Items with history: id → seconds (> 0), in one map or several. */
  readonly known: ReadonlyMap<string, number> | readonly ReadonlyMap<string, number>[]
  /** Items to estimate. */
  readonly unknown: readonly string[]
  /** File sizes in bytes, where the files exist on disk. */
  readonly sizes?: ReadonlyMap<string, number>
  /** What an item of median size costs when nothing is known (default `DEFAULT_SECONDS`). */
  readonly defaultSeconds?: number
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
class GroupChains {
  /** The keys of a directory and every directory above it, for files or for tests. */
  private readonly directories = new Map<string, readonly string[]>()

  of(id: string): readonly string[] {
    const file = fileOfId(id)
    const test = isTestId(id)
    const slash = file.lastIndexOf('/')
    const directories = this.directoryChain(
      test ? 't:' : 'f:',
      slash < 0 ? undefined : file.slice(0, slash),
    )
    return test ? [`${file}::`, ...directories] : directories
  }

  private directoryChain(kind: string, dir: string | undefined): readonly string[] {
    if (dir === undefined) return [kind]
    const key = `${kind}${dir}/`
    let chain = this.directories.get(key)
    if (!chain) {
      const slash = dir.lastIndexOf('/')
      chain = [key, ...this.directoryChain(kind, slash < 0 ? undefined : dir.slice(0, slash))]
      this.directories.set(key, chain)
    }
    return chain
  }
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
 * The groups of the unknown items (and their broader groups) from the known items: the only
 * groups an estimate ever reads.
 */
function gatherGroups(input: EstimateInput, chains: GroupChains): Map<string, Group> {
  const needed = new Set<string>()
  for (const id of input.unknown) for (const key of chains.of(id)) needed.add(key)
  const groups = new Map<string, Group>()
  const knownMaps = 'get' in input.known ? [input.known] : input.known
  for (const known of knownMaps) {
    for (const [id, seconds] of known) {
      if (!(seconds > 0)) continue
      const keys = chains.of(id)
      if (!needed.has(keys[keys.length - 1] ?? '')) continue
      const size = isTestId(id) ? undefined : input.sizes?.get(id)
      for (let i = 0; i < keys.length; i++) {
        const key = keys[i] ?? ''
        if (!needed.has(key)) continue
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
  }
  return groups
}

/** A group's mean shrunk toward its parent's (`PRIOR_WEIGHT`), each computed once. */
function shrunkMeans(groups: ReadonlyMap<string, Group>): (key: string) => number {
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
  return meanOf
}

/**
 * One unknown item's estimate: seconds per byte of its nearest sized group where its size is
 * known, else the shrunk mean of its nearest group, else the default (scaled by size).
 */
function estimateOne(
  keys: readonly string[],
  size: number | undefined,
  groups: ReadonlyMap<string, Group>,
  meanOf: (key: string) => number,
  fallback: { readonly seconds: number; readonly medianSize: number | undefined },
): Estimate {
  if (size !== undefined && size > 0) {
    const key = keys.find((k) => (groups.get(k)?.sizedCount ?? 0) >= MIN_SIZED)
    const group = key === undefined ? undefined : groups.get(key)
    if (group) {
      const rate = group.sizedSeconds.value() / group.sizedBytes.value()
      return { seconds: Math.min(group.max, Math.max(group.min, rate * size)), basis: 'size' }
    }
  }
  const key = keys.find((k) => groups.has(k))
  if (key !== undefined)
    return { seconds: meanOf(key), basis: key.endsWith('::') ? 'same-file' : 'directory' }
  const seconds =
    size !== undefined && size > 0 && fallback.medianSize !== undefined
      ? (fallback.seconds * size) / fallback.medianSize
      : fallback.seconds
  return { seconds, basis: 'default' }
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
 * as much as one of three hundred, and no fixed group size decides. Where file sizes are
 * known, the nearest group with `MIN_SIZED` sized files gives seconds per byte (its total time
 * over its total bytes), times the item's size, kept within the group's range. With no history
 * at all, sizes alone give relative weights around `DEFAULT_SECONDS`.
 *
 * Sums are exact, so the estimates do not depend on the order of `known`.
 */
export function estimateDurations(input: EstimateInput): Map<string, Estimate> {
  const chains = new GroupChains()
  const groups = gatherGroups(input, chains)
  const meanOf = shrunkMeans(groups)
  const sizes = [...(input.sizes?.values() ?? [])].filter((s) => s > 0)
  const fallback = {
    seconds: input.defaultSeconds ?? DEFAULT_SECONDS,
    medianSize: sizes.length > 0 ? median(sizes) : undefined,
  }
  const out = new Map<string, Estimate>()
  for (const id of input.unknown) {
    const size = isTestId(id) ? undefined : input.sizes?.get(id)
    const estimate = estimateOne(chains.of(id), size, groups, meanOf, fallback)
    out.set(id, { ...estimate, seconds: Math.max(MIN_ESTIMATE_SECONDS, estimate.seconds) })
  }
  return out
}
