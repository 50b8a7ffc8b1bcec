import { acceptSeconds } from './duration.js'
import { joinTestId, normalizeFileId, type NormalizeOptions } from './ids.js'

/**
 * What a runner said about each test in one invocation, whatever its report format. Parsers
 * here turn the runners' own machine-readable reports (Jest/Vitest JSON, Mocha JSON, Playwright
 * JSON, `go test -json`, node:test events) into one shape; JUnit comes through
 * `JunitParser`'s `onCase`.
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

type JsonObject = Record<string, unknown>

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function message(value: unknown): string | undefined {
  if (typeof value === 'string' && value !== '') return value.slice(0, MAX_MESSAGE_CHARS)
  if (Array.isArray(value)) return message(value.filter((v) => typeof v === 'string').join('\n'))
  return undefined
}

function seconds(ms: unknown): number | undefined {
  return typeof ms === 'number' ? acceptSeconds(ms / 1000) : undefined
}

/**
 * Jest `--json` and Vitest's `json` reporter (the same shape): `testResults[]` per file with
 * `assertionResults[]` per test. A file whose suite failed to run has `status: "failed"` and a
 * `message` but no assertions; so does one whose tests passed while a hook around them failed
 * (Jest's `afterAll`, Vitest's `beforeAll`, which marks the tests skipped). Jest colours its
 * messages when colour is forced (`FORCE_COLOR`, `--colors`): the escape codes are dropped.
 */
