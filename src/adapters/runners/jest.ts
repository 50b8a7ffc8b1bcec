import { rootsOf } from './roots.js'
import { readFile } from 'node:fs/promises'
import { isAbsolute, join, relative } from 'node:path'
import { fileOfId, normalizeFileId, splitTestId } from '../../core/ids.js'
import type { Outcomes } from '../../core/outcomes.js'
import { parseJestOutcomes } from '../../core/outcomes/jest.js'
import { covers } from '../../core/shard-result.js'
import { argumentBytes, chunkByArgumentBytes, escapeRegExp, pathArgument } from './args.js'
import type { Invocation, InvocationInput, ReadOutcomes, RunnerAdapter } from './types.js'

/**
 * A pattern matching exactly these tests' full names: the describe titles and the test title
 * joined by spaces, as Jest's and Vitest's `-t` see them. A `::` inside a title is
 * indistinguishable in the id from a scope boundary, so each boundary matches either.
 */
export function fullNamePattern(ids: readonly string[]): string | undefined {
  const names = ids
    .map((id) => splitTestId(id)?.rest)
    .filter((rest): rest is string => rest !== undefined)
  if (names.length === 0) return undefined
  return `^(?:${[...new Set(names)].sort().map(alternative).join('|')})$`
}

function alternative(rest: string): string {
  return rest.split('::').map(escapeRegExp).join('(?: |::)')
}

/**
 * One argument may hold at most 128 KiB on Linux (MAX_ARG_STRLEN): many tests of one file are
 * selected by several patterns, one invocation each.
 */
const MAX_PATTERN_BYTES = 64 * 1024

function patternGroups(ids: readonly string[]): string[][] {
  const groups: string[][] = []
  let current: string[] = []
  let bytes = 0
  for (const id of ids) {
    const size = Buffer.byteLength(alternative(splitTestId(id)?.rest ?? '')) + 1
    if (current.length > 0 && bytes + size > MAX_PATTERN_BYTES) {
      groups.push(current)
      current = []
      bytes = 0
    }
    current.push(id)
    bytes += size
  }
  if (current.length > 0) groups.push(current)
  return groups
}

/** What one invocation was asked to run: whole files, and single tests of other files. */
interface Asked {
  readonly wholeFiles: ReadonlySet<string>
  readonly testsByFile: ReadonlyMap<string, readonly string[]>
  /** The report the runner writes for this invocation. */
  readonly report: string
}

/** The items and report of each invocation built here, for reading its outcomes back. */
const asked = new WeakMap<Invocation, Asked>()

/** How a runner takes files: flags before them and one argument per file. */
export interface FileArguments {
  readonly before: readonly string[]
  readonly file: (file: string) => string
}

/**
 * Groups items into invocations: whole files together (chunked below the OS argument limit),
 * and, for each file with only some tests selected, one invocation per anchored `-t` pattern
 * (of that file only, so that a pattern cannot pick up a same-named test in another file).
 */
export function jestLikeInvocations(
  input: InvocationInput,
  fixed: (report: string) => string[],
  reportPath: (n: number) => string,
  files: FileArguments,
  testNameFlag: string,
  /** Variables an invocation needs besides its arguments (where a reporter writes). */
  envFor?: (report: string) => Readonly<Record<string, string>>,
): Invocation[] {
  const wholeFiles = [...new Set(input.items.filter((i) => splitTestId(i) === undefined))].sort()
  const whole = new Set(wholeFiles)
  const testsByFile = new Map<string, string[]>()
  for (const item of input.items) {
    const file = fileOfId(item)
    if (splitTestId(item) === undefined || whole.has(file)) continue
    const list = testsByFile.get(file) ?? []
    list.push(item)
    testsByFile.set(file, list)
  }
  const out: Invocation[] = []
  let n = 0
  const add = (argv: string[], report: string, value: Omit<Asked, 'report'>) => {
    const invocation: Invocation = envFor ? { argv, env: envFor(report) } : { argv }
    asked.set(invocation, { ...value, report })
    out.push(invocation)
  }
  const base = argumentBytes([...fixed(reportPath(0)), ...files.before])
  for (const chunk of chunkByArgumentBytes(wholeFiles, base, (f) =>
    Buffer.byteLength(files.file(f)),
  )) {
    const report = reportPath(n++)
    add([...fixed(report), ...files.before, ...chunk.map(files.file)], report, {
      wholeFiles: new Set(chunk),
      testsByFile: new Map(),
    })
  }
  for (const [file, ids] of [...testsByFile].sort(([a], [b]) => (a < b ? -1 : 1))) {
    for (const group of patternGroups([...new Set(ids)].sort())) {
      const pattern = fullNamePattern(group)
      const report = reportPath(n++)
      add(
        [
          ...fixed(report),
          ...(pattern ? [testNameFlag, pattern] : []),
          ...files.before,
          files.file(file),
        ],
        report,
        { wholeFiles: new Set(), testsByFile: new Map([[file, group]]) },
      )
    }
  }
  return out
}

