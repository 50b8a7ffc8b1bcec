/**
 * What a runner said about each test in one invocation, whatever its report format. The
 * parsers in outcomes/ (one file per format) turn the runners' own machine-readable reports
 * (Jest/Vitest JSON, Mocha JSON, Playwright JSON, `go test -json`, node:test events) into this
 * one shape; JUnit comes through `JunitParser`'s `onCase`. Each runner adapter chooses its own.
 */

/**
 * A test's outcome in one run. `xfailed` and `xpassed` are pytest's own outcomes for tests
 * marked to fail: an expected failure, and a pass nobody expected (not a failure, unless the
 * mark is strict: then pytest fails it, and so does its report).
 */
export type OutcomeStatus = 'passed' | 'failed' | 'skipped' | 'xfailed' | 'xpassed'

export interface TestOutcome {
  readonly id: string
  readonly file: string
  readonly status: OutcomeStatus
  readonly seconds: number | undefined
  /** First line(s) of the failure, capped; never the test's captured output. */
  readonly message: string | undefined
}

/** A file the runner reported as failing as a whole (syntax error, failed import, crash). */
export interface FileFailure {
  readonly file: string
  readonly message: string
}

/** The runner's own wall time for one file: environment, imports, collection, hooks, tests. */
export interface FileTiming {
  readonly file: string
  readonly seconds: number
  /** When the file started (milliseconds since the epoch), where the runner says. */
  readonly startMs?: number
}

export interface Outcomes {
  readonly tests: readonly TestOutcome[]
  readonly fileFailures: readonly FileFailure[]
  /** Per-file timing, for runners that report it. */
  readonly files?: readonly FileTiming[]
}

export const MAX_MESSAGE_CHARS = 2000
