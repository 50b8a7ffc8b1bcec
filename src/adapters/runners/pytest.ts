import { existsSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import { delimiter, dirname, join, resolve } from 'node:path'
import { acceptSeconds } from '../../core/duration.js'
import { fileOfId, joinTestId, normalizeFileId, splitTestId } from '../../core/ids.js'
import type { FileFailure, Outcomes, TestOutcome } from '../../core/outcomes.js'
import { readJunitOutcomes } from './junit-outcomes.js'
import { bundledReporterPath } from './reporter-path.js'
import { argumentBytes, chunkByArgumentBytes, pathArgument } from './args.js'
import type { InvocationInput, RunnerAdapter } from './types.js'

const JUNIT_FLAG = '--junitxml='
/** Shardwise's plugin (src/reporters/shardwise_pytest.py): collection times, xfail and xpass. */
const PLUGIN = 'shardwise_pytest'
const PLUGIN_REPORT = 'SHARDWISE_PYTEST_REPORT'

interface PluginReport {
  /** Seconds each test module took to import and collect, by its node id (the file). */
  readonly collectSeconds: ReadonlyMap<string, number>
  /**
   * Seconds the run loop spent on each file's tests: their setup, call and teardown and
   * pytest's own work around each (hooks, reports, output), which JUnit's times leave out.
   */
  readonly runSeconds: ReadonlyMap<string, number>
  readonly xpassed: ReadonlySet<string>
  readonly xfailed: ReadonlySet<string>
}

/** What the plugin wrote; nothing (an older or broken run) leaves the JUnit report alone. */
async function readPluginReport(path: string | undefined): Promise<PluginReport | undefined> {
  if (path === undefined) return undefined
  let data: unknown
  try {
    data = JSON.parse(await readFile(path, 'utf8'))
  } catch {
    return undefined
  }
  if (typeof data !== 'object' || data === null) return undefined
  const record = data as Record<string, unknown>
  const ids = (value: unknown) =>
    new Set(
      Array.isArray(value)
        ? (value as unknown[]).filter((v): v is string => typeof v === 'string')
        : [],
    )
  const secondsByFile = (value: unknown) => {
    const byFile = new Map<string, number>()
    if (typeof value !== 'object' || value === null) return byFile
    for (const [file, seconds] of Object.entries(value as Record<string, unknown>)) {
      const accepted = acceptSeconds(seconds)
      if (accepted !== undefined) byFile.set(normalizeFileId(file), accepted)
    }
    return byFile
  }
  return {
    collectSeconds: secondsByFile(record.collectSeconds),
    runSeconds: secondsByFile(record.runSeconds),
    xpassed: ids(record.xpassed),
    xfailed: ids(record.xfailed),
  }
}

/**
 * pytest's dotted name for a file, as its JUnit writer builds class names: `/` becomes `.` and
 * the `.py` goes (`tests/test_x.py` → `tests.test_x`).
 */
function dottedModule(file: string): string {
  return file.replace(/\//g, '.').replace(/\.py$/, '')
}

/**
 * pytest (since 7.1) cuts every argument at its first `[`, where a node id's parameters begin,
 * so a path with a `[` in it cannot be given at all: pytest stops with a usage error ("file or
 * directory not found" up to 8, "path cannot contain [] parametrization" from 9).
 */
function selectable(item: string): boolean {
  return !fileOfId(item).includes('[')
}

/**
 * Rewrites one JUnit test case into the node id pytest itself uses. pytest's xunit1 JUnit has
 * `classname` = the node id with `/` → `.` and `.py` dropped, `name` = the last part, and
 * `file` = where the test function is *defined*. The generic reader gets the node id right for
 * the common case, but not when the function is defined in another module than the one that
 * collects it (a test class inheriting its tests from a base class in `base.py`), nor when the
 * module's name is not a Python identifier (`test_a b.py`, `test_ünï.py`, `-k_test.py`): there
 * it keeps the raw class name as one scope. The files this invocation ran tell which module the
 * class name starts with.
 */
function nodeIdOf(test: TestOutcome, modules: ReadonlyMap<string, string>): string {
  const prefix = `${test.file}::`
  if (!test.id.startsWith(prefix)) return test.id
  const rest = test.id.slice(prefix.length)
  const at = rest.indexOf('::')
  if (at < 0) return test.id
  const className = rest.slice(0, at)
  const name = rest.slice(at + 2)
  // The longest module first: `tests.test_x.TestY`, then `tests.test_x`, then `tests`.
  for (let end = className.length; end > 0; end = className.lastIndexOf('.', end - 1)) {
    const file = modules.get(className.slice(0, end))
    // The reader already took a class name equal to its own file's module as no scope.
    if (file === undefined || (end === className.length && file === test.file)) continue
    const classes = end === className.length ? [] : className.slice(end + 1).split('.')
    return joinTestId(file, classes, name)
  }
  return test.id
}

/** pytest options that take no value: a word after one of them is an argument of its own. */
const FLAGS = new Set([
  '-v',
  '-vv',
  '-vvv',
  '-q',
  '-qq',
  '-x',
  '-s',
  '-l',
  '--verbose',
  '--quiet',
  '--exitfirst',
  '--showlocals',
  '--strict-markers',
  '--strict-config',
  '--strict',
  '--lf',
  '--last-failed',
  '--ff',
  '--failed-first',
  '--nf',
  '--new-first',
  '--sw',
  '--stepwise',
  '--no-header',
  '--no-summary',
  '--disable-warnings',
  '--runxfail',
  '--doctest-modules',
  '--pyargs',
  '--continue-on-collection-errors',
])

/**
 * The user's command without the test paths it names (`python -m pytest -q tests/unit`): the
 * listing keeps them (they bound the suite), but a shard given `tests/unit` besides its own node
 * ids would run all of `tests/unit` again. A word counts as a path only when it exists, follows
 * the runner's name, a known flag, another argument or a value, and is not an `@argsfile`; a word
 * right after an unknown option may be that option's value (`--cov src`) and stays.
 */
function withoutPaths(command: readonly string[], cwd: string): string[] {
  const at = command.findIndex((word) => /(?:^|\/)(?:pytest|py\.test)$/.test(word))
  if (at < 0) return [...command]
  const out = command.slice(0, at + 1)
  for (let i = at + 1; i < command.length; i++) {
    const word = command[i] ?? ''
    const previous = command[i - 1] ?? ''
    const mayBeValue =
      i > at + 1 && previous.startsWith('-') && !previous.includes('=') && !FLAGS.has(previous)
    if (
      !mayBeValue &&
      !word.startsWith('-') &&
      !word.startsWith('@') &&
      word !== '' &&
      existsSync(resolve(cwd, fileOfId(word)))
    )
      continue
    out.push(word)
  }
  return out
}

/** Turns what the JUnit reader found into pytest node ids, and collection errors into file failures. */
function pytestOutcomes(
  read: Outcomes & { readonly problems: readonly string[] },
  input: InvocationInput,
  plugin: PluginReport | undefined,
): Outcomes & { readonly problems: readonly string[] } {
  const modules = new Map(input.items.map((item) => [dottedModule(fileOfId(item)), fileOfId(item)]))
  const tests: TestOutcome[] = []
  const fileFailures: FileFailure[] = [...read.fileFailures]
  for (const test of read.tests) {
    // A collection report has an empty class name and the dotted module as its name. A module
    // skipped whole (`pytest.importorskip`) stays a skipped case of its file.
    if (
      test.id === `${test.file}::${dottedModule(test.file)}` &&
      test.status === 'failed' &&
      (test.message ?? '').startsWith('collection failure')
    ) {
      fileFailures.push({
        file: test.file,
        message: 'collection failure: the module could not be imported (see the pytest output)',
      })
      continue
    }
    const id = nodeIdOf(test, modules)
    const renamed = id === test.id ? test : { ...test, id, file: fileOfId(id) }
    // pytest's own outcomes for xfail-marked tests: an expected failure is "xfailed", an
    // unexpected pass "xpassed" (its JUnit writer calls them skipped and passed).
    const status =
      plugin?.xpassed.has(id) === true && renamed.status === 'passed'
        ? 'xpassed'
        : plugin?.xfailed.has(id) === true && renamed.status === 'skipped'
          ? 'xfailed'
          : renamed.status
    tests.push(status === renamed.status ? renamed : { ...renamed, status })
  }
  // A file's cost is what the run loop spent on its tests (from the plugin, where it ran:
  // pytest's own work per test included) or else the sum of its JUnit times (setup, call and
  // teardown; a module-scoped fixture's set-up lands on the module's first test), plus what
  // importing and collecting it took.
  const perFile = new Map<string, number>()
  for (const test of tests) {
    if (test.seconds === undefined) continue
    perFile.set(test.file, (perFile.get(test.file) ?? 0) + test.seconds)
  }
  const reported = new Set(tests.map((test) => test.file))
  for (const [file, seconds] of plugin?.runSeconds ?? []) {
    if (reported.has(file)) perFile.set(file, seconds) // in place of the JUnit sum
  }
  for (const [file, seconds] of plugin?.collectSeconds ?? []) {
    if (perFile.has(file)) perFile.set(file, (perFile.get(file) ?? 0) + seconds)
  }
  const files = [...perFile]
    .filter(([, seconds]) => seconds > 0)
    .map(([file, seconds]) => ({ file, seconds }))
  return { tests, fileFailures, files, problems: read.problems }
}

/**
 * Reads the lines of `pytest --collect-only` at verbosity -1: node ids, one a line, then a
 * blank line and the summary. A node id whose path holds a newline arrives over several lines:
 * they are joined back where the joined path exists and the pieces do not. At verbosity -2
 * (`-qq`) pytest prints `path: count` per file instead: those files are the items.
 */
function parseCollected(stdout: string, cwd: string): string[] {
  const lines = stdout.split('\n').map((line) => line.replace(/\r$/, ''))
  const exists = (id: string) => {
    const file = fileOfId(id)
    return file !== '' && existsSync(resolve(cwd, file))
  }
  const out = new Set<string>()
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? ''
    if (line.trim() === '') {
      if (out.size > 0) break
      continue
    }
    if (line.startsWith(' ')) continue
    if (splitTestId(line) !== undefined && exists(line)) {
      out.add(line)
      continue
    }
    // A path with newlines: join the following lines until the path exists (a few at most).
    let joined = line
    let found: string | undefined
    for (let j = i + 1; j < Math.min(lines.length, i + 8); j++) {
      joined += `\n${lines[j] ?? ''}`
      if (splitTestId(joined) !== undefined && exists(joined)) {
        found = joined
        i = j
        break
      }
    }
    if (found !== undefined) {
      out.add(found)
      continue
    }
    const perFile = /^(.+): \d+$/.exec(line)
    if (perFile?.[1] !== undefined && existsSync(resolve(cwd, perFile[1]))) out.add(perFile[1])
  }
  return [...out]
}

/**
 * pytest: items are node ids (`tests/test_x.py::TestY::test_z[param]`) or files, passed as
 * `./`-prefixed arguments (a file named `@x` would otherwise be read as an arguments file, one
 * named `-k_test.py` as an option). Results come from pytest's built-in JUnit writer in the
 * `xunit1` family, the one that records each test's file, mapped back to node ids.
 * `--continue-on-collection-errors` keeps one module that fails to import from hiding the
 * results of every other file in the shard: it is reported as a file failure instead.
 */
export const pytest: RunnerAdapter = {
  name: 'pytest',
  selectsTests: true,
  itemsArePaths: true,
  noTestsExitCode: 5,
  invocations({ command, items, reportDir, cwd }) {
    const own = withoutPaths(command, cwd)
    const fixed = (n: number) => [
      ...own,
      `${JUNIT_FLAG}${join(reportDir, `pytest-${n}.xml`)}`,
      '-o',
      'junit_family=xunit1',
      '-p',
      'no:cacheprovider',
      '-p',
      PLUGIN,
      '--continue-on-collection-errors',
    ]
    // Our plugin is imported by name from its directory, ahead of the user's own path.
    const pluginDir = dirname(bundledReporterPath(PLUGIN, 'py'))
    const pythonPath = [pluginDir, process.env.PYTHONPATH]
      .filter((p) => p !== undefined && p !== '')
      .join(delimiter)
    const good = items.filter(selectable)
    // pytest rejects the whole command for one such path: run each such file alone, so that it
    // fails (never reported, so never a pass) without taking the others down with it.
    const bad = new Map<string, string[]>()
    for (const item of items.filter((i) => !selectable(i))) {
      bad.set(fileOfId(item), [...(bad.get(fileOfId(item)) ?? []), item])
    }
    const chunks = [
      ...chunkByArgumentBytes(good, argumentBytes(fixed(0)), (item) => Buffer.byteLength(item) + 2),
      ...bad.values(),
    ]
    return chunks.map((chunk, n) => ({
      argv: [...fixed(n), ...chunk.map(pathArgument)],
      env: { PYTHONPATH: pythonPath, [PLUGIN_REPORT]: join(reportDir, `pytest-${n}.json`) },
    }))
  },
  async readOutcomes(invocation, input) {
    // Ours is the last one: a `--junitxml` in the user's command comes earlier and is overridden.
    const report = invocation.argv
      .filter((a) => a.startsWith(JUNIT_FLAG))
      .at(-1)
      ?.slice(JUNIT_FLAG.length)
    const read = await readJunitOutcomes(report === undefined ? [] : [report], [input.cwd])
    return pytestOutcomes(read, input, await readPluginReport(invocation.env?.[PLUGIN_REPORT]))
  },
  list: {
    // `--verbosity=-1` after the user's words: a `-q` or `-v` there would change the format.
    argv: (command) => [...command, '--collect-only', '--verbosity=-1', '-p', 'no:cacheprovider'],
    parse: parseCollected,
  },
}
