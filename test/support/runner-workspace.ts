// The one set of helpers for the integration tests that run real test runners on the fixture
// suites under test/fixtures/runners/: a fresh copy of a suite per test (a workspace), the
// hostile and decoy names added to it, `shardwise` run in it, and what the fixture's tests and
// processes recorded from inside.
import { readFileSync } from 'node:fs'
import {
  chmod,
  copyFile,
  cp,
  mkdir,
  mkdtemp,
  readFile,
  readdir,
  realpath,
  rm,
  symlink,
  writeFile,
} from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { dirname, join, relative, resolve } from 'node:path'
import { expect } from 'vitest'
import type { ShardResult } from '../../src/core/shard-result.js'
import { runCli, type CliResult } from './cli.js'
import { SECRETS, readResult, testsAcross, writePlan } from './results.js'

export { SECRETS, readResult, testsAcross, writePlan }

export const REPO = resolve(import.meta.dirname, '../..')
export const BIN = join(REPO, 'bin/shardwise.js')
export const FIXTURES = join(REPO, 'test/fixtures/runners')

// ─── Workspaces ────────────────────────────────────────────────────────────────────────────

/** The fixture suites run from a workspace with `node_modules` linked (see `workspace`). */
export type FixtureRunner = 'playwright' | 'mocha' | 'node' | 'generic'

/**
 * The one source of the fixtures' tracker (`track.cjs`: which files loaded, what environment
 * the tests saw), written into each workspace where its suite requires it.
 */
const TRACK_SOURCE = join(FIXTURES, 'track.cjs')
const TRACK_PATH: Readonly<Record<FixtureRunner, string>> = {
  node: 'support/track.js',
  mocha: 'support/track.js',
  playwright: 'support/track.js',
  // An ES module package: CommonJS needs its own extension there.
  generic: 'support/track.cjs',
}

/**
 * Copies a fixture suite into a fresh temporary directory (its real path: runners report real
 * paths) with `node_modules` linked to this repository's and the tracker in place.
 */
export async function workspace(runner: FixtureRunner): Promise<string> {
  const dir = await realpath(await mkdtemp(join(tmpdir(), `shardwise-${runner}-`)))
  await cp(join(FIXTURES, runner), dir, { recursive: true })
  await symlink(join(REPO, 'node_modules'), join(dir, 'node_modules'), 'dir')
  const track = join(dir, TRACK_PATH[runner])
  await mkdir(dirname(track), { recursive: true })
  await copyFile(TRACK_SOURCE, track)
  return dir
}

export async function removeWorkspace(dir: string | undefined): Promise<void> {
  if (dir === undefined) return
  await rm(dir, { recursive: true, force: true })
  await rm(logPath(dir), { force: true })
}

/** Copies the Jest or Vitest fixture suite (runners found in this repository) into a fresh directory. */
export async function copyFixture(runner: 'jest' | 'vitest'): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), `shardwise-${runner}-fixture-`))
  await cp(join(FIXTURES, runner), dir, { recursive: true })
  return dir
}

export async function removeDir(dir: string | undefined): Promise<void> {
  if (dir !== undefined) await rm(dir, { recursive: true, force: true })
}

/** A workspace for runners outside npm (go, pytest) with a log directory its processes write to. */
export interface Scenario {
  /** The copy of the fixture: the repository root the CLI runs in. */
  readonly root: string
  /** Where the fixture's processes write their logs (FIXTURE_LOG_DIR). */
  readonly logDir: string
  /** A directory for anything else the scenario needs (flaky markers, results). */
  readonly scratch: string
  readonly cli: (args: readonly string[], env?: Record<string, string>) => Promise<CliResult>
}

const scenarios: string[] = []

/** A new temporary directory, removed by `removeScenarios`. */
export async function temporaryDirectory(name: string): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), `shardwise-${name}-`))
  scenarios.push(dir)
  return dir
}

/** Copies a fixture suite into a new temporary directory, beside its log and scratch directories. */
export async function scenario(fixture: string): Promise<Scenario> {
  const top = await temporaryDirectory(fixture)
  const root = join(top, 'repo')
  const logDir = join(top, 'log')
  const scratch = join(top, 'scratch')
  await cp(join(FIXTURES, fixture), root, { recursive: true })
  await mkdir(logDir)
  await mkdir(scratch)
  return {
    root,
    logDir,
    scratch,
    cli: (args, env = {}) =>
      runCli(args, {
        cwd: root,
        env: {
          ...process.env,
          PYTHONDONTWRITEBYTECODE: '1',
          ...SECRETS,
          FIXTURE_LOG_DIR: logDir,
          ...env,
        },
      }),
  }
}

