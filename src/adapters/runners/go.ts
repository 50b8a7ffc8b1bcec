import { readFileSync } from 'node:fs'
import { countMatchingLines } from './roots.js'
import { isAbsolute, join } from 'node:path'
import { splitTestId } from '../../core/ids.js'
import { goOutcomeParser } from '../../core/outcomes/go.js'
import { forEachLine } from '../read-lines.js'
import { argumentBytes, chunkByArgumentBytes, escapeRegExp } from './args.js'
import type { RunnerAdapter } from './types.js'

/** `go test` flags that take a value as the next word (`-run X`; `-run=X` is one word). */
const VALUE_FLAGS = new Set([
  // build flags
  'asmflags',
  'buildmode',
  'compiler',
  'C',
  'gccgoflags',
  'gcflags',
  'installsuffix',
  'ldflags',
  'mod',
  'modfile',
  'overlay',
  'p',
  'pgo',
  'pkgdir',
  'tags',
  'toolexec',
  // test flags
  'bench',
  'benchtime',
  'blockprofile',
  'blockprofilerate',
  'count',
  'covermode',
  'coverpkg',
  'coverprofile',
  'cpu',
  'cpuprofile',
  'exec',
  'fuzz',
  'fuzzminimizetime',
  'fuzztime',
  'list',
  'memprofile',
  'memprofilerate',
  'mutexprofile',
  'mutexprofilefraction',
  'o',
  'outputdir',
  'parallel',
  'run',
  'shuffle',
  'skip',
  'timeout',
  'trace',
  'vet',
])

/** Build flags that change which files and packages exist: `go list` must see them too. */
const LIST_FLAGS = new Set(['tags', 'mod', 'modfile', 'overlay', 'race', 'msan', 'asan'])

interface GoCommand {
  /** The words up to `test` (`go`, or `env X=1 go`), without `test`. */
  readonly head: readonly string[]
  /** The flags after `test`, each with its value. */
  readonly flags: readonly (readonly string[])[]
  /** Package patterns the user named (`./...`): the plan replaces them with its packages. */
  readonly patterns: readonly string[]
  /** `-args …`: passed to the test binaries, so they stay last. */
  readonly binaryArgs: readonly string[]
}

function base(word: string): string {
  return word.slice(word.lastIndexOf('/') + 1)
}

/** Splits `go test [flags] [packages] [flags] [-args …]` into its parts. */
function parseGoCommand(command: readonly string[]): GoCommand | undefined {
  const at = command.findIndex((word, i) => base(word) === 'go' && command[i + 1] === 'test')
  if (at < 0) return undefined
  const flags: string[][] = []
  const patterns: string[] = []
  const words = command.slice(at + 2)
  let binaryArgs: string[] = []
  for (let i = 0; i < words.length; i++) {
    const word = words[i] ?? ''
    if (word === '-args' || word === '--args') {
      binaryArgs = words.slice(i)
      break
    }
    if (!word.startsWith('-') || word === '-') {
      patterns.push(word)
      continue
    }
    const name = word.replace(/^--?/, '')
    const next = words[i + 1]
    if (!name.includes('=') && VALUE_FLAGS.has(name) && next !== undefined) {
      flags.push([word, next])
      i++
    } else {
      flags.push([word])
    }
  }
  return { head: command.slice(0, at + 1), flags, patterns, binaryArgs }
}

function flagName(flag: readonly string[]): string {
  return (flag[0] ?? '').replace(/^--?/, '').replace(/=.*$/s, '')
}

/**
 * Replaces Go's string, rune and comment contents with spaces (keeping line breaks), so that a
 * `func TestX` inside a comment or a raw string is not taken for a test.
 */
function codeOnly(source: string): string {
  let out = ''
  let i = 0
  /** Where the literal or comment starting at `i` ends (exclusive), or -1 for plain code. */
  const literalEnd = (c: string, next: string | undefined): number => {
    if (c === '/' && next === '/') {
      const end = source.indexOf('\n', i)
      return end < 0 ? source.length : end
    }
    if (c === '/' && next === '*') {
      const end = source.indexOf('*/', i + 2)
      return end < 0 ? source.length : end + 2
    }
    if (c === '`') {
      const end = source.indexOf('`', i + 1)
      return end < 0 ? source.length : end + 1
    }
    if (c === '"' || c === "'") {
      let end = i + 1
      while (end < source.length && source[end] !== c && source[end] !== '\n') {
        end += source[end] === '\\' ? 2 : 1
      }
      return Math.min(source.length, end + 1)
    }
    return -1
  }
  while (i < source.length) {
    const c = source[i] ?? ''
    const end = literalEnd(c, source[i + 1])
    if (end < 0) {
      out += c
      i++
      continue
    }
    out += source.slice(i, end).replace(/[^\n]/g, ' ')
    i = end
  }
  return out
}

