import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { fileOfId, splitTestId } from '../../core/ids.js'
import { parseMochaOutcomes } from '../../core/outcomes.js'
import { escapeRegExp } from './jest.js'
import { argumentBytes, chunkByArgumentBytes, pathArgument, type RunnerAdapter } from './types.js'

/**
 * Mocha: files as `./` paths, results from Mocha's `json` reporter written to a file. A retry
 * of single tests uses an anchored, escaped `--grep` on the full title.
 */
export const mocha: RunnerAdapter = {
  name: 'mocha',
  selectsTests: false,
  invocations({ command, items, reportDir }) {
    const files = [...new Set(items.map(fileOfId))].sort()
    const tests = items.filter((i) => splitTestId(i) !== undefined)
    const titles = tests.map((id) => (splitTestId(id)?.rest ?? '').split('::').join(' '))
    const grep =
      tests.length > 0 && tests.length === items.length
        ? ['--grep', `^(?:${[...new Set(titles)].map(escapeRegExp).join('|')})$`]
        : []
    const fixed = (n: number) => [
      ...command,
      '--reporter',
      'json',
      '--reporter-option',
      `output=${join(reportDir, `mocha-${n}.json`)}`,
      ...grep,
    ]
    const chunks = chunkByArgumentBytes(
      files,
      argumentBytes(fixed(0)),
      (f) => Buffer.byteLength(f) + 2,
    )
    return chunks.map((chunk, n) => ({ argv: [...fixed(n), ...chunk.map(pathArgument)] }))
  },
  async readOutcomes(invocation, { cwd }) {
    const option = invocation.argv.find((a) => a.startsWith('output='))?.slice('output='.length)
    if (option === undefined) return { tests: [], fileFailures: [] }
    try {
      return parseMochaOutcomes(JSON.parse(await readFile(option, 'utf8')), { roots: [cwd] })
    } catch {
      return { tests: [], fileFailures: [] }
    }
  },
}
