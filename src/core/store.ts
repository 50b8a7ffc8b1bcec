import {
  fileSpan,
  fitRun,
  modelLowerBound,
  type CostModel,
  type ShardObservation,
} from './cost-model.js'
import { fileOfId, isDangerousKey, isTestId } from './ids.js'
import type { ShardResult, TestVerdict } from './shard-result.js'
import { DecodeError } from './contracts/schema.js'
import {
  COST_MODEL,
  OUTCOME_HISTORY,
  decodeStore,
  type StoreEntry,
  type TimingStore,
} from './contracts/store.js'

/**
 * Shardwise's timings store: what past runs measured, smoothed. `plan` reads it like any
 * other timings file; `test` and `combine` write it back after each run. Its shape, and its
 * decoding from JSON, is its contract: contracts/store.ts.
 *
 * `files` holds each file's own wall cost (environment, imports, collection, hooks and tests,
 * as the runner timed it), `tests` each test's duration, and the three per-shard terms of the
 * cost model (`cost-model.ts`): start-up, first-file warm-up and workers.
 */
export {
  COST_MODEL,
  OUTCOME_HISTORY,
  type StoreEntry,
  type TimingStore,
} from './contracts/store.js'

/** The cost model a store has learned, where it has learned one. */
export function storeCostModel(store: TimingStore | undefined): CostModel | undefined {
  if (store?.shardSetupSeconds === undefined || store.costModel !== COST_MODEL) return undefined
  return {
    startupSeconds: store.shardSetupSeconds.seconds,
    warmupSeconds: store.warmupSeconds?.seconds ?? 0,
    workers: store.workers?.seconds ?? 1,
  }
}

/** Weight of the newest run in the moving average: recent enough to follow real change. */
export const SMOOTHING = 0.3
/** A single run may pull an estimate up at most this many times its old value. */
export const MAX_STEP_RATIO = 3

/**
 * One step of the moving average. The first runs are averaged plainly (no old value to
 * trust yet); later, each run moves the estimate by SMOOTHING of the difference, and a run
 * more than MAX_STEP_RATIO times slower (a hung test, a cold cache) counts as only that much,
 * so one bad run cannot wreck the next plan.
 */
export function smooth(previous: StoreEntry | undefined, seconds: number, now: string): StoreEntry {
  if (!previous || !(previous.seconds > 0)) return { seconds, runs: 1, lastSeen: now }
  const capped = Math.min(seconds, previous.seconds * MAX_STEP_RATIO)
  const weight = previous.runs < 3 ? 1 / (previous.runs + 1) : SMOOTHING
  return {
    seconds: previous.seconds + weight * (capped - previous.seconds),
    runs: previous.runs + 1,
    lastSeen: now,
  }
}

export function emptyStore(now: string): TimingStore {
  return {
    version: 1,
    tool: 'shardwise',
    updatedAt: now,
    runs: 0,
    costModel: COST_MODEL,
    files: {},
    tests: {},
    shardSetupSeconds: undefined,
  }
}

/** Runs an entry may go untimed before it is pruned (a deleted or renamed test). */
export const PRUNE_AFTER_RUNS = 30
/** The most tests and files a store keeps; the longest unseen go first. */
export const MAX_ENTRIES = 250_000

/** A verdict's letter in a test's outcome history (skips, expected failures: none). */
const OUTCOME_LETTER: Readonly<Record<TestVerdict, 'p' | 'f' | 'k' | undefined>> = {
  passed: 'p',
  xpassed: 'p',
  flaky: 'k',
  failed: 'f',
  skipped: undefined,
  xfailed: undefined,
}

/** What one run measured, from complete shards only. */
export interface RunMeasurement {
  /** Each file's wall cost (the runner's own timing, or its tests plus a share of overhead). */
  readonly files: ReadonlyMap<string, number>
  readonly tests: ReadonlyMap<string, number>
  /** One letter per test for this run: `p` passed, `f` failed, `k` flaky. */
  readonly outcomes: ReadonlyMap<string, 'p' | 'f' | 'k'>
  /** The per-shard terms this run identified (undefined where it could not). */
  readonly startupSeconds: number | undefined
  readonly warmupSeconds: number | undefined
  readonly workers: number | undefined
}

/**
 * What one shard's first attempt measured, for the cost model: its wall time without retries
 * and, per file, the runner's own timing and the file's tests' time.
 */
export function observeShard(result: ShardResult): ShardObservation {
  const timing = result.timing
  const testSeconds = new Map<string, number>()
  for (const [id, record] of Object.entries(result.tests)) {
    const first = record.attempts[0]
    if (!first || first.status === 'skipped' || first.seconds === undefined) continue
    const file = fileOfId(id)
    testSeconds.set(file, (testSeconds.get(file) ?? 0) + first.seconds)
  }
  const files = [
    ...new Set([...result.items.map(fileOfId), ...Object.values(result.tests).map((t) => t.file)]),
  ].sort()
  return {
    wallSeconds: timing
      ? Math.max(0, result.wallSeconds - timing.laterAttemptsSeconds)
      : result.setupSeconds + result.testSeconds,
    files: files.map((file) => {
      const own = timing && Object.hasOwn(timing.files, file) ? timing.files[file] : undefined
      return {
        file,
        seconds: own?.seconds,
        start: own?.start,
        testSeconds: testSeconds.get(file) ?? 0,
      }
    }),
  }
}

