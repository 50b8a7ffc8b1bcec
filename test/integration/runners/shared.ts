import { execFile } from 'node:child_process'
import { readFile, rename, symlink, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { RUNNERS } from '../../../src/adapters/runners/index.js'
import type { ShardResult } from '../../../src/core/shard-result.js'
import { runCli } from '../../support/cli.js'
import {
  JEST_LIKE_BROKEN,
  JEST_LIKE_DECOY,
  JEST_LIKE_FLAKY,
  JEST_LIKE_HOSTILE_FILES,
  SECRETS,
  JEST_LIKE_SUITE,
  JEST_LIKE_SUITE_FILES,
  copyFixture,
  exists,
  markingRunner,
  pwned,
  readResult,
  removeDir,
  runnerBin,
  shardwiseTest,
  testsAcross,
  userEnv,
  writePlan,
  type TestRun,
} from '../../support/runner-workspace.js'

export const NEWLINE_FILE = 'new\nline.test.js'

/**
 * The behaviour every Jest-like runner must show through `shardwise test` and `shardwise run`,
 * on the fixture suite of `runner` copied to a temporary directory. Returns the directory.
 */
export function describeRunner(runner: 'jest' | 'vitest'): { dir: () => string } {
  const bin = runnerBin(runner)
  const adapter = RUNNERS[runner]
  let dir = ''
  beforeAll(async () => {
    dir = await copyFixture(runner)
  })
  afterAll(async () => {
    await removeDir(dir)
  })

  describe(`shardwise test -- ${runner}: the suite ${runner} lists, in 3 shards`, () => {
    let run: TestRun
    let dump: { keys: string[]; shard: string | null; shardCount: string | null }
    beforeAll(async () => {
      const dumpFile = join(dir, 'env-dump.json')
      run = await shardwiseTest(
        dir,
        ['--shards', '3', '--parallel', '2', '--', bin],
        userEnv({ ...SECRETS, FIXTURE_ENV_DUMP: dumpFile }),
      )
      dump = JSON.parse(await readFile(dumpFile, 'utf8')) as typeof dump
    })

    it('passes, with 3 non-empty shards', () => {
      expect(run.code, run.stderr).toBe(0)
      expect(run.results.map((r) => [r.shard.index, r.status])).toEqual([
        [1, 'passed'],
        [2, 'passed'],
        [3, 'passed'],
      ])
      for (const result of run.results) {
        expect(result.items.length).toBeGreaterThan(0)
        expect(result.missing).toEqual([])
        expect(result.fileFailures).toEqual([])
      }
    })

    it(`plans exactly the files ${runner} lists, each in one shard`, () => {
      const planned = run.results.flatMap((r) => r.items)
      expect([...planned].sort()).toEqual(JEST_LIKE_SUITE_FILES)
    })

    it('runs every test of the suite exactly once across the shards', () => {
      const seen = testsAcross(run.results)
      expect([...seen.keys()].sort()).toEqual(JEST_LIKE_SUITE)
      expect([...seen.values()].every((n) => n === 1)).toBe(true)
      for (const result of run.results)
        for (const [id, test] of Object.entries(result.tests)) {
          expect(test.verdict, id).toBe('passed')
          expect(test.attempts, id).toHaveLength(1)
          // A test belongs to a file this shard was given.
          expect(result.items).toContain(test.file)
        }
    })

    it('runs every file with a hostile name once, executing nothing from its name', async () => {
      const seen = testsAcross(run.results)
      for (const file of JEST_LIKE_HOSTILE_FILES) {
        const shards = run.results.filter((r) => r.items.includes(file))
        expect(shards, file).toHaveLength(1)
        const tests = Object.entries(shards[0]!.tests).filter(([, t]) => t.file === file)
        expect(
          tests.map(([, t]) => t.verdict),
          file,
        ).toEqual(['passed', 'passed'])
        for (const [id] of tests) expect(seen.get(id)).toBe(1)
      }
      expect(await pwned(dir)).toBe(false)
    })

    it('hides the credentials from the test process and tells it its shard', () => {
      for (const name of Object.keys(SECRETS)) expect(dump.keys).not.toContain(name)
      const stripped =
        /^(?:INPUT_|ACTIONS_ID_TOKEN_REQUEST_|ACTIONS_RUNTIME_TOKEN$|ACTIONS_RESULTS_URL$|ACTIONS_CACHE_URL$|GITHUB_TOKEN$)/i
      expect(dump.keys.filter((k) => stripped.test(k))).toEqual([])
      // The dump is real: it sees what the test process was given.
      expect(dump.keys).toContain('PATH')
      expect(dump.keys).toContain('FIXTURE_ENV_DUMP')
      const envShard = run.results.find((r) => r.items.includes('env.test.js'))
      expect(dump.shard).toBe(String(envShard?.shard.index))
      expect(dump.shardCount).toBe('3')
    })
  })

  describe(`retries with ${runner}`, () => {
    const retried = async (extra: Record<string, string>, flags: string[]) => {
      const run = await shardwiseTest(
        dir,
        [
          '--shards',
          '2',
          '--parallel',
          '2',
          ...flags,
          'retry.test.js',
          'arrays.test.js',
          '--',
          bin,
        ],
        userEnv(extra),
      )
      const shard = run.results.find((r) => r.items.includes('retry.test.js'))
      expect(shard, run.stderr).toBeDefined()
      return { run, shard: shard! }
    }
    const attempts = (shard: ShardResult, id: string) =>
      shard.tests[id]?.attempts.map((a) => a.status)

    it('calls a test that fails once and then passes flaky, and exits 0', async () => {
      const { run, shard } = await retried({ FIXTURE_FLAKY_MARKER: join(dir, 'flaky-1') }, [
        '--retries',
        '2',
      ])
      expect(run.code, run.stderr).toBe(0)
      expect(shard.status).toBe('passed')
      expect(shard.tests[JEST_LIKE_FLAKY]?.verdict).toBe('flaky')
      expect(attempts(shard, JEST_LIKE_FLAKY)).toEqual(['failed', 'passed'])
      expect(shard.counts.flaky).toBe(1)
      // The retry ran the failing test alone: not its file's other tests, not the test whose
      // name merely starts with the same words.
      for (const [id, test] of Object.entries(shard.tests))
        if (id !== JEST_LIKE_FLAKY) expect(test.attempts, id).toHaveLength(1)
      expect(attempts(shard, JEST_LIKE_DECOY)).toEqual(['passed'])
    })

    it('fails a flaky test with --fail-on-flaky', async () => {
      const { run, shard } = await retried({ FIXTURE_FLAKY_MARKER: join(dir, 'flaky-2') }, [
        '--retries',
        '2',
        '--fail-on-flaky',
      ])
      expect(run.code, run.stderr).toBe(1)
      expect(shard.status).toBe('failed')
      expect(shard.tests[JEST_LIKE_FLAKY]?.verdict).toBe('flaky')
    })

    it('calls a test that always fails failed, after retrying only that test', async () => {
      const { run, shard } = await retried({ FIXTURE_BROKEN: '1' }, ['--retries', '2'])
      expect(run.code, run.stderr).toBe(1)
      expect(shard.status).toBe('failed')
      expect(shard.tests[JEST_LIKE_BROKEN]?.verdict).toBe('failed')
      expect(shard.tests[JEST_LIKE_BROKEN]?.message).toContain('broken on purpose')
      expect(attempts(shard, JEST_LIKE_BROKEN)).toEqual(['failed', 'failed', 'failed'])
      for (const [id, test] of Object.entries(shard.tests))
        if (id !== JEST_LIKE_BROKEN) expect(test.attempts, id).toHaveLength(1)
      expect(shard.counts).toMatchObject({ failed: 1, flaky: 0 })
    })
  })

  describe(`shardwise run -- ${runner}`, () => {
    let runs = 0
    const runShard = async (
      plan: string,
      shard: number,
      command: string,
      cwd = dir,
      flags: readonly string[] = [],
      env: Record<string, string> = {},
    ) => {
      const results = join(dir, `results-${++runs}`)
      const cli = await runCli(
        [
          'run',
          '--plan',
          plan,
          '--shard',
          String(shard),
          '--results-dir',
          results,
          ...flags,
          '--',
          command,
        ],
        { cwd, env: userEnv(env) },
      )
      return { cli, result: await readResult(join(results, 'shard-result.json')) }
    }

    it('never starts the runner for an empty shard', async () => {
      const wrapper = await markingRunner(dir, runner)
      const plan = join(dir, 'plan-empty.json')
      await writePlan(plan, [['arrays.test.js', '[id].test.js'], []])
      const empty = await runShard(plan, 2, wrapper.bin)
      expect(empty.cli.code, empty.cli.stderr).toBe(0)
      expect(empty.result.status).toBe('empty')
      expect(empty.result.tests).toEqual({})
      expect(await exists(wrapper.marker)).toBe(false)

      // The same command on the other shard does start it (so the marker proves something).
      const full = await runShard(plan, 1, wrapper.bin)
      expect(full.cli.code, full.cli.stderr).toBe(0)
      expect(await exists(wrapper.marker)).toBe(true)
      expect(Object.keys(full.result.tests)).toHaveLength(5)
    })

    it('names a planned file that does not exist, runs the rest, and fails', async () => {
      const plan = join(dir, 'plan-missing.json')
      await writePlan(plan, [['arrays.test.js', 'gone.test.js']])
      const { cli, result } = await runShard(plan, 1, bin)
      expect(cli.code, cli.stderr).toBe(1)
      expect(result.status).toBe('failed')
      expect(result.fileFailures).toEqual([
        { file: 'gone.test.js', message: 'planned file not found: gone.test.js' },
      ])
      expect(Object.keys(result.tests).sort()).toEqual(
        JEST_LIKE_SUITE.filter((id) => id.startsWith('arrays.test.js::')),
      )
    })

    it('reports a file that fails to load, without colour codes, and retries only that file', async () => {
      const plan = join(dir, 'plan-load.json')
      await writePlan(plan, [['load.test.js', 'arrays.test.js']])
      const { cli, result } = await runShard(plan, 1, bin, dir, ['--retries', '1'], {
        FIXTURE_LOAD_ERROR: '1',
        FORCE_COLOR: '1',
      })
      expect(cli.code, cli.stderr).toBe(1)
      expect(result.status).toBe('failed')
      expect(result.fileFailures.map((f) => f.file)).toEqual(['load.test.js'])
      expect(result.fileFailures[0]?.message).toContain('load error on purpose')
      expect(result.fileFailures[0]?.message).not.toContain('\u001b')
      expect(Object.keys(result.tests).sort()).toEqual(
        JEST_LIKE_SUITE.filter((id) => id.startsWith('arrays.test.js::')),
      )
      for (const test of Object.values(result.tests)) expect(test.attempts).toHaveLength(1)
      expect(cli.stderr).toContain('retry 1/1: running 1 failed item again')
    })

    it('runs a file whose name holds a newline from a plan, and lists it whole', async () => {
      await writeFile(join(dir, NEWLINE_FILE), await readFile(join(dir, 'arrays.test.js')))
      try {
        const plan = join(dir, 'plan-newline.json')
        await writePlan(plan, [[NEWLINE_FILE, '(group)/x.test.js']])
        const { cli, result } = await runShard(plan, 1, bin)
        expect(cli.code, cli.stderr).toBe(0)
        expect(result.missing).toEqual([])
        expect(
          Object.keys(result.tests).filter((id) => id.startsWith(`${NEWLINE_FILE}::`)),
        ).toEqual([
          `${NEWLINE_FILE}::arrays::filters`,
          `${NEWLINE_FILE}::arrays::maps`,
          `${NEWLINE_FILE}::arrays::sort::sorts numbers`,
        ])

        const argv = adapter.list!.argv([bin])
        const listed = await promisify(execFile)(argv[0]!, argv.slice(1), {
          cwd: dir,
          env: userEnv(),
        })
        const items = adapter.list!.parse(listed.stdout, dir)
        expect([...items].sort()).toEqual([...JEST_LIKE_SUITE_FILES, NEWLINE_FILE].sort())
      } finally {
        await removeDir(join(dir, NEWLINE_FILE))
      }
    })

    it('finds the tests when the root is reached through a symbolic link', async () => {
      const link = `${dir}-link`
      await symlink(dir, link)
      try {
        const plan = join(dir, 'plan-link.json')
        await writePlan(plan, [['arrays.test.js']])
        const { cli, result } = await runShard(plan, 1, bin, link)
        expect(cli.code, cli.stderr).toBe(0)
        expect(result.missing).toEqual([])
        expect(Object.keys(result.tests)).toHaveLength(3)
      } finally {
        await removeDir(link)
      }
    })
  })

  describe('names that line-based lists would break', () => {
    // The runner's listing travels to the planner in memory, never as lines of text.
    it('shardwise test with no glob runs a file whose name holds a newline', async () => {
      const copy = await copyFixture(runner)
      try {
        await writeFile(join(copy, NEWLINE_FILE), await readFile(join(copy, 'arrays.test.js')))
        const run = await shardwiseTest(
          copy,
          ['--shards', '2', '--parallel', '2', '--', bin],
          userEnv(),
        )
        expect(run.results.flatMap((r) => r.items)).toContain(NEWLINE_FILE)
        expect(run.code, run.stderr).toBe(0)
      } finally {
        await removeDir(copy)
      }
    })
  })

  describe('Unicode spellings', () => {
    // Ids are NFC; the run passes the runner the name as it is spelled on disk.
    it('runs a file whose name is stored decomposed (NFD)', async () => {
      const copy = await copyFixture(runner)
      try {
        const nfd = 'ünïcødé.test.js'.normalize('NFD')
        await rename(join(copy, 'ünïcødé.test.js'), join(copy, nfd))
        const run = await shardwiseTest(
          copy,
          ['--shards', '2', '--parallel', '2', '--', bin],
          userEnv(),
        )
        expect(run.results.flatMap((r) => r.fileFailures)).toEqual([])
        expect(run.code, run.stderr).toBe(0)
      } finally {
        await removeDir(copy)
      }
    })
  })

  return { dir: () => dir }
}
