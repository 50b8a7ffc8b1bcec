import { MAX_DURATION_SECONDS } from '../duration.js'
import {
  contract,
  lenientRecord,
  literal,
  map,
  matching,
  number,
  object,
  optional,
  orElse,
  text,
  type Infer,
  type Optional,
  type Schema,
} from './schema.js'

/**
 * Shardwise's timings store (`.shardwise/timings.json`, the Actions cache): what past runs
 * measured, smoothed (store.ts). It comes back from a cache that a lower-trust run may have
 * written (THREATS C1, F1–F3), and timings are advice, never truth: a store of another
 * version or tool is refused whole, but inside a version-1 store a damaged entry is dropped
 * or repaired, never a reason to lose the rest of the history. Numbers are bounded (six hours)
 * and sections are null-prototype records, so a test named `__proto__` is just a test.
 */

/**
 * What the file entries mean. Stores written before per-file costs were learned hold the sum
 * of each file's tests; their file entries are replaced (not averaged) by the next measured run.
 */
export const COST_MODEL = 'file-wall'

/** Outcome letters kept per test. */
export const OUTCOME_HISTORY = 30

/** The store version this Shardwise reads and writes. */
export const STORE_VERSION = 1

/** A field that is left out when it does not decode (a repairable detail of an entry). */
function lenient<T>(inner: Schema<T>): Optional<T> {
  const tolerant = orElse(inner, () => undefined)
  return { ...optional(inner), read: tolerant.read }
}

const entrySchema = object({
  // Longer than a hosted job can run is not a real time: held at the bound.
  seconds: map(number({ min: 0 }), (seconds) => Math.min(seconds, MAX_DURATION_SECONDS)),
  /** How many runs have timed this id. */
  runs: orElse(map(number({ min: 1 }), Math.floor), () => 1),
  /** When it was last timed (ISO 8601). */
  lastSeen: orElse(
    map(text(), (seen) => seen.slice(0, 40)),
    () => '',
  ),
  /** The store's run number when it was last timed: entries unseen for long are pruned. */
  lastRun: lenient(number({ whole: true })),
  /** Tests only: one letter per recent run, oldest first — `p` passed, `f` failed, `k` flaky. */
  outcomes: lenient(
    map(matching(/^[pfk]*$/, 'letters p, f and k'), (letters) => letters.slice(-OUTCOME_HISTORY)),
  ),
})
export type StoreEntry = Infer<typeof entrySchema>

const section = orElse(lenientRecord(entrySchema), () =>
  Object.freeze(Object.create(null) as Record<string, StoreEntry>),
)
const term = orElse(entrySchema, () => undefined)

const storeSchema = object(
  {
    version: literal(STORE_VERSION),
    tool: literal('shardwise'),
    updatedAt: orElse(text(), () => ''),
    runs: orElse(number(), () => 0),
    costModel: lenient(literal(COST_MODEL)),
    /** Each file's own wall cost: environment, imports, collection, hooks and tests. */
    files: section,
    /** Each test's duration. */
    tests: section,
    /** Per-shard start-up: process boot, config, global setup, outside every file. */
    shardSetupSeconds: term,
    /** What the first file of each worker pays once (compiler or transformer warm-up). */
    warmupSeconds: optional(term),
    /** Files the runner runs at once within a shard (effective). */
    workers: optional(term),
  },
  'a Shardwise timings store (an object)',
)

export type TimingStore = Infer<typeof storeSchema>

export const storeContract = contract('Shardwise timings store', storeSchema)

/** A version-1 store from JSON, repaired where it can be, or a `DecodeError`. */
export const decodeStore = storeContract.decode
export const encodeStore = storeContract.encode

/** What a JSON file at the store's path holds. */
export type StoreDocument =
  | { readonly kind: 'store'; readonly store: TimingStore }
  /** Written by a newer Shardwise: not understood, and not to be overwritten. */
  | { readonly kind: 'newer'; readonly version: number }
  /** JSON, but not a Shardwise store (someone's other file): not to be overwritten. */
  | { readonly kind: 'foreign' }

/**
 * Tells a store apart from a newer store and from someone else's file, which are both left
 * alone; anything else that claims to be a store is decoded (a `DecodeError` when it is too
 * damaged to use: a new store may replace it).
 */
export function readStoreDocument(data: unknown): StoreDocument {
  const header: { readonly tool?: unknown; readonly version?: unknown } =
    typeof data === 'object' && data !== null && !Array.isArray(data) ? data : {}
  if (header.tool !== 'shardwise') return { kind: 'foreign' }
  if (typeof header.version === 'number' && header.version > STORE_VERSION)
    return { kind: 'newer', version: header.version }
  return { kind: 'store', store: decodeStore(data) }
}