/** Removes every scenario directory made so far. */
export async function removeScenarios(): Promise<void> {
  await Promise.all(scenarios.splice(0).map((dir) => rm(dir, { recursive: true, force: true })))
}

// ─── Names ─────────────────────────────────────────────────────────────────────────────────

/**
 * File names a shell, a regular expression, a glob or an option parser would misread, without
 * their test suffix. Each comes with the names it must not select by accident (`[id]` as a
 * glob or regex class matches `i`; `a+b` as a regex matches `aab`).
 */
export const HOSTILE_NAMES: readonly string[] = [
  'with space',
  "single'quote",
  'double"quote',
  '$(touch PWNED)',
  '`touch PWNED`',
  '-rf',
  'semi;amp&pipe|',
  'ünïcødé-日本語',
  '[id]',
  '(group)',
  'a+b',
  'star*question?',
  '{brace,comma}',
  'tilde~bang!%HOME%',
  'new\nline',
]

/** Names that a misread hostile name would select besides (or instead of) itself. */
export const DECOY_NAMES: readonly string[] = [
  'i', // `[id]`
  'group', // `(group)`
  'aab', // `a+b`
  'star-decoy-questionX', // `star*question?`
  'brace', // `{brace,comma}`
]

/**
 * Writes one test file per hostile and decoy name into `dir` (relative to the workspace) and
 * returns their workspace-relative paths.
 */
export async function addHostileFiles(
  root: string,
  dir: string,
  suffix: string,
  content: (file: string) => string,
  names: readonly string[] = [...HOSTILE_NAMES, ...DECOY_NAMES],
): Promise<string[]> {
  await mkdir(join(root, dir), { recursive: true })
  const files = names.map((name) => `${dir}/${name}${suffix}`)
  for (const file of files) await writeFile(join(root, file), content(file))
  return files
}

/** The relative path from a workspace file's directory to a workspace path. */
export function fromFile(file: string, target: string): string {
  const path = relative(dirname(file), target)
  return path.startsWith('.') ? path : `./${path}`
}

/**
 * The Jest and Vitest fixtures: hostile file names committed in both (git carries these
 * everywhere; the rest of HOSTILE_NAMES are made at test time by the other suites).
 */
export const JEST_LIKE_HOSTILE_FILES = [
  'with space.test.js',
  "single'quote.test.js",
  'double"quote.test.js',
  '$(touch PWNED).test.js',
  '`touch PWNED`.test.js',
  '-rf.test.js',
  'ünïcødé.test.js',
  '[id].test.js',
  '(group)/x.test.js',
] as const

const JEST_LIKE_HOSTILE_TESTS = [
  'a file with a hostile name::runs',
  'a file with a hostile name::nested::runs too',
]

/** The Jest and Vitest fixtures' flaky test, and its decoy: a test whose name starts alike. */
export const JEST_LIKE_FLAKY = 'retry.test.js::retry (a|b)::[nested] $x.y::flaky once? +1 ^'
export const JEST_LIKE_DECOY = 'retry.test.js::retry (a|b)::[nested] $x.y::flaky once? +1 ^ decoy'
export const JEST_LIKE_BROKEN = 'retry.test.js::retry (a|b)::broken when asked *'

/** Every test of the Jest and Vitest fixture suites (the same in both), as `file::scope…::name` ids. */
export const JEST_LIKE_SUITE: readonly string[] = [
  'math.test.js::math::add::adds small numbers',
  'math.test.js::math::add::adds negatives',
  'math.test.js::math::multiply::multiplies',
  'math.test.js::math::divides',
  'sub/math.test.js::sub math::subtracts',
  'sub/math.test.js::sub math::negates',
  'strings.test.js::strings::case::upper-cases',
  'strings.test.js::strings::case::lower-cases',
  'strings.test.js::strings::trim::deeply nested::trims both ends',
  'strings.test.js::a top-level test',
  'arrays.test.js::arrays::maps',
  'arrays.test.js::arrays::filters',
  'arrays.test.js::arrays::sort::sorts numbers',
  'env.test.js::environment::records what the test process sees',
  'load.test.js::load::loads',
  JEST_LIKE_FLAKY,
  JEST_LIKE_DECOY,
  'retry.test.js::retry (a|b)::[nested] $x.y::steady',
  JEST_LIKE_BROKEN,
  'retry.test.js::retry (a|b)::also steady',
  ...JEST_LIKE_HOSTILE_FILES.flatMap((file) =>
    JEST_LIKE_HOSTILE_TESTS.map((test) => `${file}::${test}`),
  ),
].sort()

export const JEST_LIKE_SUITE_FILES: readonly string[] = [
  ...new Set(JEST_LIKE_SUITE.map((id) => id.split('::')[0]!)),
].sort()

