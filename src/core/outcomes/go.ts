import { acceptSeconds } from '../duration.js'
import { joinTestId } from '../ids.js'
import type { FileFailure, FileTiming, OutcomeStatus, Outcomes, TestOutcome } from '../outcomes.js'
import { isObject, message, type JsonObject } from './values.js'

/** Kept of one line of a test's output, for the failure message. */
const MAX_OUTPUT_LINE = 1000
/** Kept lines of output per test or package: the end of the output explains a failure. */
const OUTPUT_LINES = 40

/**
 * `go test -json` events, fed one line at a time (a verbose suite's report can outgrow a
 * string, so it is read as a stream). Ids are `<package>::<TopLevelTest>`; a subtest's result is folded
 * into its parent (a failing subtest fails the parent, and `-run` selects by parent). A
 * package that fails without any test failing (a build error, a panic in init) is a file
 * failure; so is one whose build failed, which Go up to 1.23 reports only as a plain
 * `FAIL\t<package> [build failed]` line among the events (1.24 adds `build-output` and
 * `build-fail` events). A test that started but never ended in a failed package (a crash, an
 * `os.Exit`, the `-timeout` panic) failed. A package that ran no test at all (no test files,
 * or none left by `-run`) answers for itself as one skipped outcome whose id is the package.
 * Every end event is kept, so `-count=N` runs fold like repeats (failed if any run failed).
 * Memory holds the outcomes and the last lines of output of tests still running or failed,
 * never the report.
 */
export function goOutcomeParser(): { line(line: string): void; end(): Outcomes } {
  const state = emptyState()
  return { line: (raw) => readLine(state, raw), end: () => endOutcomes(state) }
}

/** What the parser holds while the report streams past. */
interface GoState {
  readonly tests: TestOutcome[]
  readonly files: FileTiming[]
  /** Package → why it failed. */
  readonly packageFailed: Map<string, string>
  readonly packageEnded: Set<string>
  readonly packagesWithTests: Set<string>
  /** Test id → package, started and not yet ended. */
  readonly running: Map<string, string>
  /** The last lines of output per test id or package. */
  readonly output: Map<string, string[]>
  /** The last lines of build output per import path. */
  readonly buildOutput: Map<string, string[]>
}

function emptyState(): GoState {
  return {
    tests: [],
    files: [],
    packageFailed: new Map(),
    packageEnded: new Set(),
    packagesWithTests: new Set(),
    running: new Map(),
    output: new Map(),
    buildOutput: new Map(),
  }
}

function remember(store: Map<string, string[]>, key: string, line: string): void {
  // Progress lines explain nothing.
  if (/^=== (?:RUN|PAUSE|CONT|NAME)\b/.test(line)) return
  const lines = store.get(key) ?? []
  lines.push(line.length > MAX_OUTPUT_LINE ? `${line.slice(0, MAX_OUTPUT_LINE)}…\n` : line)
  if (lines.length > OUTPUT_LINES) lines.shift()
  store.set(key, lines)
}

function importPath(value: string): string {
  return value.replace(/ \[.*\]$/, '')
}

function readLine(state: GoState, raw: string): void {
  const line = raw.replace(/\r$/, '')
  if (!line.startsWith('{')) {
    // go 1.19–1.23 print a package that does not build as plain text on stdout.
    const failed = /^FAIL\t(\S+) \[(build failed|setup failed)\]$/.exec(line)
    if (failed?.[1] !== undefined)
      state.packageFailed.set(
        failed[1],
        `${failed[2] ?? 'failed'}: the compiler's messages are in the shard's output`,
      )
    return
  }
  let event: unknown
  try {
    event = JSON.parse(line)
  } catch {
    return
  }
  if (!isObject(event) || typeof event.Action !== 'string') return
  if (event.Action === 'build-output' || event.Action === 'build-fail') {
    if (typeof event.ImportPath === 'string' && typeof event.Output === 'string')
      remember(state.buildOutput, importPath(event.ImportPath), event.Output)
    return
  }
  if (typeof event.Package !== 'string') return
  const pkg = event.Package
  const test = typeof event.Test === 'string' ? event.Test : undefined
  const top = test?.split('/')[0]
  const id = top === undefined ? undefined : joinTestId(pkg, [], top)
  if (event.Action === 'output' && typeof event.Output === 'string') {
    remember(state.output, id ?? pkg, event.Output)
    return
  }
  if (test === undefined || id === undefined) {
    readPackageEvent(state, event, pkg)
    return
  }
  state.packagesWithTests.add(pkg)
  // A subtest's result is folded into its parent's.
  if (test === top) readTestEvent(state, event, pkg, id)
}

