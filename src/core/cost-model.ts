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
  /** Each file's cost as measured, plus its share of the time between files. */
  readonly seconds: ReadonlyMap<string, number>
  /** The files each worker started with (empty where the runner gave no start times). */
  readonly first: ReadonlySet<string>
  readonly spanSeconds: number
  readonly warmupSeconds: number | undefined
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

/**
 * Puts timed files back on the workers that ran them: each file goes to the worker that became
 * free last before it started. Returns, per file, the idle time before it on its worker
 * (`undefined` for a worker's first file).
 */
function workerGaps(
  files: readonly (FileObservation & { seconds: number; start: number })[],
): Map<string, number | undefined> {
  const gaps = new Map<string, number | undefined>()
  const ends: number[] = []
  const ordered = [...files].sort((a, b) => a.start - b.start || (a.file < b.file ? -1 : 1))
  for (const f of ordered) {
    // A millisecond of slack: runners stamp times in whole milliseconds.
    let best = -1
    for (let w = 0; w < ends.length; w++) {
      const end = ends[w] ?? 0
      if (end <= f.start + 0.001 && (best < 0 || end > (ends[best] ?? 0))) best = w
    }
    if (best < 0) {
      gaps.set(f.file, undefined)
      ends.push(f.start + f.seconds)
    } else {
      gaps.set(f.file, Math.max(0, f.start - (ends[best] ?? 0)))
      ends[best] = f.start + f.seconds
    }
  }
  return gaps
}

/**
 * One shard whose runner timed every file. Runners time a file from some point of their own
 * (Jest from after the environment is built); the time a worker spends between two files goes
 * to the file that follows, and a worker's first file is given the shard's typical gap. The
 * start-up is then what remains outside the files' span.
 */
function directShard(observation: ShardObservation): DirectShard {
  const { files } = observation
  const stamped = files.filter(
    (f): f is FileObservation & { seconds: number; start: number } =>
      f.seconds !== undefined && f.start !== undefined,
  )
  const seconds = new Map<string, number>()
  let first = new Set<string>()
  let spanSeconds: number
  if (stamped.length === files.length && stamped.length > 0) {
    const gaps = workerGaps(stamped)
    const known = [...gaps.values()].filter((g): g is number => g !== undefined)
    const typical = known.length > 0 ? median(known) : 0
    first = new Set([...gaps].filter(([, g]) => g === undefined).map(([file]) => file))
    for (const f of stamped) seconds.set(f.file, f.seconds + (gaps.get(f.file) ?? typical))
    spanSeconds = fileSpan(files) + typical
  } else {
    for (const f of files) seconds.set(f.file, f.seconds ?? 0)
    spanSeconds = fileSpan(files)
  }
  // A first file's overhead beyond what the shard's other files typically pay: the warm-up.
  // It needs a few other files to compare with; a shard of one or two files tells nothing.
  const overhead = (f: FileObservation) => Math.max(0, (seconds.get(f.file) ?? 0) - f.testSeconds)
  let warmupSeconds: number | undefined
  const others = files.filter((f) => !first.has(f.file))
  if (first.size > 0 && others.length >= 2) {
    const firsts = files.filter((f) => first.has(f.file)).map(overhead)
    warmupSeconds = sum(firsts) / firsts.length - median(others.map(overhead))
  }
  return { observation, seconds, first, spanSeconds, warmupSeconds }
}

/** A file's cost in one shard; a file split over several shards has several parts. */
interface FilePart {
  readonly file: string
  readonly cost: number
  readonly testSeconds: number
}

/** A shard whose runner timed its files, and the files it did not time (they had nothing to). */
type TimedShard = DirectShard & { readonly silent: readonly FileObservation[] }

/**
 * What the timed shards teach: each file's cost (a worker's first file less the warm-up), the
 * start-up outside the files' span, and how many files ran at once.
 */
function learnFromTimed(
  direct: readonly TimedShard[],
  warm: number,
): { parts: FilePart[]; startups: number[]; workers: number[] } {
  const parts: FilePart[] = []
  const startups: number[] = []
  const workers: number[] = []
  for (const d of direct) {
    const costs = d.observation.files.map((f) => {
      const seconds = d.seconds.get(f.file) ?? 0
      const cost = d.first.has(f.file) ? Math.max(f.testSeconds, seconds - warm) : seconds
      return { file: f.file, cost: Math.max(MIN_FILE_SECONDS, cost), testSeconds: f.testSeconds }
    })
    parts.push(...costs)
    // Silent files: the shard's typical overhead (their time sits between the others').
    const typical = median(costs.map((c) => Math.max(0, c.cost - c.testSeconds)))
    for (const f of d.silent)
      parts.push({ file: f.file, cost: Math.max(MIN_FILE_SECONDS, typical), testSeconds: 0 })
    startups.push(Math.max(0, d.observation.wallSeconds - d.spanSeconds))
    if (costs.length >= 2 && d.first.size > 0) {
      // Files run at once: the work done over the time it took, warm-up set apart.
      const time = d.spanSeconds - warm
      if (time > 0)
        workers.push(
          Math.min(MAX_WORKERS, Math.max(MIN_WORKERS, sum(costs.map((c) => c.cost)) / time)),
        )
    }
  }
  return { parts, startups, workers }
}