/** Reads a Jest-shaped JSON report, keeping only what the invocation asked for. */
export async function readJestLikeReport(
  runner: string,
  invocation: Invocation,
  input: InvocationInput,
  reportFromArgv: () => string | undefined,
): Promise<ReadOutcomes> {
  const known = asked.get(invocation)
  const report = known?.report ?? reportFromArgv()
  if (report === undefined) return { tests: [], fileFailures: [], problems: [] }
  let data: unknown
  try {
    data = JSON.parse(await readFile(report, 'utf8'))
  } catch {
    // No report (the runner crashed or never started): every asked item stays missing.
    return { tests: [], fileFailures: [], problems: [] }
  }
  const outcomes = parseJestOutcomes(data, {
    roots: rootsOf(input.cwd),
    fileTimes: runner === 'jest',
  })
  return keepAsked(runner, outcomes, known ?? askedOf(input.items, report))
}

function askedOf(items: readonly string[], report: string): Asked {
  const wholeFiles = new Set(items.filter((i) => splitTestId(i) === undefined))
  const testsByFile = new Map<string, string[]>()
  for (const item of items) {
    if (splitTestId(item) === undefined || wholeFiles.has(fileOfId(item))) continue
    testsByFile.set(fileOfId(item), [...(testsByFile.get(fileOfId(item)) ?? []), item])
  }
  return { wholeFiles, testsByFile, report }
}

/**
 * Keeps the outcomes of what was asked. A `-t` pattern makes the runner report every other test
 * of the file as skipped, and Vitest's file filters also run any file whose path merely contains
 * a requested one: neither is a result of this shard (the other shard that owns such a file
 * reports it), and counting them would add skipped attempts and duplicate tests.
 */
function keepAsked(
  runner: string,
  outcomes: Outcomes,
  spelled: Asked,
): Outcomes & { problems: readonly string[] } {
  // Items may carry a file's on-disk spelling (NFD); outcomes are normalised to NFC.
  const nfc = (text: string) => text.normalize('NFC')
  const what: Asked = {
    wholeFiles: new Set([...spelled.wholeFiles].map(nfc)),
    testsByFile: new Map([...spelled.testsByFile].map(([file, ids]) => [nfc(file), ids.map(nfc)])),
    report: spelled.report,
  }
  const isAsked = (file: string) => what.wholeFiles.has(file) || what.testsByFile.has(file)
  const extraFiles = new Set<string>()
  const tests = outcomes.tests.filter((test) => {
    if (what.wholeFiles.has(test.file)) return true
    const ids = what.testsByFile.get(test.file)
    if (ids) return ids.some((id) => covers(id, test.id))
    extraFiles.add(test.file)
    return false
  })
  const fileFailures = outcomes.fileFailures.filter((failure) => {
    if (isAsked(failure.file)) return true
    extraFiles.add(failure.file)
    return false
  })
  const problems =
    extraFiles.size === 0
      ? []
      : [
          `${runner} also ran ${extraFiles.size} ${extraFiles.size === 1 ? 'file' : 'files'} this shard did not ask for (results ignored): ${[
            ...extraFiles,
          ]
            .sort()
            .slice(0, 5)
            .map((f) => JSON.stringify(f))
            .join(', ')}${extraFiles.size > 5 ? ', …' : ''}`,
        ]
  const files = outcomes.files?.filter((timing) => isAsked(timing.file))
  return { tests, fileFailures, problems, ...(files ? { files } : {}) }
}