// ─── Running ───────────────────────────────────────────────────────────────────────────────

/** The runner's own binary in this repository (npx would only add start-up time). */
export function runnerBin(runner: 'jest' | 'vitest'): string {
  return join(REPO, 'node_modules/.bin', runner)
}

/** This process's environment, as a user's shell would pass it, plus `extra`. */
export function userEnv(extra: Readonly<Record<string, string>> = {}): NodeJS.ProcessEnv {
  return { ...process.env, ...extra }
}

/**
 * This process's environment as a user's shell would pass it, without the variables of the
 * Vitest run that hosts these tests, plus the fixture's log file.
 */
export function fixtureEnv(
  root: string,
  extra: Readonly<Record<string, string>> = {},
): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {}
  for (const [name, value] of Object.entries(process.env)) {
    if (name.startsWith('VITEST') || name === 'TEST' || name === 'NODE_ENV') continue
    if (name.startsWith('SHARDWISE_')) continue
    env[name] = value
  }
  return { ...env, SHARDWISE_FIXTURE_LOG: logPath(root), ...extra }
}

export interface TestRun extends CliResult {
  readonly results: ShardResult[]
}

/** `shardwise test …` in `root`; returns the shard results of the run directory it created. */
export async function shardwiseTest(
  root: string,
  args: readonly string[],
  env: NodeJS.ProcessEnv,
): Promise<TestRun> {
  const runs = join(root, '.shardwise/runs')
  const before = new Set(await readdir(runs).catch(() => []))
  const cli = await runCli(['test', ...args], { cwd: root, env })
  const created = (await readdir(runs).catch(() => [])).filter((name) => !before.has(name))
  expect(created, cli.stderr).toHaveLength(1)
  return { ...cli, results: await shardResults(join(runs, created[0] ?? '')) }
}

/** The shard results under a run directory, by shard index. */
export async function shardResults(runDir: string): Promise<ShardResult[]> {
  const shards = (await readdir(runDir)).filter((name) => /^shard-\d+$/.test(name))
  const results = await Promise.all(
    shards.map(async (name) => readResult(join(runDir, name, 'shard-result.json'))),
  )
  return results.sort((a, b) => a.shard.index - b.shard.index)
}

/** The newest `shardwise test` run directory under a root. */
async function newestRun(root: string): Promise<string> {
  const runs = join(root, '.shardwise', 'runs')
  const newest = (await readdir(runs)).sort().pop()
  if (newest === undefined) throw new Error(`no run under ${runs}`)
  return join(runs, newest)
}

/** The shard results of the newest `shardwise test` run under a root, in shard order. */
export async function testRunResults(root: string): Promise<ShardResult[]> {
  return shardResults(await newestRun(root))
}

/** The plan the newest `shardwise test` run made. */
export async function testRunPlan(
  root: string,
): Promise<{ shards: { index: number; items: string[] }[]; granularity: string }> {
  return JSON.parse(await readFile(join(await newestRun(root), 'plan.json'), 'utf8')) as {
    shards: { index: number; items: string[] }[]
    granularity: string
  }
}

/**
 * An executable named after the runner that records that it was started, then runs the real
 * runner: proves whether Shardwise started the runner at all.
 */
export async function markingRunner(
  dir: string,
  runner: 'jest' | 'vitest',
): Promise<{ bin: string; marker: string }> {
  const bin = join(dir, '.bin-wrapper', runner)
  const marker = join(dir, 'runner-started')
  await mkdir(join(dir, '.bin-wrapper'), { recursive: true })
  await writeFile(bin, `#!/bin/sh\necho started >> '${marker}'\nexec '${runnerBin(runner)}' "$@"\n`)
  await chmod(bin, 0o755)
  return { bin, marker }
}

// ─── What the fixtures recorded ────────────────────────────────────────────────────────────

function logPath(root: string): string {
  return `${root}.fixture-log.jsonl`
}

export interface LogEntry {
  readonly kind: 'loaded' | 'env' | 'pids' | 'argv'
  readonly pid: number
  readonly file?: string
  readonly env?: Record<string, string | null>
  readonly test?: number
  readonly grandchild?: number
  readonly count?: number
  readonly bytes?: number
}

/** What the fixture's tests recorded (through the tracker), in order. */
export async function fixtureLog(root: string): Promise<LogEntry[]> {
  let text: string
  try {
    text = await readFile(logPath(root), 'utf8')
  } catch {
    return []
  }
  return text
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => JSON.parse(line) as LogEntry)
}

