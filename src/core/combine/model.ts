import type { QuarantineEntry } from '../contracts/quarantine.js'
import type { Plan } from '../plan.js'
import type { ShardResult, ShardStatus, TestVerdict } from '../shard-result.js'
import type { TimingStore } from '../store.js'

/** What combine reads and what it returns: the shapes of core/combine.ts and its steps. */

export type { QuarantineEntry } from '../contracts/quarantine.js'

export interface SourcedResult {
  /** Where the result came from (its path), for messages. */
  readonly source: string
  readonly result: ShardResult
}

export interface CombineInput {
  readonly plan: Plan
  readonly planDigest: string
  readonly results: readonly SourcedResult[]
  readonly quarantine: readonly QuarantineEntry[]
  readonly history: TimingStore | undefined
  /** ISO date-time of the combine. */
  readonly now: string
  /** A test whose recorded flake rate is at least this (0–1) is listed as flaky. */
  readonly flakyThreshold: number
  /**
   * The exit code with which a runner says "no tests ran" (pytest's 5), by runner name: a
   * shard that exited with it and whose planned tests all reported skipped passed.
   */
  readonly noTestsExitCode?: (runner: string) => number | undefined
}

/**
 * What combine makes of one shard of the plan: the status of its result as combine believes it
 * (`ShardStatus`, which a shard result also carries about itself, untrusted), or `missing` when
 * no result came. Only the report's shard table shows it.
 */
export type PlannedShardState = ShardStatus | 'missing'

export interface ShardSummary {
  readonly index: number
  readonly state: PlannedShardState
  readonly attempt: number | undefined
  readonly attempts: number
  readonly tests: number
  readonly failed: number
  readonly flaky: number
  readonly predictedSeconds: number
  readonly wallSeconds: number | undefined
  readonly setupSeconds: number | undefined
  readonly reason: string | undefined
}

export interface CombinedTest {
  readonly id: string
  readonly shard: number
  readonly verdict: TestVerdict
  readonly seconds: number | undefined
  readonly message: string | undefined
  /** How many tests the runner reported under this id, when more than one. */
  readonly cases?: number
}

export interface FlakyTest {
  readonly id: string
  /** `run`: failed then passed in this run; `history`: flake rate over recent runs. */
  readonly source: 'run' | 'history'
  readonly rate: number | undefined
}

export interface Problem {
  /** Set when the serial fallback ran what this problem left unrun, and it passed or failed on its own. */
  readonly resolved?: boolean
  readonly kind:
    | 'missing-shard'
    | 'incomplete-shard'
    | 'missing-test'
    | 'duplicate-test'
    | 'foreign-result'
    | 'plan-mismatch'
    | 'file-failure'
    | 'runner-error'
  readonly message: string
  /** The file a `file-failure` problem is about. */
  readonly file?: string
}

export interface Combined {
  readonly verdict: 'passed' | 'failed'
  readonly shards: readonly ShardSummary[]
  readonly tests: readonly CombinedTest[]
  readonly failed: readonly CombinedTest[]
  readonly flaky: readonly FlakyTest[]
  readonly quarantined: readonly CombinedTest[]
  readonly expiredQuarantine: readonly QuarantineEntry[]
  readonly problems: readonly Problem[]
  /** Planned items no shard accounted for (from missing shards or missing results). */
  readonly unaccounted: readonly string[]
  readonly counts: Readonly<Record<TestVerdict, number>>
  readonly wallSeconds: number
  readonly serialSeconds: number
  /**
   * The chosen result of each shard as combine believes it (see `believeResult`): only planned
   * tests, verdicts, counts and status recomputed.
   */
  readonly results: readonly ShardResult[]
  /** Where each of `results` came from, in the same order. */
  readonly sources: readonly string[]
}