/**
 * Paths from a runner's listing, relative to `cwd`: a JSON array of paths (or of `{file}`
 * objects) on a line of its own, or else one absolute path per line. JSON keeps names with
 * newlines whole; lines around it (`npm test` prints its own header) are ignored.
 */
export function parseListedPaths(stdout: string, cwd: string): string[] {
  const roots = rootsOf(cwd)
  const toRelative = (path: string): string | undefined => {
    for (const root of roots) {
      const rel = relative(root, path)
      if (rel !== '' && rel !== '..' && !rel.startsWith('../') && !isAbsolute(rel)) return rel
    }
    return undefined
  }
  const fromJson = jsonPaths(stdout)
  const paths =
    fromJson ??
    stdout
      .split('\n')
      .map((line) => line.replace(/\r$/, ''))
      .filter((line) => line.startsWith('/'))
  const out: string[] = []
  for (const path of paths) {
    const rel = isAbsolute(path) ? toRelative(path) : normalizeFileId(path)
    if (rel !== undefined) out.push(rel)
  }
  return [...new Set(out)]
}

/** The first JSON array of paths in the output (it may span lines, as Vitest prints it). */
function jsonPaths(stdout: string): string[] | undefined {
  const lines = stdout.split('\n')
  for (let i = 0; i < lines.length; i++) {
    if (!(lines[i] ?? '').trimStart().startsWith('[')) continue
    // Try the shortest run of lines from here that parses: one line (Jest), or until the
    // closing bracket (Vitest's indented output).
    for (let j = i; j < lines.length; j++) {
      if (!(lines[j] ?? '').trimEnd().endsWith(']')) continue
      let data: unknown
      try {
        data = JSON.parse(lines.slice(i, j + 1).join('\n'))
      } catch {
        continue
      }
      if (!Array.isArray(data)) break
      const paths: string[] = []
      for (const entry of data as unknown[]) {
        if (typeof entry === 'string') paths.push(entry)
        else if (
          typeof entry === 'object' &&
          entry !== null &&
          typeof (entry as { file?: unknown }).file === 'string'
        )
          paths.push((entry as { file: string }).file)
      }
      return paths
    }
  }
  return undefined
}

/**
 * Jest: files go after `--runTestsByPath`, which makes Jest take them as literal paths (as
 * plain arguments they are regular expressions, and `[id].test.tsx` matches nothing), each
 * `./`-prefixed so that `-rf.test.js` is not an option. Results come from Jest's own `--json`
 * output. Single tests (planned at test granularity, or retried after failing) run with an
 * anchored, escaped `-t` pattern over their full names; Jest applies it case-insensitively and
 * full names can coincide, so only the outcomes of the asked ids count.
 */
export const jest: RunnerAdapter = {
  name: 'jest',
  selectsTests: true,
  itemsArePaths: true,
  listsFilesCheaply: true,
  invocations(input) {
    return jestLikeInvocations(
      input,
      (report) => [...input.command, '--json', `--outputFile=${report}`],
      (n) => join(input.reportDir, `jest-${n}.json`),
      { before: ['--runTestsByPath'], file: pathArgument },
      '-t',
    )
  },
  readOutcomes(invocation, input) {
    return readJestLikeReport('jest', invocation, input, () =>
      invocation.argv.findLast((a) => a.startsWith('--outputFile='))?.slice('--outputFile='.length),
    )
  },
  list: {
    // `--json` prints one JSON array: a path with a newline in it stays one path.
    argv: (command) => [...command, '--listTests', '--json'],
    parse: parseListedPaths,
  },
}
