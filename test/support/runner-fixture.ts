import { cp, mkdir, mkdtemp, readFile, readdir, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import type { ShardResult } from '../../src/core/shard-result.js'
import { runCli, type CliResult } from './cli.js'
import { SECRETS } from './results.js'

/**
 * Helpers for the integration tests that run real test runners on the fixture suites under
 * test/fixtures/runners/: a fresh copy per scenario, a log directory the fixtures write to
 * (which processes ran, with which argv and environment, and which tests they ran), and the
 * shard results `shardwise test` and `shardwise run` left behind.
 */

export const FIXTURES = resolve(import.meta.dirname, '../fixtures/runners')

export { SECRETS } from './results.js'

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

/** Copies a fixture suite into a new temporary directory. */
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

/** A process the fixture recorded: its arguments, environment names and shard. */
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

/** Every test the fixture processes ran, one entry per run. */
export async function executedTests(logDir: string): Promise<string[]> {
  return (await processLogs(logDir)).flatMap((log) => log.tests)
}

/** The shard results of the newest `shardwise test` run under a root, in shard order. */
export async function testRunResults(root: string): Promise<ShardResult[]> {
  const runs = join(root, '.shardwise', 'runs')
  const stamps = (await readdir(runs)).sort()
  const newest = stamps[stamps.length - 1]
  if (newest === undefined) throw new Error(`no run under ${runs}`)
  const dir = join(runs, newest)
  const shards = (await readdir(dir)).filter((n) => /^shard-\d+$/.test(n))
  const results = await Promise.all(
    shards.map(
      async (n) =>
        JSON.parse(await readFile(join(dir, n, 'shard-result.json'), 'utf8')) as ShardResult,
    ),
  )
  return results.sort((a, b) => a.shard.index - b.shard.index)
}

/** The plan the newest `shardwise test` run made. */
export async function testRunPlan(
  root: string,
): Promise<{ shards: { index: number; items: string[] }[]; granularity: string }> {
  const runs = join(root, '.shardwise', 'runs')
  const newest = (await readdir(runs)).sort().pop() ?? ''
  return JSON.parse(await readFile(join(runs, newest, 'plan.json'), 'utf8')) as {
    shards: { index: number; items: string[] }[]
    granularity: string
  }
}

export async function readResult(path: string): Promise<ShardResult> {
  return JSON.parse(await readFile(path, 'utf8')) as ShardResult
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

/** Every file or directory named `name` under `dir`. */
export async function findNamed(dir: string, name: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true })
  return entries.filter((entry) => entry === name || entry.endsWith(`/${name}`))
}
