import { median, sum } from './stats.js'

/**
 * Where a shard's time goes. On real suites most of a test file's cost is outside its tests:
 * importing and transforming modules, collecting, building the test environment, hooks. So a
 * shard is modelled as
 *
 *     shard wall = start-up + warm-up + span(file costs)
 *     span       = max(longest file, Σ file costs / workers)
 *
 * - a **file cost** is the runner's own wall time for the file (environment, imports,
 *   collection, hooks and tests), learned per file;
 * - the **start-up** is what the shard's process pays before its first file starts and after
 *   its last one ends (runner boot, config, global setup, reporting), learned per suite;
 * - the **warm-up** is what the first file of each worker pays once (a compiler or transformer
 *   loading, ts-jest or babel: about 2 s), learned per suite and never charged to whichever file
 *   happened to run first;
 * - **workers** is how many files the runner runs at once inside one shard (an effective value:
 *   just under 1 when files run one after another with small gaps between them).
 */
export interface CostModel {
  readonly startupSeconds: number
  readonly warmupSeconds: number
  readonly workers: number
}

export const SERIAL_MODEL: CostModel = { startupSeconds: 0, warmupSeconds: 0, workers: 1 }

/** The fewest and most workers a fit may report (beyond these a measurement is noise). */
const MIN_WORKERS = 0.5
const MAX_WORKERS = 64

/** The wall time of a shard that runs files of these costs; 0 for an empty shard. */
export function predictShardSeconds(model: CostModel, fileCosts: readonly number[]): number {
  if (fileCosts.length === 0) return 0
  return model.startupSeconds + model.warmupSeconds + span(model, fileCosts)
}

/** The time from the first file's start to the last file's end, under the model. */
export function span(model: CostModel, fileCosts: readonly number[]): number {
  let total = 0
  let longest = 0
  for (const cost of fileCosts) {
    total += cost
    if (cost > longest) longest = cost
  }
  return Math.max(longest, total / Math.max(MIN_WORKERS, model.workers))
}

/**
 * The least any split of these files into `shards` shards can take for its longest shard, under
 * the model: no shard can be shorter than its start-up plus a fair share of the work, nor than
 * the longest single file.
 */
export function modelLowerBound(
  model: CostModel,
  totalSeconds: number,
  longestSeconds: number,
  shards: number,
): number {
  if (totalSeconds <= 0) return 0
  const share = totalSeconds / (Math.max(1, shards) * Math.max(MIN_WORKERS, model.workers))
  return model.startupSeconds + model.warmupSeconds + Math.max(longestSeconds, share)
}

/** What one shard's first attempt measured of one file. */
export interface FileObservation {
  readonly file: string
  /** The runner's own wall time for the file, where it reports one. */
  readonly seconds: number | undefined
  /** When the file started, in seconds after the shard's first file started, where known. */
  readonly start: number | undefined
  /** The sum of the file's test durations in that attempt. */
  readonly testSeconds: number
}

/** One shard's first attempt: its wall time and what it ran. */
export interface ShardObservation {
  /** Wall time of the shard without retries (process start to exit, our own work included). */
  readonly wallSeconds: number
  readonly files: readonly FileObservation[]
}

/** What one run teaches: a cost per file, and the per-shard terms where the run identifies them. */
export interface RunFit {
  readonly fileCosts: ReadonlyMap<string, number>
  readonly startupSeconds: number | undefined
  readonly warmupSeconds: number | undefined
  readonly workers: number | undefined
}

/** The least cost a file is given: a file always costs something. */
const MIN_FILE_SECONDS = 0.001

interface DirectShard {
  readonly observation: ShardObservation
  readonly first: ReadonlySet<string>
  readonly spanSeconds: number
  readonly warmupSeconds: number | undefined
}

/**
 * The files each worker started with: those that started before any file ended. Without start
 * times, unknown (empty).
 */
function firstFiles(files: readonly FileObservation[]): Set<string> {
  const timed = files.filter(
    (f): f is FileObservation & { seconds: number; start: number } =>
      f.seconds !== undefined && f.start !== undefined,
  )
  if (timed.length !== files.length || timed.length === 0) return new Set()
  let firstEnd = Infinity
  for (const f of timed) firstEnd = Math.min(firstEnd, f.start + f.seconds)
  // A millisecond of slack: runners stamp times in whole milliseconds.
  return new Set(timed.filter((f) => f.start < firstEnd - 0.001).map((f) => f.file))
}

function overhead(file: FileObservation): number {
  return Math.max(0, (file.seconds ?? 0) - file.testSeconds)
}

/**
 * The time from the first file's start to the last one's end: from the start times where the
 * runner stamped every file, else the files one after another.
 */
export function fileSpan(files: readonly FileObservation[]): number {
  if (files.length > 0 && files.every((f) => f.start !== undefined && f.seconds !== undefined)) {
    let start = Infinity
    let end = 0
    for (const f of files) {
      start = Math.min(start, f.start ?? 0)
      end = Math.max(end, (f.start ?? 0) + (f.seconds ?? 0))
    }
    return end - start
  }
  return sum(files.map((f) => f.seconds ?? 0))
}

