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
}

export interface RunnerAdapter {
  readonly name: RunnerName
  /**
   * Whether the runner runs exactly one test of a file given its id (pytest node ids, go test
   * -run): needed to plan a file's tests into different shards.
   */
  readonly selectsTests: boolean
  /**
   * Builds the invocations for `items`. Items are passed as literal arguments (never through a
   * shell); several invocations when one would be too long for the OS or the runner needs it.
   */
  invocations(input: InvocationInput): readonly Invocation[]
  /** Reads what the runner reported for an invocation that has finished. */
  readOutcomes(invocation: Invocation, input: InvocationInput): Promise<Outcomes>
  /** How to make the runner list the suite's test ids (or files) as it sees them. */
  readonly list?: {
    readonly argv: (command: readonly string[]) => readonly string[]
    readonly parse: (stdout: string, cwd: string) => readonly string[]
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

/**
 * The most bytes of arguments one invocation gets. Linux allows 2 MiB for argv and the
 * environment together (and 128 KiB per single string); staying far below leaves room for a
 * large environment.
 */
export const MAX_ARGUMENT_BYTES = 256 * 1024

/** Splits items into chunks whose argument bytes stay under the limit. */
export function chunkByArgumentBytes(
  items: readonly string[],
  fixedBytes: number,
  perItem: (item: string) => number,
): string[][] {
  const chunks: string[][] = []
  let current: string[] = []
  let bytes = fixedBytes
  for (const item of items) {
    const size = perItem(item) + 1
    if (current.length > 0 && bytes + size > MAX_ARGUMENT_BYTES) {
      chunks.push(current)
      current = []
      bytes = fixedBytes
    }
    current.push(item)
    bytes += size
  }
  if (current.length > 0) chunks.push(current)
  return chunks
}

/**
 * A file path as an argument: relative paths get `./` so that a file named `-rf.test.js`,
 * `--require=x.js` or pytest's `@argsfile` is never read as an option.
 */
export function pathArgument(path: string): string {
  return path.startsWith('/') || path.startsWith('./') || path.startsWith('../')
    ? path
    : `./${path}`
}

export function argumentBytes(args: readonly string[]): number {
  let total = 0
  for (const arg of args) total += Buffer.byteLength(arg) + 1
  return total
}
