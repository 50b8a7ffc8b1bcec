import { existsSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { fileOfId } from '../../core/ids.js'
import { parseNodeTestOutcomes } from '../../core/outcomes.js'
import { argumentBytes, chunkByArgumentBytes, pathArgument, type RunnerAdapter } from './types.js'

/**
 * Where Shardwise's node:test reporter lives: beside the bundle (dist/reporters/) or in the
 * source tree when running from src/.
 */
export function nodeReporterPath(): string {
  // Built from parts at run time: a literal path would be taken over by the bundler, which
  // rewrites it into a copy that node can no longer load as a reporter.
  const file = ['node-test', 'mjs'].join('.')
  const here = dirname(fileURLToPath(import.meta.url))
  const candidates = [
    join(here, '..', 'reporters', file), // dist/cli/index.js → dist/reporters
    join(here, 'reporters', file), // dist/index.js → dist/reporters
    join(here, '..', '..', 'reporters', file), // src/adapters/runners → src/reporters
  ]
  const found = candidates.find((path) => existsSync(path))
  if (found === undefined) {
    throw new Error(
      'the node:test reporter (reporters/node-test.mjs) is missing from the installation',
    )
  }
  return found
}

/**
 * node's test runner: `node --test` with the files as `./` paths. It cannot run one test of a
 * file by id, so a retry runs the failing tests' files again. Results come from Shardwise's
 * own reporter (node 20's JUnit reporter records no file); the human-readable `spec` reporter
 * still prints to the terminal.
 */
export const nodeTest: RunnerAdapter = {
  name: 'node',
  selectsTests: false,
  invocations({ command, items, reportDir }) {
    const files = [...new Set(items.map(fileOfId))]
    const fixed = (n: number) => [
      ...command,
      '--test-reporter=spec',
      '--test-reporter-destination=stdout',
      `--test-reporter=${nodeReporterPath()}`,
      `--test-reporter-destination=${join(reportDir, `node-${n}.jsonl`)}`,
    ]
    const chunks = chunkByArgumentBytes(
      files,
      argumentBytes(fixed(0)),
      (f) => Buffer.byteLength(f) + 2,
    )
    return chunks.map((chunk, n) => ({ argv: [...fixed(n), ...chunk.map(pathArgument)] }))
  },
  async readOutcomes(invocation, { cwd }) {
    const destination = invocation.argv
      .filter((a) => a.startsWith('--test-reporter-destination='))
      .pop()
    const path = destination?.slice('--test-reporter-destination='.length)
    let text = ''
    try {
      text = path === undefined ? '' : await readFile(path, 'utf8')
    } catch {
      // No report: the runner died before writing one; every item will show as missing.
    }
    return parseNodeTestOutcomes(text, { roots: [cwd] })
  },
}
