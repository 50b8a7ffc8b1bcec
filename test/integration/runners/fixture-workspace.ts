// Shared by the playwright, mocha, node and generic integration tests: a fixture suite copied to
// a temporary workspace, hostile file names added at test time, `shardwise` run in it, and
// what the fixture's tests recorded from inside the test processes.
import {
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
import { readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join, relative, resolve } from 'node:path'
import { expect } from 'vitest'
import type { ShardResult } from '../../../src/core/shard-result.js'
import { runCli, type CliResult } from '../../support/cli.js'
import { SECRETS, readResult, testsAcross, writePlan } from '../../support/results.js'

export const REPO = resolve(import.meta.dirname, '../../..')
export const BIN = join(REPO, 'bin/shardwise.js')

export type FixtureRunner = 'playwright' | 'mocha' | 'node' | 'generic'

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
 * Copies a fixture suite into a fresh temporary directory (its real path: runners report real
 * paths) with `node_modules` linked to this repository's.
 */
export async function workspace(runner: FixtureRunner): Promise<string> {
  const dir = await realpath(await mkdtemp(join(tmpdir(), `shardwise-${runner}-`)))
  await cp(join(REPO, 'test/fixtures/runners', runner), dir, { recursive: true })
  await symlink(join(REPO, 'node_modules'), join(dir, 'node_modules'), 'dir')
  return dir
}

export async function removeWorkspace(dir: string | undefined): Promise<void> {
  if (dir === undefined) return
  await rm(dir, { recursive: true, force: true })
  await rm(logPath(dir), { force: true })
}

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

/** What the fixture's tests recorded, in order. */
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

export { SECRETS, readResult, testsAcross, writePlan }