/**
 * Collects the durations of a run from its shard results: each test's first attempt (retries
 * run in a warm process and are not representative), each file's wall cost and the per-shard
 * terms from the cost model. Incomplete shards contribute nothing: a killed shard's numbers are
 * cut short. A file split over several shards (test granularity) costs the sum of its parts
 * less the setup every part but one paid.
 */
export function measureRun(results: readonly ShardResult[], prior?: CostModel): RunMeasurement {
  const tests = new Map<string, number>()
  const outcomes = new Map<string, 'p' | 'f' | 'k'>()
  // Shard order fixed, so sums of a test reported twice do not depend on arrival order.
  const ordered = [...results]
    .filter((result) => result.complete && result.status !== 'empty')
    .sort((a, b) => a.shard.index - b.shard.index || a.attempt - b.attempt)
  for (const result of ordered) {
    for (const [id, record] of Object.entries(result.tests)) {
      const letter = OUTCOME_LETTER[record.verdict]
      if (letter !== undefined && isTestId(id)) outcomes.set(id, letter)
      const first = record.attempts[0]
      if (
        !first ||
        first.status === 'skipped' ||
        first.seconds === undefined ||
        !(first.seconds > 0)
      )
        continue
      if (isDangerousKey(id)) continue
      // A generic command's outcome per file is the file itself, not a test.
      if (isTestId(id)) tests.set(id, (tests.get(id) ?? 0) + first.seconds)
    }
  }
  const fit = fitRun(ordered.map(observeShard), prior)
  const files = new Map([...fit.fileCosts].filter(([file]) => !isDangerousKey(file)))
  return {
    files,
    tests,
    outcomes,
    startupSeconds: fit.startupSeconds,
    warmupSeconds: fit.warmupSeconds,
    workers: fit.workers,
  }
}

/** What a run's shards took, and what one job would have taken, for the report. */
export interface RunTime {
  /** The longest shard: the run's wall time on CI, where every shard has a job of its own. */
  readonly makespanSeconds: number
  readonly meanShardSeconds: number
  /** Shards that ran (had items and reported). */
  readonly shards: number
  /** One job running every file: measured (a one-shard run) or estimated from this run. */
  readonly serialSeconds: number
  readonly serialBasis: 'measured' | 'estimated'
  /** The start-up plus warm-up one shard pays, as fitted to this run. */
  readonly overheadSeconds: number
  /** The sum of the files' costs (the work without start-ups) and the longest file. */
  readonly workSeconds: number
  readonly longestFileSeconds: number
  readonly workers: number
  /** Per shard index: its wall time outside its files (start-up, warm-up, reporting). */
  readonly startupByShard: Readonly<Record<number, number>>
  /**
   * No split of this run's files into `shards` shards can have a shorter longest shard, under
   * the cost model fitted to this run (start-up, warm-up, file costs, workers).
   */
  readonly lowerBoundSeconds: number
}

/**
 * Times a run from its shard results. One job's time is estimated as the sum of the files'
 * costs plus a single start-up — not the sum of the shards' times, which pays the start-up
 * once per shard.
 */
export function runTime(results: readonly ShardResult[], prior?: CostModel): RunTime | undefined {
  const ran = results.filter((r) => r.status !== 'empty' && r.items.length > 0)
  if (ran.length === 0) return undefined
  const walls = ran.map((r) => r.wallSeconds)
  const makespanSeconds = Math.max(...walls)
  const meanShardSeconds = walls.reduce((t, w) => t + w, 0) / walls.length
  const complete = ran.filter((r) => r.complete)
  const fit = fitRun(complete.map(observeShard), prior)
  const model: CostModel = {
    startupSeconds: fit.startupSeconds ?? prior?.startupSeconds ?? 0,
    warmupSeconds: fit.warmupSeconds ?? prior?.warmupSeconds ?? 0,
    workers: fit.workers ?? prior?.workers ?? 1,
  }
  const costs = [...fit.fileCosts.values()]
  const work = costs.reduce((t, c) => t + c, 0)
  const longest = costs.reduce((m, c) => Math.max(m, c), 0)
  const overheadSeconds = model.startupSeconds + model.warmupSeconds
  const measured = ran.length === 1 && complete.length === 1
  const startupByShard: Record<number, number> = {}
  for (const result of complete) {
    const observation = observeShard(result)
    if (!observation.files.every((f) => f.seconds !== undefined)) continue
    startupByShard[result.shard.index] = Math.max(
      0,
      observation.wallSeconds - fileSpan(observation.files),
    )
  }
  return {
    makespanSeconds,
    meanShardSeconds,
    shards: ran.length,
    serialSeconds: measured
      ? makespanSeconds
      : overheadSeconds + Math.max(longest, work / Math.max(0.5, model.workers)),
    serialBasis: measured ? 'measured' : 'estimated',
    overheadSeconds,
    workSeconds: work,
    longestFileSeconds: longest,
    workers: model.workers,
    startupByShard,
    lowerBoundSeconds: modelLowerBound(model, work, longest, ran.length),
  }
}