/** Go's rule: `Test`, or `Test` followed by anything but a lower-case letter (`TestX`, `Test_x`). */
function isTestName(name: string, prefix: string): boolean {
  if (!name.startsWith(prefix)) return false
  const rest = name.slice(prefix.length)
  return rest === '' || !/^\p{Ll}/u.test(rest)
}

const FUNC = /(?:^|[\s;}])func[ \t]+([\p{L}_][\p{L}\p{N}_]*)[ \t]*([[(])/gu
const ANY_FUNC = /(?:^|[\s;}])func\b/gu
const OUTPUT_COMMENT = /^[ \t]*\/\/[ \t]*(?:unordered )?output:/im

/**
 * The top-level tests `go test` runs from one test file: `TestX`, fuzz targets (their seed
 * corpus runs as a test) and examples with an output comment. A function with the name of a
 * test but the wrong signature fails the build, so names alone decide.
 */
export function goTestNames(source: string): string[] {
  const code = codeOnly(source)
  const starts: number[] = []
  for (const match of code.matchAll(ANY_FUNC)) starts.push(match.index)
  const names: string[] = []
  for (const match of code.matchAll(FUNC)) {
    const name = match[1] ?? ''
    if (match[2] === '[') continue // generic: not a test (and a build error if named like one)
    const from = match.index
    const to = starts.find((s) => s > from + 1) ?? source.length
    if (name === 'TestMain') {
      // TestMain(m *testing.M) sets up the package; TestMain(t *testing.T) is a test.
      const params = code.slice(from, code.indexOf(')', from) + 1)
      if (/\*\s*(?:[\p{L}_][\p{L}\p{N}_]*\s*\.\s*)?M\s*\)/u.test(params)) continue
    }
    if (isTestName(name, 'Test') || isTestName(name, 'Fuzz')) names.push(name)
    else if (isTestName(name, 'Example') && OUTPUT_COMMENT.test(source.slice(from, to)))
      names.push(name)
  }
  return names
}

interface ListedPackage {
  readonly ImportPath?: unknown
  readonly Dir?: unknown
  readonly TestGoFiles?: unknown
  readonly XTestGoFiles?: unknown
  readonly Error?: unknown
  readonly DepsErrors?: unknown
}

/** `go list -json` prints one indented object after another: split at the top-level `}`. */
function listedPackages(stdout: string): ListedPackage[] {
  const out: ListedPackage[] = []
  for (const chunk of stdout.split(/^}\r?$/m)) {
    const text = chunk.trim()
    if (!text.startsWith('{')) continue
    try {
      out.push(JSON.parse(`${text}\n}`) as ListedPackage)
    } catch {
      // Not a package object: ignore.
    }
  }
  return out
}

function strings(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : []
}

/**
 * The items of a Go module: `<package>::<TopLevelTest>` for each test of a package, found in
 * its test files; a package whose tests cannot be read (or that does not load) is an item
 * whole, so that `go test` reports on it. Packages without test files are left out: `go test`
 * has nothing to run there.
 */
function parseListed(stdout: string): string[] {
  const items: string[] = []
  for (const pkg of listedPackages(stdout)) {
    if (typeof pkg.ImportPath !== 'string' || pkg.ImportPath === '') continue
    const files = [...strings(pkg.TestGoFiles), ...strings(pkg.XTestGoFiles)]
    const broken = pkg.Error !== undefined || strings(pkg.DepsErrors).length > 0
    if (files.length === 0 && !broken) continue
    if (broken || typeof pkg.Dir !== 'string') {
      items.push(pkg.ImportPath)
      continue
    }
    const dir = pkg.Dir
    let names: string[] | undefined = []
    for (const file of files) {
      try {
        names.push(...goTestNames(readFileSync(isAbsolute(file) ? file : join(dir, file), 'utf8')))
      } catch {
        names = undefined
        break
      }
    }
    if (names === undefined || names.length === 0) items.push(pkg.ImportPath)
    else for (const name of new Set(names)) items.push(`${pkg.ImportPath}::${name}`)
  }
  return items
}

