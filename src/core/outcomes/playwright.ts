import { joinTestId, normalizeFileId, type NormalizeOptions } from '../ids.js'
import type { FileFailure, OutcomeStatus, Outcomes, TestOutcome } from '../outcomes.js'
import { isObject, message, seconds, type JsonObject } from './values.js'

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
  const fileIdOf = (path: string) =>
    normalizeFileId(rootDir !== undefined && !isAbsolute(path) ? `${rootDir}/${path}` : path, {
      roots: [...(options.roots ?? []), ...(rootDir !== undefined ? [rootDir] : [])],
    })
  for (const root of roots) walkSuite(root, undefined, [], fileIdOf, tests)
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

function isAbsolute(path: string): boolean {
  return /^(?:\/|[A-Za-z]:[\\/]|\\\\)/.test(path)
}

/** A test's outcome from Playwright's own verdict (`expected`, `unexpected`, `flaky`, `skipped`). */
function outcomeOf(test: JsonObject, results: readonly JsonObject[]): OutcomeStatus {
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

/** A suite (a file, then describe blocks) and everything under it, depth first. */
function walkSuite(
  suite: unknown,
  file: string | undefined,
  scopes: readonly string[],
  fileIdOf: (path: string) => string,
  tests: TestOutcome[],
): void {
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
      if (isObject(test)) tests.push(testOutcome(test, fileId, nextScopes, spec.title))
    }
  }
  for (const child of Array.isArray(suite.suites) ? (suite.suites as unknown[]) : []) {
    walkSuite(child, here, nextScopes, fileIdOf, tests)
  }
}

/** One test of a spec (one per project), over all its tries. */
function testOutcome(
  test: JsonObject,
  fileId: string,
  scopes: readonly string[],
  title: string,
): TestOutcome {
  const project =
    typeof test.projectName === 'string' && test.projectName !== '' ? [test.projectName] : []
  const results = Array.isArray(test.results) ? (test.results as unknown[]).filter(isObject) : []
  const status = outcomeOf(test, results)
  const last = results[results.length - 1]
  const errors = last && Array.isArray(last.errors) ? last.errors.filter(isObject) : []
  const error = last && isObject(last.error) ? last.error : errors[0]
  return {
    id: joinTestId(fileId, [...project, ...scopes], title),
    file: fileId,
    status,
    seconds: seconds(
      results.reduce((total, r) => total + (typeof r.duration === 'number' ? r.duration : 0), 0),
    ),
    message: status === 'failed' ? (message(error?.message) ?? 'the test failed') : undefined,
  }
}
