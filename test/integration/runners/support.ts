import { chmod, cp, mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { expect } from 'vitest'
import type { ShardResult } from '../../../src/core/shard-result.js'
import { runCli, type CliResult } from '../../support/cli.js'
import { SECRETS, readResult, testsAcross, writePlan } from '../../support/results.js'

export const REPO = resolve(import.meta.dirname, '../../..')

/** The runner's own binary in this repository (npx would only add start-up time). */
export function runnerBin(runner: 'jest' | 'vitest'): string {
  return join(REPO, 'node_modules/.bin', runner)
}

/** Names that a shell, a regex or an option parser would misread. */
export const HOSTILE_FILES = [
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

const HOSTILE_TESTS = [
  'a file with a hostile name::runs',
  'a file with a hostile name::nested::runs too',
]

export const FLAKY = 'retry.test.js::retry (a|b)::[nested] $x.y::flaky once? +1 ^'
export const DECOY = 'retry.test.js::retry (a|b)::[nested] $x.y::flaky once? +1 ^ decoy'
export const BROKEN = 'retry.test.js::retry (a|b)::broken when asked *'

/** Every test of the fixture suites (the same in both), as `file::scope…::name` ids. */
export const SUITE: readonly string[] = [
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
  FLAKY,
  DECOY,
  'retry.test.js::retry (a|b)::[nested] $x.y::steady',
  BROKEN,
  'retry.test.js::retry (a|b)::also steady',
  ...HOSTILE_FILES.flatMap((file) => HOSTILE_TESTS.map((test) => `${file}::${test}`)),
].sort()

export const SUITE_FILES: readonly string[] = [
  ...new Set(SUITE.map((id) => id.split('::')[0]!)),
].sort()

/** Copies a fixture suite into a fresh temporary directory. */
export async function copyFixture(runner: 'jest' | 'vitest'): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), `shardwise-${runner}-fixture-`))
  await cp(join(REPO, 'test/fixtures/runners', runner), dir, { recursive: true })
  return dir
}

export async function removeDir(dir: string | undefined): Promise<void> {
  if (dir !== undefined) await rm(dir, { recursive: true, force: true })
}

/** This process's environment, as a user's shell would pass it, plus `extra`. */
export function userEnv(extra: Readonly<Record<string, string>> = {}): NodeJS.ProcessEnv {
  return { ...process.env, ...extra }
}

export interface TestRun extends CliResult {
  readonly results: ShardResult[]
}

/** `shardwise test …` in `dir`; returns the shard results of the run directory it created. */
export async function shardwiseTest(
  dir: string,
  args: readonly string[],
  env: NodeJS.ProcessEnv,
): Promise<TestRun> {
  const runs = join(dir, '.shardwise/runs')
  const before = new Set(await readdir(runs).catch(() => []))
  const cli = await runCli(['test', ...args], { cwd: dir, env })
  const created = (await readdir(runs).catch(() => [])).filter((name) => !before.has(name))
  expect(created, cli.stderr).toHaveLength(1)
  const runDir = join(runs, created[0]!)
  const shards = (await readdir(runDir)).filter((name) => /^shard-\d+$/.test(name))
  const results = await Promise.all(
    shards.map(async (name) => readResult(join(runDir, name, 'shard-result.json'))),
  )
  return { ...cli, results: results.sort((a, b) => a.shard.index - b.shard.index) }
}

/** All file names under `dir`, recursively. */
export async function allNames(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true })
  return entries.map((entry) => entry.split('/').pop() ?? entry)
}

/** Whether a file named PWNED appeared where a command built from a file name would run. */
export async function pwned(dir: string): Promise<boolean> {
  return (
    (await allNames(dir)).includes('PWNED') ||
    (await readdir(REPO)).includes('PWNED') ||
    (await readdir(tmpdir())).includes('PWNED')
  )
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

export async function exists(path: string): Promise<boolean> {
  try {
    await readFile(path)
    return true
  } catch {
    return false
  }
}

export { SECRETS, readResult, testsAcross, writePlan }
