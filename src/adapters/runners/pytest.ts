import { join } from 'node:path'
import { readJunitOutcomes } from './junit-outcomes.js'
import { argumentBytes, chunkByArgumentBytes, pathArgument, type RunnerAdapter } from './types.js'

/**
 * pytest: items are node ids (`tests/test_x.py::TestY::test_z[param]`) or files, passed as
 * `./`-prefixed arguments (a file named `@x` would otherwise be read as an arguments file).
 * Results come from pytest's built-in JUnit writer in the `xunit1` family, the one that
 * records each test's file.
 */
export const pytest: RunnerAdapter = {
  name: 'pytest',
  selectsTests: true,
  invocations({ command, items, reportDir }) {
    const fixed = (n: number) => [
      ...command,
      `--junitxml=${join(reportDir, `pytest-${n}.xml`)}`,
      '-o',
      'junit_family=xunit1',
      '-p',
      'no:cacheprovider',
    ]
    const chunks = chunkByArgumentBytes(
      items,
      argumentBytes(fixed(0)),
      (item) => Buffer.byteLength(item) + 2,
    )
    return chunks.map((chunk, n) => ({ argv: [...fixed(n), ...chunk.map(pathArgument)] }))
  },
  async readOutcomes(invocation, { cwd }) {
    const report = invocation.argv
      .find((a) => a.startsWith('--junitxml='))
      ?.slice('--junitxml='.length)
    return readJunitOutcomes(report === undefined ? [] : [report], [cwd])
  },
  list: {
    argv: (command) => [...command, '--collect-only', '-q', '-p', 'no:cacheprovider'],
    parse: (stdout) =>
      stdout
        .split('\n')
        .map((line) => line.trimEnd())
        .filter((line) => line.includes('::') && !line.startsWith(' ')),
  },
}
