import { fileOfId, isTestId } from './ids.js'
import { median } from './stats.js'

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
  /** What an item of median size costs when nothing is known (default `DEFAULT_SECONDS`). */
  readonly defaultSeconds?: number
}

/** What an item with nothing to learn from is assumed to take. */
export const DEFAULT_SECONDS = 1
/** The shortest estimate handed out, so that no item is ever planned as free. */
export const MIN_ESTIMATE_SECONDS = 0.001
const MIN_GROUP = 3

/**
 * Group keys from the most to the least specific: a test first looks at the other tests of its
 * file, then every item looks at its directory, its parent directory… and finally everything.
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
  readonly seconds: number[]
  /** Seconds per byte of the items whose size is known. */
  readonly rates: number[]
}

/**
 * Estimates the items that have no usable history. Tests in one directory are alike far more
 * often than tests across a repository, so an unknown item takes the median of its nearest
 * group with enough members (other tests of the same file count from one member). Where the
 * file sizes of the group are known, the median seconds-per-byte of the group times the item's
 * size is used instead, clamped into the group's range, since a longer test file usually holds
 * more or longer tests. With no history at all, sizes alone give relative weights. The plain
 * mean, which most tools use, is pulled up by the few giant items and over-estimates nearly
 * every new file.
 */
export function estimateDurations(input: EstimateInput): Map<string, Estimate> {
  const groups = new Map<string, Group>()
  for (const [id, seconds] of input.known) {
    if (!(seconds > 0)) continue
    const size = input.sizes?.get(fileOfId(id))
    for (const key of groupKeys(id)) {
      let group = groups.get(key)
      if (!group) {
        group = { seconds: [], rates: [] }
        groups.set(key, group)
      }
      group.seconds.push(seconds)
      if (size !== undefined && size > 0 && !isTestId(id)) group.rates.push(seconds / size)
    }
  }
  const summaries = new Map<
    string,
    { median: number; min: number; max: number; rate: number | undefined }
  >()
  const summarize = (key: string, group: Group) => {
    let summary = summaries.get(key)
    if (!summary) {
      summary = {
        median: median(group.seconds),
        min: group.seconds.reduce((m, s) => Math.min(m, s), Infinity),
        max: group.seconds.reduce((m, s) => Math.max(m, s), 0),
        rate: group.rates.length >= MIN_GROUP ? median(group.rates) : undefined,
      }
      summaries.set(key, summary)
    }
    return summary
  }
  const sizes = [...(input.sizes?.values() ?? [])].filter((s) => s > 0)
  const medianSize = sizes.length > 0 ? median(sizes) : undefined

  const out = new Map<string, Estimate>()
  for (const id of input.unknown) {
    const size = isTestId(id) ? undefined : input.sizes?.get(id)
    let estimate: Estimate | undefined
    for (const key of groupKeys(id)) {
      const group = groups.get(key)
      const enough = key.endsWith('::') ? 1 : MIN_GROUP
      if (!group || group.seconds.length < enough) continue
      const summary = summarize(key, group)
      if (size !== undefined && size > 0 && summary.rate !== undefined) {
        const seconds = Math.min(summary.max, Math.max(summary.min, summary.rate * size))
        estimate = { seconds, basis: 'size' }
      } else {
        estimate = {
          seconds: summary.median,
          basis: key.endsWith('::') ? 'same-file' : 'directory',
        }
      }
      break
    }
    if (!estimate) {
      const base = input.defaultSeconds ?? DEFAULT_SECONDS
      const seconds =
        size !== undefined && size > 0 && medianSize !== undefined
          ? (base * size) / medianSize
          : base
      estimate = { seconds, basis: 'default' }
    }
    out.set(id, {
      seconds: Math.max(MIN_ESTIMATE_SECONDS, estimate.seconds),
      basis: estimate.basis,
    })
  }
  return out
}