function directShard(observation: ShardObservation): DirectShard {
  const { files } = observation
  const first = firstFiles(files)
  const spanSeconds = fileSpan(files)
  // A first file's overhead beyond what the shard's other files typically pay: the warm-up.
  // It needs a few other files to compare with; a shard of one or two files tells nothing.
  let warmupSeconds: number | undefined
  const others = files.filter((f) => !first.has(f.file))
  if (first.size > 0 && others.length >= 2) {
    const firsts = files.filter((f) => first.has(f.file)).map(overhead)
    warmupSeconds = sum(firsts) / firsts.length - median(others.map(overhead))
  }
  return { observation, first, spanSeconds, warmupSeconds }
}

/**
 * Learns from one run's shards. Shards whose runner timed every file (Jest, Vitest, node:test,
 * pytest, go test) give the file costs directly; the start-up is each shard's wall time outside
 * its files' span, and the warm-up the typical excess of a worker's first file over the other
 * files of its shard (medians across shards, so one file that is slow for its own reasons
 * does not pass for warm-up). Shards whose runner times only tests (Mocha, Playwright, a generic
 * command) give each file its tests' time plus an equal share of a per-file overhead, fitted
 * across shards as `wall = start-up + overhead × files + Σ tests` (least squares), or — where
 * the run cannot separate the two — with the start-up from `prior`.
 */
export function fitRun(shards: readonly ShardObservation[], prior: CostModel | undefined): RunFit {
  const fileCosts = new Map<string, number>()
  const nonEmpty = shards.filter((s) => s.files.length > 0)
  const direct = nonEmpty
    .filter((s) => s.files.every((f) => f.seconds !== undefined))
    .map(directShard)
  const warmups = direct
    .map((d) => d.warmupSeconds)
    .filter((w): w is number => w !== undefined)
    .map((w) => Math.max(0, w))
  const warmupSeconds = warmups.length > 0 ? median(warmups) : undefined
  const warm = warmupSeconds ?? prior?.warmupSeconds ?? 0

  const startups: number[] = []
  const workers: number[] = []
  for (const d of direct) {
    for (const f of d.observation.files) {
      const seconds = f.seconds ?? 0
      const cost = d.first.has(f.file) ? Math.max(f.testSeconds, seconds - warm) : seconds
      fileCosts.set(f.file, Math.max(MIN_FILE_SECONDS, cost))
    }
    startups.push(Math.max(0, d.observation.wallSeconds - d.spanSeconds))
    if (d.observation.files.length >= 2 && d.first.size > 0) {
      // Files run at once: the work done over the time it took, warm-up set apart.
      const work = sum(d.observation.files.map((f) => fileCosts.get(f.file) ?? 0))
      const time = d.spanSeconds - (d.first.size > 0 ? warm : 0)
      if (time > 0) workers.push(Math.min(MAX_WORKERS, Math.max(MIN_WORKERS, work / time)))
    }
  }
  let startupSeconds = startups.length > 0 ? median(startups) : undefined

  // Shards where some file has no time of its own: files get their tests' time plus a share
  // of a per-file overhead; the start-up is fitted or taken from what is known.
  const indirect = nonEmpty.filter((s) => s.files.some((f) => f.seconds === undefined))
  if (indirect.length > 0) {
    const points = indirect.map((s) => {
      const unknown = s.files.filter((f) => f.seconds === undefined)
      const known = sum(s.files.filter((f) => f.seconds !== undefined).map((f) => f.seconds ?? 0))
      return {
        shard: s,
        count: unknown.length,
        rest: s.wallSeconds - known - sum(unknown.map((f) => f.testSeconds)),
      }
    })
    let fixed = startupSeconds ?? prior?.startupSeconds
    let perFile: number
    if (fixed !== undefined) {
      const base = fixed + warm
      perFile = median(points.map((p) => Math.max(0, (p.rest - base) / p.count)))
    } else {
      const fit = leastSquares(points.map((p) => [p.count, p.rest] as const))
      if (fit !== undefined && fit.slope >= 0 && fit.intercept >= 0) {
        fixed = fit.intercept
        perFile = fit.slope
      } else {
        // Not separable (one shard, or equal file counts): no start-up is known, so the files
        // carry the whole time. Charging a start-up to no one would hide it; this at least
        // keeps every shard's total right.
        fixed = 0
        perFile = median(points.map((p) => Math.max(0, p.rest / p.count)))
      }
      startupSeconds = fixed
    }
    for (const p of points) {
      for (const f of p.shard.files) {
        if (f.seconds !== undefined) {
          if (!fileCosts.has(f.file)) fileCosts.set(f.file, Math.max(MIN_FILE_SECONDS, f.seconds))
          continue
        }
        fileCosts.set(f.file, Math.max(MIN_FILE_SECONDS, f.testSeconds + perFile))
      }
    }
  }
  return {
    fileCosts,
    startupSeconds,
    warmupSeconds,
    workers: workers.length > 0 ? median(workers) : undefined,
  }
}

/** `y = intercept + slope·x` by least squares; undefined when x does not vary. */
function leastSquares(
  points: readonly (readonly [number, number])[],
): { slope: number; intercept: number } | undefined {
  if (points.length < 2) return undefined
  const n = points.length
  const mx = sum(points.map((p) => p[0])) / n
  const my = sum(points.map((p) => p[1])) / n
  let sxx = 0
  let sxy = 0
  for (const [x, y] of points) {
    sxx += (x - mx) * (x - mx)
    sxy += (x - mx) * (y - my)
  }
  if (sxx === 0) return undefined
  const slope = sxy / sxx
  return { slope, intercept: my - slope * mx }
}