function mergeSection(
  previous: Readonly<Record<string, StoreEntry>>,
  measured: ReadonlyMap<string, number>,
  outcomes: ReadonlyMap<string, string>,
  now: string,
  run: number,
  replace = false,
): Record<string, StoreEntry> {
  const out: Record<string, StoreEntry> = Object.create(null) as Record<string, StoreEntry>
  for (const [id, entry] of Object.entries(previous)) {
    // Unseen for PRUNE_AFTER_RUNS runs: deleted or renamed. Stores from before run numbers
    // were kept have no lastRun; they age from now on.
    if (entry.lastRun !== undefined && run - entry.lastRun > PRUNE_AFTER_RUNS) continue
    out[id] = entry
  }
  const ids = new Set([...measured.keys(), ...outcomes.keys()])
  for (const id of [...ids].sort()) {
    const old = Object.hasOwn(out, id) ? out[id] : undefined
    const seconds = measured.get(id)
    const base: StoreEntry =
      seconds === undefined
        ? (old ?? { seconds: 0, runs: 0, lastSeen: now })
        : smooth(replace ? undefined : old, seconds, now)
    const letter = outcomes.get(id)
    const history =
      letter === undefined
        ? old?.outcomes
        : `${old?.outcomes ?? ''}${letter}`.slice(-OUTCOME_HISTORY)
    if (base.seconds <= 0 && history === undefined) continue
    out[id] = { ...base, lastRun: run, ...(history === undefined ? {} : { outcomes: history }) }
  }
  return out
}

/** Keeps at most `limit` entries, dropping those unseen the longest (then by id). */
function bound(section: Record<string, StoreEntry>, limit: number): Record<string, StoreEntry> {
  const ids = Object.keys(section)
  if (ids.length <= limit) return section
  const keep = ids
    .sort((a, b) => (section[b]?.lastRun ?? 0) - (section[a]?.lastRun ?? 0) || (a < b ? -1 : 1))
    .slice(0, limit)
  const out: Record<string, StoreEntry> = Object.create(null) as Record<string, StoreEntry>
  for (const id of keep.sort()) {
    const entry = section[id]
    if (entry) out[id] = entry
  }
  return out
}

/** Folds one run into the store. The result does not depend on the order of shards. */
export function mergeRun(store: TimingStore, run: RunMeasurement, now: string): TimingStore {
  const number = store.runs + 1
  const tests = bound(mergeSection(store.tests, run.tests, run.outcomes, now, number), MAX_ENTRIES)
  // File entries of a store from before per-file costs hold test sums: replaced, not averaged.
  const stale = store.costModel !== COST_MODEL
  const files = bound(
    mergeSection(store.files, run.files, new Map(), now, number, stale),
    MAX_ENTRIES,
  )
  const term = (old: StoreEntry | undefined, value: number | undefined) =>
    value === undefined
      ? stale
        ? undefined
        : old
      : smoothTerm(stale ? undefined : old, value, now)
  return {
    version: 1,
    tool: 'shardwise',
    updatedAt: now,
    runs: number,
    costModel: COST_MODEL,
    files,
    tests,
    shardSetupSeconds: term(store.shardSetupSeconds, run.startupSeconds),
    warmupSeconds: term(store.warmupSeconds, run.warmupSeconds),
    workers: term(store.workers, run.workers),
  }
}

/** Like `smooth`, for a term that may be 0 (a runner with no warm-up). */
function smoothTerm(previous: StoreEntry | undefined, seconds: number, now: string): StoreEntry {
  if (!previous) return { seconds, runs: 1, lastSeen: now }
  const weight = previous.runs < 3 ? 1 / (previous.runs + 1) : SMOOTHING
  const capped =
    previous.seconds > 0 ? Math.min(seconds, previous.seconds * MAX_STEP_RATIO) : seconds
  return {
    seconds: previous.seconds + weight * (capped - previous.seconds),
    runs: previous.runs + 1,
    lastSeen: now,
  }
}

/** Reads a store from parsed JSON, or `undefined` when it is not a version-1 store. */
export function storeFromJson(data: unknown): TimingStore | undefined {
  try {
    return decodeStore(data)
  } catch (error) {
    if (error instanceof DecodeError) return undefined
    throw error
  }
}
