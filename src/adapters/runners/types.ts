import type { Outcomes } from '../../core/outcomes.js'

export type RunnerName =
  'jest' | 'vitest' | 'playwright' | 'mocha' | 'node' | 'pytest' | 'go' | 'generic'

export const RUNNER_NAMES: readonly RunnerName[] = [
  'jest',
  'vitest',
  'playwright',
  'mocha',
  'node',
  'pytest',
  'go',
  'generic',
]

/** One invocation of the user's runner over some items. */
export interface Invocation {
  readonly argv: readonly string[]
  /** Variables the runner needs (report locations); added to the scrubbed environment. */
  readonly env?: Readonly<Record<string, string>>
  /** Set when the runner writes its report to stdout (go test -json): stdout is captured to it. */
  readonly stdoutReport?: string
  /** The items this invocation runs, where the runner reports nothing itself (generic). */
  readonly items?: readonly string[]
}

export interface InvocationInput {
  /** The user's command, e.g. `['npx', 'jest', '--ci']`. */
  readonly command: readonly string[]
  /** Ids to run: file ids, or test ids where the runner selects single tests. */
  readonly items: readonly string[]
  /** A fresh directory for this invocation's reports. */
  readonly reportDir: string
  /** The repository root: ids are relative to it. */
  readonly cwd: string
  /** Globs of the JUnit reports the user's command writes (`--junit`), relative to `cwd`. */
  readonly junitGlobs?: readonly string[]
}

/** What the runner's reports said, and what was wrong with them (each becomes a warning). */
export type ReadOutcomes = Outcomes & { readonly problems?: readonly string[] }

/** How an invocation ended, for runners whose exit status is their report (generic). */
export interface InvocationExit {
  readonly exitCode: number | null
}

export interface RunnerAdapter {
  readonly name: RunnerName
  /**
   * Whether the runner runs exactly one test of a file given its id (pytest node ids, go test
   * -run): needed to plan a file's tests into different shards.
   */
  readonly selectsTests: boolean
  /**
   * Whether an item's file part is a path under the root, so that planned files are looked up
   * on disk before the run (false for Go, whose items are import paths).
   */
  readonly itemsArePaths: boolean
  /**
   * Builds the invocations for `items`. Items are passed as literal arguments (never through a
   * shell); several invocations when one would be too long for the OS or the runner needs it.
   */
  invocations(input: InvocationInput): readonly Invocation[]
  /**
   * Called just before an invocation starts, for adapters that must note the state of the
   * workspace first (generic: which JUnit files exist already).
   */
  beforeInvocation?(invocation: Invocation, input: InvocationInput): Promise<void>
  /**
   * Reads what the runner reported for an invocation that has finished: the adapter chooses
   * the report and the parser (one per format, in src/core/outcomes/).
   */
  readOutcomes(
    invocation: Invocation,
    input: InvocationInput,
    exit: InvocationExit,
  ): Promise<ReadOutcomes>
  /**
   * How to make the runner list the suite's test ids (or files) as it sees them, and the
   * variables that must not reach the listing (a report destination set for the real runs
   * would swallow the listing's output).
   */
  readonly list?: {
    readonly argv: (command: readonly string[]) => readonly string[]
    readonly parse: (stdout: string, cwd: string) => readonly string[]
    readonly dropEnv?: readonly string[]
  }
  /**
   * Whether listing costs no more than the runner's start-up (it globs files, it does not
   * import them), so that globs can be checked against the runner's own configuration.
   */
  readonly listsFilesCheaply?: boolean
  /** How many tests an invocation has finished so far, where its report grows live. */
  readonly finishedTests?: (invocation: Invocation) => number
  /** The exit code with which the runner says it ran no test (pytest: 5). */
  readonly noTestsExitCode?: number
  /** Turns the runner's live stdout into readable text (go test -json); default: as is. */
  readonly display?: (chunk: string) => string
}