/**
 * `go test`: items are packages (import paths) or `<package>::<TopLevelTest>` for top-level
 * tests, run with an anchored `-run` per package (one pattern over several packages would
 * also run a same-named test of another package). Package patterns in the user's command
 * (`./...`) are dropped: the plan names the packages. `-json` events arrive on stdout: they are
 * saved as the report and shown as the plain test output they carry.
 */
export const goTest: RunnerAdapter = {
  name: 'go',
  selectsTests: true,
  itemsArePaths: false,
  invocations({ command, items, reportDir }) {
    const parsed = parseGoCommand(command)
    const head = parsed ? [...parsed.head, 'test', ...parsed.flags.flat()] : [...command]
    const tail = parsed ? parsed.binaryArgs : []
    const wholePackages = [...new Set(items.filter((i) => splitTestId(i) === undefined))].sort()
    const testsByPackage = new Map<string, string[]>()
    for (const item of items) {
      const parts = splitTestId(item)
      if (!parts || wholePackages.includes(parts.file)) continue
      const list = testsByPackage.get(parts.file) ?? []
      list.push(parts.rest)
      testsByPackage.set(parts.file, list)
    }
    // Go replays cached passes with no real duration (and no re-run for --repeat or a retry):
    // unless the user chose a -count, every run is a real one.
    const counted = head.some((word) => /^--?count(=|$)/.test(word))
    const fixed = [...head, ...(counted ? [] : ['-count=1']), '-json']
    const out: { argv: string[]; stdoutReport: string }[] = []
    let n = 0
    for (const chunk of chunkByArgumentBytes(
      wholePackages,
      argumentBytes([...fixed, ...tail]),
      (p) => Buffer.byteLength(p),
    )) {
      out.push({
        argv: [...fixed, ...chunk, ...tail],
        stdoutReport: join(reportDir, `go-${n++}.jsonl`),
      })
    }
    for (const [pkg, tests] of [...testsByPackage].sort(([a], [b]) => (a < b ? -1 : 1))) {
      const pattern = `^(?:${[...new Set(tests)].sort().map(escapeRegExp).join('|')})$`
      out.push({
        argv: [...fixed, '-run', pattern, pkg, ...tail],
        stdoutReport: join(reportDir, `go-${n++}.jsonl`),
      })
    }
    return out
  },
  finishedTests(invocation) {
    // Top-level tests only: a subtest's name holds a slash.
    return countMatchingLines(
      invocation.stdoutReport,
      /"Action":"(?:pass|fail)","Package":"[^"]*","Test":"[^"/]*"/g,
    )
  },
  async readOutcomes(invocation) {
    if (invocation.stdoutReport === undefined) return { tests: [], fileFailures: [] }
    // Line by line: a verbose suite's report can outgrow what one string may hold (~512 MB).
    const parser = goOutcomeParser()
    try {
      await forEachLine(invocation.stdoutReport, (line) => parser.line(line))
    } catch {
      // What was read stands; the rest is missing and says so.
    }
    return parser.end()
  },
  list: {
    // `go list` loads packages without compiling them, so one that does not build is still
    // listed (and fails when its shard runs it, naming it), and the listing itself succeeds.
    argv: (command) => {
      const parsed = parseGoCommand(command)
      if (!parsed) return ['go', 'list', '-e', '-json', './...']
      const buildFlags = parsed.flags.filter((flag) => LIST_FLAGS.has(flagName(flag))).flat()
      return [
        ...parsed.head,
        'list',
        '-e',
        '-json',
        ...buildFlags,
        ...(parsed.patterns.length > 0 ? parsed.patterns : ['./...']),
      ]
    },
    parse: (stdout) => parseListed(stdout),
  },
  display: (chunk) => {
    let out = ''
    for (const line of chunk.split('\n')) {
      if (!line.startsWith('{')) {
        if (line !== '') out += `${line}\n`
        continue
      }
      try {
        const event = JSON.parse(line) as { Action?: string; Output?: string }
        if (
          (event.Action === 'output' || event.Action === 'build-output') &&
          typeof event.Output === 'string'
        )
          out += event.Output
      } catch {
        out += `${line}\n`
      }
    }
    return out
  },
}
