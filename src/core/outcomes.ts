import { acceptSeconds } from './duration.js'
import { joinTestId, normalizeFileId, type NormalizeOptions } from './ids.js'

/**
 * What a runner said about each test in one invocation, whatever its report format. Parsers
 * here turn the runners' own machine-readable reports (Jest/Vitest JSON, Mocha JSON, Playwright
 * JSON, `go test -json`, node:test events) into one shape; JUnit comes through
 * `JunitParser`'s `onCase`.
 */
export type OutcomeStatus = 'passed' | 'failed' | 'skipped'

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

export interface Outcomes {
  readonly tests: readonly TestOutcome[]
  readonly fileFailures: readonly FileFailure[]
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
 * `message` but no assertions.
 */
export function parseJestOutcomes(data: unknown, options: NormalizeOptions = {}): Outcomes {
  const tests: TestOutcome[] = []
  const fileFailures: FileFailure[] = []
  const results = isObject(data) && Array.isArray(data.testResults) ? data.testResults : []
  for (const result of results as unknown[]) {
    if (!isObject(result) || typeof result.name !== 'string') continue
    const file = normalizeFileId(result.name, options)
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
        message: status === 'failed' ? message(assertion.failureMessages) : undefined,
      })
    }
    if (
      result.status === 'failed' &&
      !assertions.some((a) => isObject(a) && a.status === 'failed')
    ) {
      fileFailures.push({ file, message: message(result.message) ?? 'the test file failed to run' })
    }
  }
  return { tests, fileFailures }
}

/**
 * `go test -json` events. Ids are `<package>::<TopLevelTest>`; a subtest's result is folded
 * into its parent (a failing subtest fails the parent, and `-run` selects by parent). A
 * package that fails without any test failing (a build error, a panic in init) is a file
 * failure.
 */
export function parseGoOutcomes(text: string): Outcomes {
  const tests = new Map<string, TestOutcome>()
  const packageFailed = new Map<string, string>()
  const output = new Map<string, string[]>()
  for (const line of text.split('\n')) {
    if (!line.startsWith('{')) continue
    let event: unknown
    try {
      event = JSON.parse(line)
    } catch {
      continue
    }
    if (!isObject(event) || typeof event.Package !== 'string' || typeof event.Action !== 'string')
      continue
    const pkg = event.Package
    const test = typeof event.Test === 'string' ? event.Test : undefined
    if (event.Action === 'output' && typeof event.Output === 'string') {
      const key = test === undefined ? pkg : `${pkg}::${test.split('/')[0] ?? test}`
      const lines = output.get(key) ?? []
      if (lines.length < 40) lines.push(event.Output)
      output.set(key, lines)
      continue
    }
    if (event.Action !== 'pass' && event.Action !== 'fail' && event.Action !== 'skip') continue
    if (test === undefined) {
      if (event.Action === 'fail') packageFailed.set(pkg, (output.get(pkg) ?? []).join(''))
      continue
    }
    if (test.includes('/')) continue
    const id = joinTestId(pkg, [], test)
    const status: OutcomeStatus =
      event.Action === 'pass' ? 'passed' : event.Action === 'fail' ? 'failed' : 'skipped'
    tests.set(id, {
      id,
      file: pkg,
      status,
      seconds: acceptSeconds(event.Elapsed),
      message: status === 'failed' ? message((output.get(id) ?? []).join('')) : undefined,
    })
  }
  const fileFailures: FileFailure[] = []
  for (const [pkg, text] of packageFailed) {
    const anyTestFailed = [...tests.values()].some((t) => t.file === pkg && t.status === 'failed')
    if (!anyTestFailed)
      fileFailures.push({ file: pkg, message: message(text) ?? 'the package failed' })
  }
  return { tests: [...tests.values()], fileFailures }
}

/** Mocha's `json` reporter: `tests[]`, `failures[]`, `pending[]` with `file` and `fullTitle`. */
export function parseMochaOutcomes(data: unknown, options: NormalizeOptions = {}): Outcomes {
  const tests: TestOutcome[] = []
  if (!isObject(data)) return { tests, fileFailures: [] }
  const failed = new Set<unknown>()
  const pending = new Set<unknown>()
  const list = (key: string): JsonObject[] =>
    Array.isArray(data[key]) ? (data[key] as unknown[]).filter(isObject) : []
  for (const t of list('failures')) failed.add(`${String(t.file)}\u0000${String(t.fullTitle)}`)
  for (const t of list('pending')) pending.add(`${String(t.file)}\u0000${String(t.fullTitle)}`)
  const fileFailures: FileFailure[] = []
  for (const t of list('tests')) {
    if (typeof t.fullTitle !== 'string' || typeof t.title !== 'string') continue
    const key = `${String(t.file)}\u0000${t.fullTitle}`
    if (typeof t.file !== 'string') {
      // A hook failure outside any file ("before all" in a root hook) has no file.
      continue
    }
    const file = normalizeFileId(t.file, options)
    const scope = t.fullTitle.endsWith(t.title) ? t.fullTitle.slice(0, -t.title.length).trim() : ''
    const status: OutcomeStatus = failed.has(key)
      ? 'failed'
      : pending.has(key)
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
  return { tests, fileFailures }
}

/**
 * Playwright's `json` reporter: nested `suites[]` (file, then describe blocks) with `specs[]`,
 * each spec's `tests[]` (one per project) and their `results[]` (one per try).
 */
export function parsePlaywrightOutcomes(data: unknown, options: NormalizeOptions = {}): Outcomes {
  const tests: TestOutcome[] = []
  const fileFailures: FileFailure[] = []
  const roots = isObject(data) && Array.isArray(data.suites) ? (data.suites as unknown[]) : []
  const rootDir =
    isObject(data) && isObject(data.config) && typeof data.config.rootDir === 'string'
      ? data.config.rootDir
      : undefined
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
      const fileId = normalizeFileId(specFile, {
        roots: [...(options.roots ?? []), ...(rootDir ? [rootDir] : [])],
      })
      for (const test of Array.isArray(spec.tests) ? (spec.tests as unknown[]) : []) {
        if (!isObject(test)) continue
        const project =
          typeof test.projectName === 'string' && test.projectName !== '' ? [test.projectName] : []
        const results = Array.isArray(test.results)
          ? (test.results as unknown[]).filter(isObject)
          : []
        const last = results[results.length - 1]
        const raw = last?.status
        const status: OutcomeStatus =
          raw === 'passed'
            ? 'passed'
            : raw === 'skipped' || results.length === 0
              ? 'skipped'
              : 'failed'
        const error = last && isObject(last.error) ? last.error : undefined
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
          message: status === 'failed' ? message(error?.message) : undefined,
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
        file: normalizeFileId(location, options),
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
  return { tests, fileFailures }
}
