import { MAX_DURATION_SECONDS } from '../duration.js'
import type { OutcomeStatus } from '../outcomes.js'
import {
  boolean,
  contract,
  list,
  literal,
  map,
  matching,
  maybe,
  nullable,
  number,
  object,
  oneOf,
  optional,
  record,
  text,
  withDefault,
  type Infer,
} from './schema.js'

/**
 * The shard result: what one shard job ran and how it went (written by `run`, read by
 * `combine`). It crosses from the jobs that ran the pull request's code to the job that holds
 * a write token, so it is untrusted (THREATS B9, F3): every field is decoded here, numbers are
 * bounded, and the files it names must be files of its own artifact. Combine then believes
 * nothing it says about its own verdicts (`believeResult` in combine/belief.ts).
 */

export const TEST_VERDICTS = ['passed', 'failed', 'flaky', 'skipped', 'xfailed', 'xpassed'] as const
export type TestVerdict = (typeof TEST_VERDICTS)[number]

export const OUTCOME_STATUSES = [
  'passed',
  'failed',
  'skipped',
  'xfailed',
  'xpassed',
] as const satisfies readonly OutcomeStatus[]

export const SHARD_STATUSES = ['passed', 'failed', 'empty', 'incomplete', 'error'] as const
export type ShardStatus = (typeof SHARD_STATUSES)[number]

/** Six hours (a hosted job's limit): no real file or shard takes longer. */
const duration = number(
  { min: 0, max: MAX_DURATION_SECONDS },
  `a number of seconds from 0 to ${MAX_DURATION_SECONDS} (six hours)`,
)
const seconds = number({ min: 0 })
const count = number({ min: 0, whole: true })

const attemptRecord = object({
  status: oneOf(OUTCOME_STATUSES),
  seconds: maybe(seconds),
})
export type AttemptRecord = Infer<typeof attemptRecord>

const testRecord = object({
  verdict: oneOf(TEST_VERDICTS),
  // A record without attempts is a claim with no evidence: a genuine one ran at least once.
  attempts: list(attemptRecord, 'a list of at least one attempt', 1),
  file: text(),
  /**
   * How many tests the runner reported under this id (two tests of one file with the same
   * name share an id): they count as that many tests. Absent for one.
   */
  cases: optional(number({ min: 1, max: 100_000, whole: true })),
  message: optional(text()),
})
export type TestRecord = Infer<typeof testRecord>

/** The runner's own timing of one file in the first attempt. */
const fileTiming = object({
  /** Wall seconds the runner spent on the file: environment, imports, collection, hooks, tests. */
  seconds: duration,
  /** When it started, in seconds after the attempt's first file started (where known). */
  start: optional(duration),
})
export type FileTimingRecord = Infer<typeof fileTiming>

/** What the cost model learns from: the first attempt's time, per file where the runner says. */
const shardTiming = object({
  /** Wall time of the later attempts (retries, repeats), left out of what is learned. */
  laterAttemptsSeconds: duration,
  files: record(fileTiming),
})
export type ShardTimingRecord = Infer<typeof shardTiming>

/** Files travel beside the result under names `run` gives them, and under no other name. */
const artifactFile = (kind: string) =>
  matching(new RegExp(`^${kind}/\\d{3}-[^/\\\\]+$`), `a file of the artifact, \`${kind}/NNN-name\``)

const shardResultSchema = object(
  {
    version: literal(1, '`1` (this Shardwise reads shard results of version 1)'),
    tool: literal('shardwise'),
    kind: literal('shard-result'),
    shard: object({ index: number({ whole: true }), count: number({ whole: true }) }),
    planDigest: text(),
    /** The CI attempt (`GITHUB_RUN_ATTEMPT`): combine keeps the newest attempt of each shard. */
    attempt: number({ min: 1, whole: true }),
    items: list(text(), 'a list of test ids'),
    /** Planned items no runner result covers: failures, never silent passes. */
    missing: list(text(), 'a list of test ids'),
    tests: record(testRecord),
    status: oneOf(SHARD_STATUSES),
    /** Whether the shard ran to the end (false when killed, timed out or crashed). */
    complete: boolean(),
    exitCode: nullable(number({ whole: true })),
    signal: nullable(text()),
    runner: text(),
    wallSeconds: seconds,
    /** Time of the first attempt not spent in any test: runner start-up, transforms, setup. */
    setupSeconds: seconds,
    testSeconds: seconds,
    /** Per-file timing of the first attempt (absent in results of older versions). */
    timing: optional(shardTiming),
    reason: map(maybe(nullable(text())), (reason) => reason ?? undefined),
    workspace: text(),
    fileFailures: list(object({ file: text(), message: text() }, '{"file", "message"}')),
    counts: object({
      passed: count,
      failed: count,
      flaky: count,
      skipped: count,
      // Results written before expected failures were told apart have no such counts.
      xfailed: withDefault(count, 0),
      xpassed: withDefault(count, 0),
    }),
    artifacts: object({
      junit: list(artifactFile('junit')),
      coverage: list(artifactFile('coverage')),
    }),
    command: withDefault(list(text()), []),
    startedAt: withDefault(text(), ''),
  },
  'a Shardwise shard result (an object)',
)

export type ShardResult = Infer<typeof shardResultSchema>

export const shardResultContract = contract('Shardwise shard result', shardResultSchema)

/** A shard result from untrusted JSON, or a `DecodeError` naming the first bad field. */
export const decodeShardResult = shardResultContract.decode
export const encodeShardResult = shardResultContract.encode