export function parseJestOutcomes(
  data: unknown,
  options: NormalizeOptions & {
    /**
     * Whether each file's `startTime`/`endTime` is its wall time (Jest's `perfStats`: from the
     * environment's set-up to the last test); Vitest's JSON spans only the tests.
     */
    readonly fileTimes?: boolean
  } = {},
): Outcomes {
  const tests: TestOutcome[] = []
  const fileFailures: FileFailure[] = []
  const files: FileTiming[] = []
  // CSI sequences (colours, cursor moves) and OSC sequences (hyperlinks).
  // eslint-disable-next-line no-control-regex
  const escapes = /\u001b\[[0-?]*[ -/]*[@-~]|\u001b\][^\u0007\u001b]*(?:\u0007|\u001b\\)/g
  const plain = (value: unknown): unknown =>
    typeof value === 'string'
      ? value.replace(escapes, '')
      : Array.isArray(value)
        ? value.map((v: unknown) => (typeof v === 'string' ? v.replace(escapes, '') : v))
        : value
  const results = isObject(data) && Array.isArray(data.testResults) ? data.testResults : []
  for (const result of results as unknown[]) {
    if (!isObject(result) || typeof result.name !== 'string') continue
    const file = normalizeFileId(result.name, options)
    if (options.fileTimes === true) {
      const start = result.startTime
      const end = result.endTime
      // A file that failed to run has both set to the same moment: no timing.
      if (typeof start === 'number' && typeof end === 'number' && end > start) {
        const seconds = acceptSeconds((end - start) / 1000)
        if (seconds !== undefined && seconds > 0) files.push({ file, seconds, startMs: start })
      }
    }
    const assertions = Array.isArray(result.assertionResults)
      ? (result.assertionResults as unknown[])
      : []
    for (const assertion of assertions) {
      if (!isObject(assertion) || typeof assertion.title !== 'string') continue
      const scopes = Array.isArray(assertion.ancestorTitles)
        ? assertion.ancestorTitles.filter((t): t is string => typeof t === 'string')
        : []
      const status: OutcomeStatus =
        assertion.status === 'passed'
          ? 'passed'
          : assertion.status === 'failed'
            ? 'failed'
            : 'skipped'
      tests.push({
        id: joinTestId(file, scopes, assertion.title),
        file,
        status,
        seconds: seconds(assertion.duration),
        message: status === 'failed' ? message(plain(assertion.failureMessages)) : undefined,
      })
    }
    if (
      result.status === 'failed' &&
      !assertions.some((a) => isObject(a) && a.status === 'failed')
    ) {
      fileFailures.push({
        file,
        message: message(plain(result.message)) ?? 'the test file failed to run',
      })
    }
  }
  return { tests, fileFailures, ...(options.fileTimes === true ? { files } : {}) }
}

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
  const tests: TestOutcome[] = []
  const files: FileTiming[] = []
  const packageFailed = new Map<string, string>()
  const packageEnded = new Set<string>()
  const packagesWithTests = new Set<string>()
  const running = new Map<string, string>() // test id → package, started and not yet ended
  const output = new Map<string, string[]>()
  const buildOutput = new Map<string, string[]>()
  const remember = (store: Map<string, string[]>, key: string, line: string) => {
    // Progress lines explain nothing.
    if (/^=== (?:RUN|PAUSE|CONT|NAME)\b/.test(line)) return
    const lines = store.get(key) ?? []
    lines.push(line.length > MAX_OUTPUT_LINE ? `${line.slice(0, MAX_OUTPUT_LINE)}…\n` : line)
    if (lines.length > OUTPUT_LINES) lines.shift()
    store.set(key, lines)
  }
  const importPath = (value: string) => value.replace(/ \[.*\]$/, '')
  const line = (raw: string): void => {
    const line = raw.replace(/\r$/, '')
    if (!line.startsWith('{')) {
      // go 1.19–1.23 print a package that does not build as plain text on stdout.
      const failed = /^FAIL\t(\S+) \[(build failed|setup failed)\]$/.exec(line)
      if (failed?.[1] !== undefined)
        packageFailed.set(
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
        remember(buildOutput, importPath(event.ImportPath), event.Output)
      return
    }
    if (typeof event.Package !== 'string') return
    const pkg = event.Package
    const test = typeof event.Test === 'string' ? event.Test : undefined
    const top = test?.split('/')[0]
    const id = top === undefined ? undefined : joinTestId(pkg, [], top)
    if (event.Action === 'output' && typeof event.Output === 'string') {
      remember(output, id ?? pkg, event.Output)
      return
    }
    if (test === undefined || id === undefined) {
      if (event.Action === 'fail') {
        const failedBuild =
          typeof event.FailedBuild === 'string' ? importPath(event.FailedBuild) : undefined
        packageFailed.set(
          pkg,
          failedBuild === undefined
            ? (output.get(pkg) ?? []).join('')
            : `build failed\n${(buildOutput.get(failedBuild) ?? []).join('')}`,
        )
      }
      if (event.Action === 'pass' || event.Action === 'fail' || event.Action === 'skip')
        packageEnded.add(pkg)
      // The package's test binary, start to end: what the package costs to test.
      const elapsed = acceptSeconds(event.Elapsed)
      if (
        (event.Action === 'pass' || event.Action === 'fail') &&
        elapsed !== undefined &&
        elapsed > 0
      ) {
        const ended = typeof event.Time === 'string' ? Date.parse(event.Time) : Number.NaN
        files.push({
          file: pkg,
          seconds: elapsed,
          ...(Number.isFinite(ended) ? { startMs: ended - elapsed * 1000 } : {}),
        })
      }
      return
    }
    packagesWithTests.add(pkg)
    if (test !== top) return
    if (event.Action === 'run') {
      running.set(id, pkg)
      return
    }
    if (event.Action !== 'pass' && event.Action !== 'fail' && event.Action !== 'skip') return
    running.delete(id)
    const status: OutcomeStatus =
      event.Action === 'pass' ? 'passed' : event.Action === 'fail' ? 'failed' : 'skipped'
    tests.push({
      id,
      file: pkg,
      status,
      seconds: acceptSeconds(event.Elapsed),
      message: status === 'failed' ? message((output.get(id) ?? []).join('')) : undefined,
    })
    // A finished test's output is done with (a -count run starts it afresh).
    output.delete(id)
  }
  const end = (): Outcomes => {
    const ended = [...tests]
    for (const [id, pkg] of running) {
      if (!packageFailed.has(pkg)) continue
      const tail = (output.get(id) ?? output.get(pkg) ?? []).join('')
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
    for (const [pkg, text] of packageFailed) {
      if (failedFiles.has(pkg)) continue
      fileFailures.push({ file: pkg, message: message(`${pkg}: ${text}`) ?? 'the package failed' })
    }
    for (const pkg of packageEnded) {
      if (packagesWithTests.has(pkg) || packageFailed.has(pkg)) continue
      ended.push({ id: pkg, file: pkg, status: 'skipped', seconds: undefined, message: undefined })
    }
    return { tests: ended, fileFailures, files }
  }
  return { line, end }
}

/**
 * Mocha's `json` reporter: `tests[]`, `failures[]`, `pending[]` with `file` and `fullTitle`. A
 * failing hook (`"before all" hook for "x"`) is in `failures[]` only, and the tests it stopped
 * are in no list: it fails its file, so that the file counts as failed and a retry runs it
 * again, even when other tests of the file passed.
 */
export function parseMochaOutcomes(data: unknown, options: NormalizeOptions = {}): Outcomes {
  const tests: TestOutcome[] = []
  if (!isObject(data)) return { tests, fileFailures: [] }
  const key = (t: JsonObject) => `${String(t.file)}\u0000${String(t.fullTitle)}`
  const list = (name: string): JsonObject[] =>
    Array.isArray(data[name]) ? (data[name] as unknown[]).filter(isObject) : []
  const failed = new Set(list('failures').map(key))
  const pending = new Set(list('pending').map(key))
  const reported = new Set<string>()
  for (const t of list('tests')) {
    if (typeof t.fullTitle !== 'string' || typeof t.title !== 'string') continue
    reported.add(key(t))
    // A test from a root hook file or a programmatic suite may have no file: no id to give it.
    if (typeof t.file !== 'string') continue
    const file = normalizeFileId(t.file, options)
    const scope = t.fullTitle.endsWith(t.title) ? t.fullTitle.slice(0, -t.title.length).trim() : ''
    const status: OutcomeStatus = failed.has(key(t))
      ? 'failed'
      : pending.has(key(t))
        ? 'skipped'
        : 'passed'
    const error = isObject(t.err) ? t.err : undefined
    tests.push({
      id: joinTestId(file, scope === '' ? [] : [scope], t.title),
      file,
      status,
      seconds: seconds(t.duration),
      message: status === 'failed' ? message(error?.message) : undefined,
    })
  }
  const fileFailures: FileFailure[] = []
  for (const t of list('failures')) {
    // Outside any file (a root hook, an uncaught error between files): the exit code says it.
    if (reported.has(key(t)) || typeof t.file !== 'string') continue
    const error = isObject(t.err) ? message(t.err.message) : undefined
    const title = typeof t.fullTitle === 'string' ? t.fullTitle : 'a hook'
    fileFailures.push({
      file: normalizeFileId(t.file, options),
      message: (error === undefined ? title : `${title}: ${error}`).slice(0, MAX_MESSAGE_CHARS),
    })
  }
  return { tests, fileFailures }
}

/**
 * Playwright's `json` reporter: nested `suites[]` (file, then describe blocks) with `specs[]`,
 * each spec's `tests[]` (one per project) and their `results[]` (one per try). Files are named
 * relative to `config.rootDir` (the test directory), so they are resolved against it before
 * being made relative to the roots. A test's outcome is Playwright's own verdict: one marked
 * `test.fail()` that fails passed, one that passed on Playwright's retry passed. A test with no
 * result (`--list`, or not reached) is skipped.
 */
export function parsePlaywrightOutcomes(data: unknown, options: NormalizeOptions = {}): Outcomes {
  const tests: TestOutcome[] = []
  const fileFailures: FileFailure[] = []
  const roots = isObject(data) && Array.isArray(data.suites) ? (data.suites as unknown[]) : []
  const rootDir =
    isObject(data) && isObject(data.config) && typeof data.config.rootDir === 'string'
      ? data.config.rootDir.replace(/[\\/]+$/, '')
      : undefined
  const isAbsolute = (path: string) => /^(?:\/|[A-Za-z]:[\\/]|\\\\)/.test(path)
  const fileIdOf = (path: string) =>
    normalizeFileId(rootDir !== undefined && !isAbsolute(path) ? `${rootDir}/${path}` : path, {
      roots: [...(options.roots ?? []), ...(rootDir !== undefined ? [rootDir] : [])],
    })
  // A test's outcome from Playwright's own verdict (`expected`, `unexpected`, `flaky`, `skipped`).
  const outcomeOf = (test: JsonObject, results: readonly JsonObject[]): OutcomeStatus => {
    const last = results[results.length - 1]
    if (!last) return 'skipped'
    switch (test.status) {
      case 'expected':
        return last.status === 'skipped' ? 'skipped' : 'passed'
      case 'flaky':
        return 'passed'
      case 'unexpected':
        return 'failed'
      case 'skipped':
        return 'skipped'
      default:
        // Reports without `status`: a result is as expected when it has the expected status.
        if (last.status === 'skipped') return 'skipped'
        return last.status === (test.expectedStatus ?? 'passed') ? 'passed' : 'failed'
    }
  }
  const walk = (suite: unknown, file: string | undefined, scopes: string[]) => {
    if (!isObject(suite)) return
    const suiteFile = typeof suite.file === 'string' ? suite.file : undefined
    const here = file ?? suiteFile
    const title = typeof suite.title === 'string' ? suite.title : ''
    const nextScopes = file === undefined ? scopes : title === '' ? scopes : [...scopes, title]
    for (const spec of Array.isArray(suite.specs) ? (suite.specs as unknown[]) : []) {
      if (!isObject(spec) || typeof spec.title !== 'string') continue
      const specFile = typeof spec.file === 'string' ? spec.file : here
      if (specFile === undefined) continue
      const fileId = fileIdOf(specFile)
      for (const test of Array.isArray(spec.tests) ? (spec.tests as unknown[]) : []) {
        if (!isObject(test)) continue
        const project =
          typeof test.projectName === 'string' && test.projectName !== '' ? [test.projectName] : []
        const results = Array.isArray(test.results)
          ? (test.results as unknown[]).filter(isObject)
          : []
        const status = outcomeOf(test, results)
        const last = results[results.length - 1]
        const errors = last && Array.isArray(last.errors) ? last.errors.filter(isObject) : []
        const error = last && isObject(last.error) ? last.error : errors[0]
        tests.push({
          id: joinTestId(fileId, [...project, ...nextScopes], spec.title),
          file: fileId,
          status,
          seconds: seconds(
            results.reduce(
              (total, r) => total + (typeof r.duration === 'number' ? r.duration : 0),
              0,
            ),
          ),
          message: status === 'failed' ? (message(error?.message) ?? 'the test failed') : undefined,
        })
      }
    }
    for (const child of Array.isArray(suite.suites) ? (suite.suites as unknown[]) : []) {
      walk(child, here, nextScopes)
    }
  }
  for (const root of roots) walk(root, undefined, [])
  const errors =
    isObject(data) && Array.isArray(data.errors) ? (data.errors as unknown[]).filter(isObject) : []
  for (const error of errors) {
    const location =
      isObject(error.location) && typeof error.location.file === 'string'
        ? error.location.file
        : undefined
    if (location)
      fileFailures.push({
        file: fileIdOf(location),
        message: message(error.message) ?? 'error',
      })
  }
  return { tests, fileFailures }
}

/**
 * Events written by Shardwise's node:test reporter, one JSON object per line:
 * `{"type":"test","file","path":["describe",…,"name"],"status","ms","message"}` and
 * `{"type":"file-error","file","message"}`.
 */
export function parseNodeTestOutcomes(text: string, options: NormalizeOptions = {}): Outcomes {
  const tests: TestOutcome[] = []
  const fileFailures: FileFailure[] = []
  const files: FileTiming[] = []
  for (const line of text.split('\n')) {
    if (line.trim() === '') continue
    let event: unknown
    try {
      event = JSON.parse(line)
    } catch {
      continue
    }
    if (!isObject(event) || typeof event.file !== 'string') continue
    const file = normalizeFileId(event.file, options)
    if (event.type === 'file-error') {
      fileFailures.push({ file, message: message(event.message) ?? 'the test file failed to run' })
      continue
    }
    if (event.type === 'file') {
      const time = seconds(event.ms)
      if (time !== undefined && time > 0)
        files.push({
          file,
          seconds: time,
          ...(typeof event.startMs === 'number' && Number.isFinite(event.startMs)
            ? { startMs: event.startMs }
            : {}),
        })
      continue
    }
    if (event.type !== 'test' || !Array.isArray(event.path)) continue
    const path = event.path.filter((p): p is string => typeof p === 'string')
    const name = path[path.length - 1]
    if (name === undefined) continue
    const status: OutcomeStatus =
      event.status === 'passed' ? 'passed' : event.status === 'failed' ? 'failed' : 'skipped'
    tests.push({
      id: joinTestId(file, path.slice(0, -1), name),
      file,
      status,
      seconds: seconds(event.ms),
      message: status === 'failed' ? message(event.message) : undefined,
    })
  }
  return { tests, fileFailures, files }
}
