import { access } from 'node:fs/promises'
import { describeError } from '../../core/errors.js'
import { JunitError, JunitParser, type JunitCase } from '../../core/formats/junit.js'
import type { FileFailure, Outcomes, TestOutcome } from '../../core/outcomes.js'
import { streamJunit } from '../timings-files.js'

/**
 * Reads the outcomes of JUnit reports. A missing report means the runner never got to write
 * it (it crashed, or was killed): no outcomes, so every planned item shows up as missing. A
 * truncated report keeps its complete test cases.
 */
export async function readJunitOutcomes(
  paths: readonly string[],
  roots: readonly string[],
): Promise<Outcomes & { readonly problems: readonly string[] }> {
  const tests: TestOutcome[] = []
  const fileFailures: FileFailure[] = []
  const problems: string[] = []
  for (const path of paths) {
    try {
      await access(path)
    } catch {
      problems.push(`${path}: the runner wrote no report`)
      continue
    }
    const onCase = (testCase: JunitCase) => {
      // pytest writes a strict xfail mark's unexpected pass as a skip; pytest itself fails it.
      if (testCase.expectation === 'xpass-strict') {
        tests.push({
          id: testCase.id,
          file: testCase.file,
          status: 'failed',
          seconds: testCase.seconds,
          message: 'XPASS(strict): the test passed although marked xfail(strict=True)',
        })
        return
      }
      tests.push({
        id: testCase.id,
        file: testCase.file,
        status:
          testCase.status === 'passed'
            ? 'passed'
            : testCase.status === 'skipped'
              ? testCase.expectation === 'xfail'
                ? 'xfailed'
                : 'skipped'
              : 'failed',
        seconds: testCase.seconds,
        message: testCase.message,
      })
    }
    const parser = new JunitParser(path, { roots, onCase })
    try {
      await streamJunit(path, parser)
      const summary = parser.end()
      if (summary.partial) problems.push(summary.partial)
    } catch (error) {
      // Not JUnit, or unreadable (a directory, no permission, gone since): the cases read so
      // far stand and the rest show up as missing. Throwing would lose the whole shard result.
      problems.push(
        error instanceof JunitError
          ? error.message
          : `${path}: cannot read the report (${describeError(error)})`,
      )
    }
  }
  return { tests, fileFailures, problems }
}