/** A package's own event: its failure, its end, and its test binary's time. */
function readPackageEvent(state: GoState, event: JsonObject, pkg: string): void {
  if (event.Action === 'fail') {
    const failedBuild =
      typeof event.FailedBuild === 'string' ? importPath(event.FailedBuild) : undefined
    state.packageFailed.set(
      pkg,
      failedBuild === undefined
        ? (state.output.get(pkg) ?? []).join('')
        : `build failed\n${(state.buildOutput.get(failedBuild) ?? []).join('')}`,
    )
  }
  if (event.Action === 'pass' || event.Action === 'fail' || event.Action === 'skip')
    state.packageEnded.add(pkg)
  // The package's test binary, start to end: what the package costs to test.
  const elapsed = acceptSeconds(event.Elapsed)
  if (
    (event.Action === 'pass' || event.Action === 'fail') &&
    elapsed !== undefined &&
    elapsed > 0
  ) {
    const ended = typeof event.Time === 'string' ? Date.parse(event.Time) : Number.NaN
    state.files.push({
      file: pkg,
      seconds: elapsed,
      ...(Number.isFinite(ended) ? { startMs: ended - elapsed * 1000 } : {}),
    })
  }
}

/** A top-level test's start or end. */
function readTestEvent(state: GoState, event: JsonObject, pkg: string, id: string): void {
  if (event.Action === 'run') {
    state.running.set(id, pkg)
    return
  }
  if (event.Action !== 'pass' && event.Action !== 'fail' && event.Action !== 'skip') return
  state.running.delete(id)
  const status: OutcomeStatus =
    event.Action === 'pass' ? 'passed' : event.Action === 'fail' ? 'failed' : 'skipped'
  state.tests.push({
    id,
    file: pkg,
    status,
    seconds: acceptSeconds(event.Elapsed),
    message: status === 'failed' ? message((state.output.get(id) ?? []).join('')) : undefined,
  })
  // A finished test's output is done with (a -count run starts it afresh).
  state.output.delete(id)
}

/**
 * The outcomes once the report has ended: tests still running in a failed package failed,
 * a failed package with no failed test is a file failure, a package that ran no test skipped.
 */
function endOutcomes(state: GoState): Outcomes {
  const ended = [...state.tests]
  for (const [id, pkg] of state.running) {
    if (!state.packageFailed.has(pkg)) continue
    const tail = (state.output.get(id) ?? state.output.get(pkg) ?? []).join('')
    ended.push({
      id,
      file: pkg,
      status: 'failed',
      seconds: undefined,
      message: message(`the test never finished: the test binary ended while it ran\n${tail}`),
    })
  }
  const fileFailures: FileFailure[] = []
  const failedFiles = new Set(ended.filter((t) => t.status === 'failed').map((t) => t.file))
  for (const [pkg, text] of state.packageFailed) {
    if (failedFiles.has(pkg)) continue
    fileFailures.push({ file: pkg, message: message(`${pkg}: ${text}`) ?? 'the package failed' })
  }
  for (const pkg of state.packageEnded) {
    if (state.packagesWithTests.has(pkg) || state.packageFailed.has(pkg)) continue
    ended.push({ id: pkg, file: pkg, status: 'skipped', seconds: undefined, message: undefined })
  }
  return { tests: ended, fileFailures, files: state.files }
}