/**
 * What the shards with untimed files teach: each file its tests' time plus a share of a
 * per-file overhead, with the start-up as known (`startupSeconds`) or else fitted across the
 * shards as `wall = start-up + overhead × files + Σ tests` (returned as `fittedStartupSeconds`).
 */
function learnFromUntimed(
  indirect: readonly ShardObservation[],
  startupSeconds: number | undefined,
  warm: number,
): { parts: FilePart[]; fittedStartupSeconds: number | undefined } {
  const points = indirect.map((s) => {
    const unknown = s.files.filter((f) => f.seconds === undefined)
    const known = sum(s.files.filter((f) => f.seconds !== undefined).map((f) => f.seconds ?? 0))
    return {
      shard: s,
      count: unknown.length,
      rest: s.wallSeconds - known - sum(unknown.map((f) => f.testSeconds)),
    }
  })
  let fitted: number | undefined
  let perFile: number
  if (startupSeconds !== undefined) {
    const base = startupSeconds + warm
    perFile = median(points.map((p) => Math.max(0, (p.rest - base) / p.count)))
  } else {
    const fit = leastSquares(points.map((p) => [p.count, p.rest] as const))
    if (fit !== undefined && fit.slope >= 0 && fit.intercept >= 0) {
      fitted = fit.intercept
      perFile = fit.slope
    } else {
      // Not separable (one shard, or equal file counts): no start-up is known, so the files
      // carry the whole time. Charging a start-up to no one would hide it; this at least
      // keeps every shard's total right.
      fitted = 0
      perFile = median(points.map((p) => Math.max(0, p.rest / p.count)))
    }
  }
  const parts: FilePart[] = []
  for (const p of points) {
    for (const f of p.shard.files) {
      const cost = f.seconds ?? f.testSeconds + perFile
      parts.push({
        file: f.file,
        cost: Math.max(MIN_FILE_SECONDS, cost),
        testSeconds: f.testSeconds,
      })
    }
  }
  return { parts, fittedStartupSeconds: fitted }
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
  const nonEmpty = shards.filter((s) => s.files.length > 0)
  // A file without a time of its own and without tests (it crashed on import, or every test
  // was skipped) does not stop a shard from counting as timed; it gets the shard's typical
  // per-file overhead below.
  const silent = (f: FileObservation) => f.seconds === undefined && !(f.testSeconds > 0)
  const isDirect = (s: ShardObservation) =>
    s.files.some((f) => f.seconds !== undefined) &&
    s.files.every((f) => f.seconds !== undefined || silent(f))
  const direct = nonEmpty.filter(isDirect).map((s) => ({
    ...directShard({ ...s, files: s.files.filter((f) => !silent(f)) }),
    silent: s.files.filter(silent),
  }))
  const warmups = direct
    .map((d) => d.warmupSeconds)
    .filter((w): w is number => w !== undefined)
    .map((w) => Math.max(0, w))
  const warmupSeconds = warmups.length > 0 ? median(warmups) : undefined
  const warm = warmupSeconds ?? prior?.warmupSeconds ?? 0
  const timed = learnFromTimed(direct, warm)
  let startupSeconds = timed.startups.length > 0 ? median(timed.startups) : undefined
  const parts = timed.parts
  // Shards where some file has no time of its own: files get their tests' time plus a share
  // of a per-file overhead; the start-up is fitted or taken from what is known.
  const indirect = nonEmpty.filter((s) => !isDirect(s))
  if (indirect.length > 0) {
    const untimed = learnFromUntimed(indirect, startupSeconds ?? prior?.startupSeconds, warm)
    parts.push(...untimed.parts)
    if (untimed.fittedStartupSeconds !== undefined) startupSeconds = untimed.fittedStartupSeconds
  }
  return {
    fileCosts: wholeFiles(parts),
    startupSeconds,
    warmupSeconds,
    workers: timed.workers.length > 0 ? median(timed.workers) : undefined,
  }
}

/**
 * One cost per file. A file split over several shards (test granularity) cost the sum of its
 * parts, less the setup (part cost beyond its tests) every part but one paid again.
 */
function wholeFiles(parts: readonly FilePart[]): Map<string, number> {
  const byFile = new Map<string, { cost: number; testSeconds: number }[]>()
  for (const part of parts) {
    const list = byFile.get(part.file)
    if (list) list.push(part)
    else byFile.set(part.file, [part])
  }
  const out = new Map<string, number>()
  for (const [file, list] of byFile) {
    const total = sum(list.map((p) => p.cost))
    const setup = list.length > 1 ? median(list.map((p) => Math.max(0, p.cost - p.testSeconds))) : 0
    out.set(file, Math.max(MIN_FILE_SECONDS, total - (list.length - 1) * setup))
  }
  return out
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
