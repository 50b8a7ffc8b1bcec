import { spawnSync } from 'node:child_process'
import { bundledReporterPath } from './reporter-path.js'
import { countMatchingLines, rootsOf } from './roots.js'
import { readFile } from 'node:fs/promises'
import { basename, join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { fileOfId } from '../../core/ids.js'
import { parseNodeTestOutcomes } from '../../core/outcomes/node-test.js'
import { argumentBytes, chunkByArgumentBytes, pathArgument } from './args.js'
import type { RunnerAdapter } from './types.js'

/** Where the node:test reporter is (`dist/reporters/node-test.mjs` in the bundle). */
export function nodeReporterPath(): string {
  return bundledReporterPath('node-test')
}

/** Characters that node ≥ 21's `--test` glob matching reads as pattern syntax. */
const GLOB_SYNTAX = /[*?[\](){}]/

/**
 * A file path as a pattern that node ≥ 21's `--test` matches only against that file. Node
 * reads every positional argument as a glob (minimatch with backslashes as path separators, so
 * a backslash cannot escape): each pattern character goes into a one-character class. Brace
 * expansion runs before classes are read, and still expands `[{]a,b[}]` at its comma, so a
 * comma between braces becomes `[+--]` (`+`, `,` or `-`): the one place the pattern can match
 * more than the file, and only a sibling that differs from it by exactly that character.
 */
export function nodeGlobLiteral(path: string): string {
  let out = ''
  for (const char of path) out += GLOB_SYNTAX.test(char) ? `[${char}]` : char
  return path.includes('{') && path.includes('}') ? out.replace(/,/g, '[+--]') : out
}

const majorCache = new Map<string, number | undefined>()

/**
 * The major version of the node that `command` runs: its first word when that is a node
 * binary, else the `node` on the PATH (`npm test`, `npx …` scripts run that one).
 */
function nodeMajor(command: readonly string[]): number | undefined {
  const first = command[0] ?? 'node'
  const binary = /^node(?:js)?(?:\.exe)?$/.test(basename(first)) ? first : 'node'
  if (!majorCache.has(binary)) {
    const result = spawnSync(binary, ['--version'], { encoding: 'utf8', timeout: 10_000 })
    const match = /^v(\d+)\./.exec(typeof result.stdout === 'string' ? result.stdout : '')
    majorCache.set(binary, match ? Number(match[1]) : undefined)
  }
  return majorCache.get(binary)
}

/**
 * node's test runner: `node --test` with the files as `./` paths. It cannot run one test of a
 * file by id, so a retry runs the failing tests' files again. Results come from Shardwise's
 * own reporter (node 20's JUnit reporter records no file); the human-readable `spec` reporter
 * still prints to the terminal. Node 21 and later read the file arguments as globs, so a name
 * with glob syntax (`[id].test.js`) is passed as a pattern that matches only itself; node 20
 * takes them literally.
 */
export const nodeTest: RunnerAdapter = {
  name: 'node',
  selectsTests: false,
  itemsArePaths: true,
  invocations({ command, items, reportDir }) {
    const files = [...new Set(items.map(fileOfId))]
    const globbing = files.some((f) => GLOB_SYNTAX.test(f)) && (nodeMajor(command) ?? 24) >= 21
    const argument = (f: string) => (globbing ? nodeGlobLiteral(pathArgument(f)) : pathArgument(f))
    // A URL, not a path: node imports the reporter as a module specifier, where `#`, `?` or
    // `%` in a path would be read as URL syntax.
    const reporter = pathToFileURL(nodeReporterPath()).href
    // Node reads everything after its first positional argument as the script's own
    // arguments, so our flags go right after `--test`; file arguments of the user's command
    // are dropped (they would run in every shard: the shard's files are the plan's).
    const at = command.indexOf('--test')
    const head = at < 0 ? [...command, '--test'] : command.slice(0, at + 1)
    const userFlags = at < 0 ? [] : command.slice(at + 1).filter((word) => word.startsWith('-'))
    const fixed = (n: number) => [
      ...head,
      ...userFlags,
      '--test-reporter=spec',
      '--test-reporter-destination=stdout',
      `--test-reporter=${reporter}`,
      `--test-reporter-destination=${join(reportDir, `node-${n}.jsonl`)}`,
    ]
    const chunks = chunkByArgumentBytes(files, argumentBytes(fixed(0)), (f) =>
      Buffer.byteLength(argument(f)),
    )
    return chunks.map((chunk, n) => ({ argv: [...fixed(n), ...chunk.map(argument)] }))
  },
  finishedTests(invocation) {
    const destination = invocation.argv
      .filter((a) => a.startsWith('--test-reporter-destination='))
      .pop()
    return countMatchingLines(
      destination?.slice('--test-reporter-destination='.length),
      /^\{"type":"test"/gm,
    )
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
    return parseNodeTestOutcomes(text, { roots: rootsOf(cwd) })
  },
}
