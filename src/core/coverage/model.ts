/**
 * The coverage model of `shardwise combine`, shared by the readers (lcov, Istanbul
 * `coverage-final.json`, Cobertura XML, Go cover profiles), the merge, the summaries, the
 * writers and diff coverage.
 *
 * Pure: text in, data out. Paths named by a report are identity strings only; no source file is
 * ever opened (THREATS E1), so a report naming `/etc/passwd` costs nothing but a warning.
 * Every keyed collection is a `Map`: a repository may hold a file literally named `__proto__`
 * (THREATS E5).
 */

export type CoverageFormat = 'lcov' | 'istanbul' | 'cobertura' | 'go'

/** One outcome of one branch point. `block` and `branch` are lcov's ids (strings in lcov 2). */
export interface BranchCoverage {
  readonly line: number
  readonly block: string
  readonly branch: string
  /** How often this outcome was taken; lcov's `-` (never evaluated) is 0. */
  readonly taken: number
}

export interface FunctionCoverage {
  readonly line: number
  readonly hits: number
}

export interface FileCoverage {
  /** Instrumented line → hits. A line absent here is not instrumented. */
  readonly lines: ReadonlyMap<number, number>
  /** `branchKey(line, block, branch)` → the outcome. */
  readonly branches: ReadonlyMap<string, BranchCoverage>
  /** Function name (no line breaks: see `cleanName`) → where it starts and how often it ran. */
  readonly functions: ReadonlyMap<string, FunctionCoverage>
}

/** Repo-relative POSIX path (NFC) → its coverage. */
export type CoverageModel = ReadonlyMap<string, FileCoverage>

export interface ParsedCoverage {
  readonly format: CoverageFormat
  /** Files inside the repository, sorted by path. */
  readonly files: CoverageModel
  /** Normalised paths that resolve outside the repository: excluded from `files`, sorted. */
  readonly outside: readonly string[]
  readonly warnings: readonly string[]
}

export interface CoverageParseOptions {
  /**
   * Absolute roots to strip (the shard's workspace, the combining job's checkout). The
   * hosted-runner workspaces that `normalizeFileId` knows are stripped as well.
   */
  readonly roots: readonly string[]
  /** The report's name, used in warnings. */
  readonly source?: string
  /** Go module path (`go.mod`'s `module`): stripped from the import paths of a Go profile. */
  readonly goModule?: string
}

/** A report that cannot be used at all (hostile DTD, not JSON, not the format it claims). */
export class CoverageFormatError extends Error {
  override readonly name = 'CoverageFormatError'
}

/** A parser fed text in chunks of any size; `end` returns what the whole document held. */
export interface CoverageParser {
  write(chunk: string): void
  end(): ParsedCoverage
}

/** The key of a branch outcome in `FileCoverage.branches`. Line and block hold no comma. */
export function branchKey(line: number, block: string, branch: string): string {
  return `${line},${block},${branch}`
}

// ---------------------------------------------------------------------------------------------
// Counts

/**
 * Hits saturate here instead of losing precision: saturating addition of non-negative numbers
 * stays commutative and associative, which plain float addition past 2^53 would not.
 */
export const MAX_COUNT = Number.MAX_SAFE_INTEGER
/** Beyond any real source file; a Go block claiming more lines is corrupt. */
export const MAX_LINE = 0x7fffffff

export function addCounts(a: number, b: number): number {
  const sum = a + b
  return sum > MAX_COUNT ? MAX_COUNT : sum
}

// ---------------------------------------------------------------------------------------------
// Files being built

/** A branch outcome owned by one `MutableFile`, so that summing can update it in place. */
export interface OwnedBranch {
  readonly line: number
  readonly block: string
  readonly branch: string
  taken: number
}

export interface OwnedFunction {
  line: number
  hits: number
}

/**
 * A file being built or merged. Its record objects belong to it alone: every record taken from
 * another file is copied on the way in, so updating one in place never reaches an argument.
 */
export interface MutableFile {
  readonly lines: Map<number, number>
  readonly branches: Map<string, OwnedBranch>
  readonly functions: Map<string, OwnedFunction>
}

export function emptyFile(): MutableFile {
  return { lines: new Map(), branches: new Map(), functions: new Map() }
}

export function ownBranch(outcome: BranchCoverage): OwnedBranch {
  return { line: outcome.line, block: outcome.block, branch: outcome.branch, taken: outcome.taken }
}

export function copyFile(file: FileCoverage): MutableFile {
  const branches = new Map<string, OwnedBranch>()
  for (const [key, outcome] of file.branches) branches.set(key, ownBranch(outcome))
  const functions = new Map<string, OwnedFunction>()
  for (const [name, fn] of file.functions) functions.set(name, { line: fn.line, hits: fn.hits })
  return { lines: new Map(file.lines), branches, functions }
}

/** A function name as the model keeps it: lcov and XML cannot carry a line break in one. */
export function cleanName(name: string): string {
  return name.replace(/[\r\n]+/g, ' ')
}

/** `name`, or `name (line N)` when another function of the file already has that name. */
export function uniqueName(
  functions: ReadonlyMap<string, FunctionCoverage>,
  name: string,
  line: number,
): string {
  if (!functions.has(name)) return name
  const withLine = `${name} (line ${line})`
  if (!functions.has(withLine)) return withLine
  for (let n = 2; ; n++) {
    const numbered = `${name} (line ${line}, #${n})`
    if (!functions.has(numbered)) return numbered
  }
}

// ---------------------------------------------------------------------------------------------
// Order and messages

/** Code-unit order: the same on every machine and locale. */
export function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}

/** A value as a warning shows it: JSON-quoted, cut at 200 characters. */
export function quote(value: string): string {
  return JSON.stringify(value.length > 200 ? `${value.slice(0, 200)}…` : value)
}

export function listSome(items: readonly string[], limit = 10): string {
  return items.length <= limit
    ? items.join(', ')
    : `${items.slice(0, limit).join(', ')} and ${items.length - limit} more`
}