/** How many times each test file was loaded, by workspace-relative path. */
export async function loadedFiles(root: string): Promise<Map<string, number>> {
  const counts = new Map<string, number>()
  for (const entry of await fixtureLog(root)) {
    if (entry.kind !== 'loaded' || entry.file === undefined) continue
    const file = relative(root, entry.file)
    counts.set(file, (counts.get(file) ?? 0) + 1)
  }
  return counts
}

export async function clearFixtureLog(root: string): Promise<void> {
  await rm(logPath(root), { force: true })
}

/** A process a scenario's fixture recorded: its arguments, environment names and shard. */
export interface ProcessLog {
  readonly pid: string
  readonly argv: readonly string[]
  readonly keys: readonly string[]
  readonly shard: string | null
  readonly collectOnly?: boolean
  /** The tests it ran, in order. */
  readonly tests: readonly string[]
}

export async function processLogs(logDir: string): Promise<ProcessLog[]> {
  const names = await readdir(logDir)
  const logs: ProcessLog[] = []
  for (const name of names.filter((n) => n.endsWith('.json')).sort()) {
    const pid = name.slice(0, -'.json'.length)
    const data = JSON.parse(await readFile(join(logDir, name), 'utf8')) as Omit<
      ProcessLog,
      'pid' | 'tests'
    >
    let tests: string[] = []
    if (names.includes(`${pid}.tests`)) {
      tests = (await readFile(join(logDir, `${pid}.tests`), 'utf8'))
        .split('\n')
        .filter((line) => line !== '')
        .map((line) => JSON.parse(line) as string)
    }
    logs.push({ ...data, pid, tests })
  }
  return logs
}

/** Every test the scenario's processes ran, one entry per run. */
export async function executedTests(logDir: string): Promise<string[]> {
  return (await processLogs(logDir)).flatMap((log) => log.tests)
}

// ─── Checks ────────────────────────────────────────────────────────────────────────────────

/**
 * The checks every full sharded run must pass: all shards passed, each planned file in exactly
 * one shard, the union of the shards' tests is `suite` with no test in two shards, every file
 * loaded exactly once, and nothing a shell would have run.
 */
export async function expectWholeSuiteOnce(
  root: string,
  run: TestRun,
  suite: readonly string[],
  files: readonly string[],
): Promise<void> {
  expect(run.code, run.stderr).toBe(0)
  expect(run.results.map((r) => r.status)).toEqual(run.results.map(() => 'passed'))
  const planned = run.results.flatMap((r) => r.items)
  expect([...planned].sort()).toEqual([...files].sort())
  const seen = testsAcross(run.results)
  expect([...seen.keys()].sort()).toEqual([...suite].sort())
  expect([...seen.values()].filter((n) => n !== 1)).toEqual([])
  for (const result of run.results) {
    expect(result.missing).toEqual([])
    expect(result.fileFailures).toEqual([])
    expect(result.complete).toBe(true)
  }
  const loaded = await loadedFiles(root)
  expect(Object.fromEntries(loaded)).toEqual(Object.fromEntries(files.map((f) => [f, 1])))
  expect(await namesUnder(root)).not.toContain('PWNED')
}

/** Every file name under `dir`, recursively (node_modules left out). */
export async function namesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true })
  return entries
    .filter((entry) => !entry.startsWith('node_modules'))
    .map((entry) => entry.split('/').pop() ?? entry)
}

/** Whether a file named PWNED appeared where a command built from a file name would run. */
export async function pwned(dir: string): Promise<boolean> {
  return (
    (await namesUnder(dir)).includes('PWNED') ||
    (await readdir(REPO)).includes('PWNED') ||
    (await readdir(tmpdir())).includes('PWNED')
  )
}

/** Every file or directory named `name` under `dir`. */
export async function findNamed(dir: string, name: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true })
  return entries.filter((entry) => entry === name || entry.endsWith(`/${name}`))
}

/** The ids that occur more than once. */
export function duplicates(ids: readonly string[]): string[] {
  const seen = new Set<string>()
  const twice = new Set<string>()
  for (const id of ids) {
    if (seen.has(id)) twice.add(id)
    seen.add(id)
  }
  return [...twice].sort()
}

export async function exists(path: string): Promise<boolean> {
  try {
    await readFile(path)
    return true
  } catch {
    return false
  }
}

/** Whether a process is running (a zombie, killed but not yet reaped, is not). */
export function isAlive(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8')
    const state = stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3)
    return state !== 'Z' && state !== 'X'
  } catch {
    return false
  }
}

/** Polls `check` until it returns a value, or fails after `timeoutMs`. */
export async function waitFor<T>(
  what: string,
  check: () => Promise<T | undefined> | T | undefined,
  timeoutMs = 20_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    const value = await check()
    if (value !== undefined) return value
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`)
    await new Promise((done) => setTimeout(done, 50))
  }
}
