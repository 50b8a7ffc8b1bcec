import { MAX_DURATION_SECONDS } from './duration.js'
import { fileOfId, isDangerousKey } from './ids.js'
import type { ShardResult } from './shard-result.js'

/**
 * Shardwise's timings store: what past runs measured, smoothed. `plan` reads it like any
 * other timings file; `test` (and later `combine`) write it back after each run.
 */
export interface StoreEntry {
  readonly seconds: number
  /** How many runs have timed this id. */
  readonly runs: number
  /** When it was last timed (ISO 8601). */
  readonly lastSeen: string
  /** The store's run number when it was last timed: entries unseen for long are pruned. */
  readonly lastRun?: number
  /** Tests only: one letter per recent run, oldest first — `p` passed, `f` failed, `k` flaky. */
  readonly outcomes?: string
}

export interface TimingStore {
  readonly version: 1
  readonly tool: 'shardwise'
  readonly updatedAt: string
  readonly runs: number
  readonly files: Readonly<Record<string, StoreEntry>>
  readonly tests: Readonly<Record<string, StoreEntry>>
  /** Per-shard start-up (runner boot, transforms) before the first test. */
  readonly shardSetupSeconds: StoreEntry | undefined
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
    files: {},
    tests: {},
    shardSetupSeconds: undefined,
  }
}

/** Runs an entry may go untimed before it is pruned (a deleted or renamed test). */
export const PRUNE_AFTER_RUNS = 30
/** The most tests and files a store keeps; the longest unseen go first. */
export const MAX_ENTRIES = 250_000
/** Outcome letters kept per test. */
export const OUTCOME_HISTORY = 30

/** What one run measured, from complete shards only. */
export interface RunMeasurement {
  readonly files: ReadonlyMap<string, number>
  readonly tests: ReadonlyMap<string, number>
  /** One letter per test for this run: `p` passed, `f` failed, `k` flaky. */
  readonly outcomes: ReadonlyMap<string, 'p' | 'f' | 'k'>
  readonly shardSetupSeconds: readonly number[]
}

/**
 * Collects the durations of a run from its shard results: each test's first attempt (retries
 * run in a warm process and are not representative), each file as the sum of its tests.
 * Incomplete shards contribute nothing: a killed shard's numbers are cut short.
 */
export function measureRun(results: readonly ShardResult[]): RunMeasurement {
  const tests = new Map<string, number>()
  const files = new Map<string, number>()
  const outcomes = new Map<string, 'p' | 'f' | 'k'>()
  const setups: number[] = []
  // Shard order fixed, so sums of a test reported twice do not depend on arrival order.
  const ordered = [...results].sort(
    (a, b) => a.shard.index - b.shard.index || a.attempt - b.attempt,
  )
  for (const result of ordered) {
    if (!result.complete || result.status === 'empty') continue
    setups.push(result.setupSeconds)
    for (const [id, record] of Object.entries(result.tests)) {
      if (record.verdict !== 'skipped' && id !== fileOfId(id)) {
        outcomes.set(id, record.verdict === 'passed' ? 'p' : record.verdict === 'flaky' ? 'k' : 'f')
      }
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
      if (id !== fileOfId(id)) tests.set(id, (tests.get(id) ?? 0) + first.seconds)
      const file = fileOfId(id)
      files.set(file, (files.get(file) ?? 0) + first.seconds)
    }
  }
  return { files, tests, outcomes, shardSetupSeconds: setups }
}

function mergeSection(
  previous: Readonly<Record<string, StoreEntry>>,
  measured: ReadonlyMap<string, number>,
  outcomes: ReadonlyMap<string, string>,
  now: string,
  run: number,
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
        : smooth(old, seconds, now)
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
  const setups = [...run.shardSetupSeconds].sort((a, b) => a - b)
  const setup = setups.length > 0 ? setups[setups.length >> 1] : undefined
  const number = store.runs + 1
  const tests = bound(mergeSection(store.tests, run.tests, run.outcomes, now, number), MAX_ENTRIES)
  const files = bound(mergeSection(store.files, run.files, new Map(), now, number), MAX_ENTRIES)
  return {
    version: 1,
    tool: 'shardwise',
    updatedAt: now,
    runs: number,
    files,
    tests,
    shardSetupSeconds:
      setup === undefined ? store.shardSetupSeconds : smooth(store.shardSetupSeconds, setup, now),
  }
}

/** Reads a store from parsed JSON, or `undefined` when it is not a version-1 store. */
export function storeFromJson(data: unknown): TimingStore | undefined {
  if (typeof data !== 'object' || data === null) return undefined
  const record = data as Record<string, unknown>
  if (record.version !== 1 || record.tool !== 'shardwise') return undefined
  const section = (value: unknown): Record<string, StoreEntry> => {
    const out: Record<string, StoreEntry> = Object.create(null) as Record<string, StoreEntry>
    if (typeof value !== 'object' || value === null) return out
    for (const [id, entry] of Object.entries(value)) {
      if (typeof entry !== 'object' || entry === null) continue
      const e = entry as Record<string, unknown>
      if (typeof e.seconds !== 'number' || !Number.isFinite(e.seconds) || e.seconds < 0) continue
      const outcomes =
        typeof e.outcomes === 'string' && /^[pfk]*$/.test(e.outcomes)
          ? e.outcomes.slice(-OUTCOME_HISTORY)
          : undefined
      out[id] = {
        seconds: Math.min(e.seconds, MAX_DURATION_SECONDS),
        runs: typeof e.runs === 'number' && e.runs >= 1 ? Math.floor(e.runs) : 1,
        lastSeen: typeof e.lastSeen === 'string' ? e.lastSeen.slice(0, 40) : '',
        ...(typeof e.lastRun === 'number' && Number.isInteger(e.lastRun)
          ? { lastRun: e.lastRun }
          : {}),
        ...(outcomes === undefined ? {} : { outcomes }),
      }
    }
    return out
  }
  const setup = section({ s: record.shardSetupSeconds }).s
  return {
    version: 1,
    tool: 'shardwise',
    updatedAt: typeof record.updatedAt === 'string' ? record.updatedAt : '',
    runs: typeof record.runs === 'number' ? record.runs : 0,
    files: section(record.files),
    tests: section(record.tests),
    shardSetupSeconds: setup,
  }
}
