import { acceptSeconds } from '../duration.js'
import { joinTestId, normalizeFileId, type NormalizeOptions } from '../ids.js'
import type { FileFailure, FileTiming, OutcomeStatus, Outcomes, TestOutcome } from '../outcomes.js'
import { isObject, message, seconds } from './values.js'

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
