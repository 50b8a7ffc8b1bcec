import { spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { readdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { pytest } from '../../../src/adapters/runners/pytest.js'
import type { ShardResult } from '../../../src/core/shard-result.js'
import {
  SECRETS,
  duplicates,
  executedTests,
  findNamed,
  processLogs,
  readResult,
  removeScenarios,
  scenario,
  temporaryDirectory,
  testRunPlan,
  testRunResults,
  type Scenario,
} from '../../support/runner-workspace.js'

/**
 * The pytest adapter against real pytest (python3 -m pytest) on test/fixtures/runners/pytest,
 * copied to a temporary directory per scenario and joined there by files with hostile names.
 */

const PYTEST = ['python3', '-m', 'pytest']

const MODULE = `import pytest


def test_one():
    pass


class TestInside:
    @pytest.mark.parametrize("v", [1, 2])
    def test_param(self, v):
        assert v
`

/**
 * Names git cannot carry everywhere, made at test time: shell syntax, quotes, non-ASCII, and at
 * the root (where an argument would begin with the name) pytest's `@argsfile` prefix and an
 * option.
 */
const HOSTILE_FILES = [
  'tests/test_$(touch PWNED).py',
  'tests/test_`touch PWNED`.py',
  'tests/test_a b.py',
  "tests/test_quote'.py",
  'tests/test_new\nline.py',
  'tests/test_dq".py',
  'tests/test_ünï.py',
  '@args_test.py',
  '-k_test.py',
]

async function hostileScenario(): Promise<Scenario> {
  const s = await scenario('pytest')
  for (const name of HOSTILE_FILES) await writeFile(join(s.root, name), MODULE)
  return s
}

let suiteCache: string[] | undefined

/**
 * What pytest itself collects, asked through its Python API so that no Shardwise code is
 * involved and a node id with a newline stays whole; every copy of the fixture is alike.
 */
function collected(root: string): string[] {
  if (suiteCache) return suiteCache
  const script = [
    'import json, pytest',
    'class Ids:',
    '    def pytest_collection_finish(self, session):',
    '        print("IDS=" + json.dumps([item.nodeid for item in session.items]))',
    'raise SystemExit(pytest.main(["--collect-only", "-q", "-p", "no:cacheprovider"], plugins=[Ids()]))',
  ].join('\n')
  const result = spawnSync('python3', ['-c', script], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, PYTHONDONTWRITEBYTECODE: '1' },
  })
  expect(result.status, result.stderr).toBe(0)
  const line = result.stdout.split('\n').find((l) => l.startsWith('IDS='))
  suiteCache = (JSON.parse(line?.slice(4) ?? '[]') as string[]).sort()
  return suiteCache
}

function testIds(results: readonly ShardResult[]): string[] {
  return results.flatMap((r) => Object.keys(r.tests)).sort()
}

/** Every argument that names a test file or node id starts with `./`. */
function pathArguments(argv: readonly string[]): string[] {
  return argv.filter((a) => a.includes('::') || /\.py$/.test(a))
}

afterAll(removeScenarios)

describe('pytest, the whole suite listed by pytest --collect-only', () => {
  for (const granularity of ['file', 'test', 'auto']) {
    it(`runs every collected test exactly once over 3 shards at ${granularity} granularity, hostile names included`, async () => {
      const s = await hostileScenario()
      const suite = collected(s.root)
      expect(suite).toContain('@args_test.py::TestInside::test_param[2]')
      expect(suite).toContain('tests/test_a b.py::TestInside::test_param[1]')
      expect(suite).toContain('tests/test_inherit.py::TestInherited::test_shared_one')
      expect(suite).toContain('tests/test_inherit.py::test_imported_function')
      expect(suite).toContain('tests/test_new\nline.py::TestInside::test_param[2]')

      const result = await s.cli([
        'test',
        '--shards',
        '3',
        '--granularity',
        granularity,
        '--',
        ...PYTEST,
      ])
      expect(result.code, result.stderr).toBe(0)

      const results = await testRunResults(s.root)
      expect(results.map((r) => r.status)).toEqual(['passed', 'passed', 'passed'])
      // Shardwise's view: each collected test reported once, by its own node id.
      expect(duplicates(testIds(results))).toEqual([])
      expect(testIds(results)).toEqual(suite)
      for (const r of results) expect(r.missing).toEqual([])
      // The tests' own view: each ran once.
      const ran = await executedTests(s.logDir)
      expect(duplicates(ran)).toEqual([])
      expect([...ran].sort()).toEqual(suite)

      const plan = await testRunPlan(s.root)
      const planned = plan.shards.flatMap((shard) => shard.items)
      expect(duplicates(planned)).toEqual([])
      if (granularity === 'test') expect(planned.sort()).toEqual(suite)

      // Node ids and files went to pytest as literal `./` arguments, never through a shell.
      const runs = (await processLogs(s.logDir)).filter((log) => log.collectOnly === false)
      expect(runs.length).toBeGreaterThanOrEqual(3)
      for (const run of runs) {
        const paths = pathArguments(run.argv)
        expect(paths.length).toBeGreaterThan(0)
        for (const arg of paths) expect(arg.startsWith('./'), arg).toBe(true)
        if (granularity === 'test') for (const arg of paths) expect(arg).toContain('::')
      }
      const args = runs.flatMap((run) => run.argv)
      expect(args.some((a) => a.startsWith('./@args_test.py'))).toBe(true)
      expect(args.some((a) => a.startsWith('./-k_test.py'))).toBe(true)
      expect(await findNamed(s.root, 'PWNED')).toEqual([])
      expect(existsSync(join(process.cwd(), 'PWNED'))).toBe(false)

      // No process, the listing included, sees the runner's credentials; each shard knows itself.
      const logs = await processLogs(s.logDir)
      expect(logs.filter((l) => l.collectOnly === true)).toHaveLength(1)
      expect([...new Set(runs.map((l) => l.shard))].sort()).toEqual(['1', '2', '3'])
      for (const log of logs) {
        for (const name of Object.keys(SECRETS)) expect(log.keys).not.toContain(name)
        expect(log.keys).toContain('PATH')
        expect(log.keys).toContain('FIXTURE_LOG_DIR')
      }
      for (const run of runs) expect(run.keys).toContain('SHARDWISE_SHARD_COUNT')
    })
  }

  it('keeps to the paths named in the command, runs each of their tests once, whatever -q says', async () => {
    const s = await scenario('pytest')
    const result = await s.cli([
      'test',
      '--shards',
      '2',
      '--granularity',
      'test',
      '--',
      ...PYTEST,
      '-q',
      'tests/sub',
      'tests/test_inherit.py',
    ])
    expect(result.code, result.stderr).toBe(0)
    const expected = [
      'tests/sub/test_nested.py::TestDeep::test_pairs[1-2]',
      'tests/sub/test_nested.py::TestDeep::test_pairs[3-4]',
      'tests/sub/test_nested.py::test_slowish',
      'tests/test_inherit.py::TestInherited::test_own',
      'tests/test_inherit.py::TestInherited::test_shared_one',
      'tests/test_inherit.py::TestInherited::test_shared_two',
      'tests/test_inherit.py::test_imported_function',
    ]
    const plan = await testRunPlan(s.root)
    expect(plan.shards.flatMap((shard) => shard.items).sort()).toEqual(expected)
    expect(testIds(await testRunResults(s.root))).toEqual(expected)
    const ran = await executedTests(s.logDir)
    expect(duplicates(ran)).toEqual([])
    expect(ran.sort()).toEqual(expected)
    for (const log of await processLogs(s.logDir)) {
      if (log.collectOnly === false) expect(log.argv).not.toContain('tests/sub')
    }
  })
})

describe('pytest retries', () => {
  it('calls a test that fails once and then passes flaky, re-running only the failed node ids', async () => {
    const s = await scenario('pytest')
    const result = await s.cli(
      ['test', '--shards', '1', '--retries', '2', 'tests/test_flaky.py', '--', ...PYTEST],
      { FIXTURE_FLAKY_DIR: s.scratch },
    )
    expect(result.code, result.stderr).toBe(0)
    const results = await testRunResults(s.root)
    const tests = Object.assign({}, ...results.map((r) => r.tests)) as ShardResult['tests']
    const flaky = [
      'tests/test_flaky.py::TestRetry::test_flaky_param[a b]',
      'tests/test_flaky.py::test_flaky_once',
    ]
    for (const id of flaky) {
      expect(tests[id]?.verdict, id).toBe('flaky')
      expect(tests[id]?.attempts.map((a) => a.status)).toEqual(['failed', 'passed'])
    }
    expect(tests['tests/test_flaky.py::TestRetry::test_flaky_param[c[d]]']?.attempts).toHaveLength(
      1,
    )
    expect(tests['tests/test_flaky.py::test_steady']?.attempts).toHaveLength(1)
    expect(results.reduce((n, r) => n + r.counts.flaky, 0)).toBe(2)
    expect(results.every((r) => r.status === 'passed')).toBe(true)
    // The retry ran exactly the failed node ids.
    const retries = (await processLogs(s.logDir)).filter(
      (l) => l.collectOnly === false && l.argv.some((a) => a.includes('retry-1')),
    )
    expect(retries.flatMap((l) => pathArguments(l.argv)).sort()).toEqual(
      flaky.map((id) => `./${id}`).sort(),
    )
    expect(retries.flatMap((l) => l.tests).sort()).toEqual([...flaky].sort())
  })

  it('fails a test that fails every time, after re-running only that test', async () => {
    const s = await scenario('pytest')
    const result = await s.cli(
      [
        'test',
        '--shards',
        '2',
        '--retries',
        '2',
        'tests/test_flaky.py',
        'tests/test_math.py',
        '--',
        ...PYTEST,
      ],
      {
        FIXTURE_BROKEN: '1',
      },
    )
    expect(result.code).toBe(1)
    const results = await testRunResults(s.root)
    const tests = Object.assign({}, ...results.map((r) => r.tests)) as ShardResult['tests']
    const broken = tests['tests/test_flaky.py::test_broken_when_asked']
    expect(broken?.verdict).toBe('failed')
    expect(broken?.attempts.map((a) => a.status)).toEqual(['failed', 'failed', 'failed'])
    expect(broken?.message).toContain('broken on purpose')
    expect(tests['tests/test_flaky.py::test_decoy_broken_when_asked']?.attempts).toHaveLength(1)
    expect(results.map((r) => r.status).sort()).toEqual(['failed', 'passed'])
    const ran = await executedTests(s.logDir)
    expect(ran.filter((id) => id === 'tests/test_flaky.py::test_broken_when_asked')).toHaveLength(3)
    expect(
      ran.filter((id) => id === 'tests/test_flaky.py::test_decoy_broken_when_asked'),
    ).toHaveLength(1)
  })
})

describe('pytest exit codes and empty shards', () => {
  it('fails a shard where pytest collects nothing (exit 5) instead of passing it', async () => {
    const s = await scenario('pytest')
    const out = join(s.scratch, 'results')
    const result = await s.cli([
      'run',
      '--shard',
      '1/1',
      '--results-dir',
      out,
      'tests/test_math.py',
      '--',
      ...PYTEST,
      '-m',
      'no_such_marker',
    ])
    expect(result.code).toBe(1)
    const shard = await readResult(join(out, 'shard-result.json'))
    expect(shard.exitCode).toBe(5)
    expect(shard.status).toBe('failed')
    expect(shard.missing).toEqual(['tests/test_math.py'])
  })

  it('never starts pytest for an empty shard', async () => {
    const s = await scenario('pytest')
    const result = await s.cli([
      'test',
      '--shards',
      '3',
      'tests/test_inherit.py',
      'tests/test_flaky.py',
      '--',
      ...PYTEST,
    ])
    expect(result.code, result.stderr).toBe(0)
    const results = await testRunResults(s.root)
    expect(results.map((r) => r.status)).toEqual(['passed', 'passed', 'empty'])
    expect(results[2]?.items).toEqual([])
    const shards = (await processLogs(s.logDir)).map((l) => l.shard)
    expect(shards.sort()).toEqual(['1', '2'])
  })

  it('reports a module that fails to import as a file failure and still runs the rest of its shard', async () => {
    const s = await scenario('pytest')
    await writeFile(join(s.root, 'tests', 'test_import_error.py'), 'import no_such_module_xyz\n')
    const out = join(s.scratch, 'results')
    const result = await s.cli([
      'run',
      '--shard',
      '1/1',
      '--results-dir',
      out,
      'tests/test_import_error.py',
      'tests/test_inherit.py',
      '--',
      ...PYTEST,
    ])
    expect(result.code).toBe(1)
    const shard = await readResult(join(out, 'shard-result.json'))
    expect(shard.status).toBe('failed')
    expect(shard.fileFailures.map((f) => f.file)).toEqual(['tests/test_import_error.py'])
    expect(Object.keys(shard.tests).sort()).toEqual([
      'tests/test_inherit.py::TestInherited::test_own',
      'tests/test_inherit.py::TestInherited::test_shared_one',
      'tests/test_inherit.py::TestInherited::test_shared_two',
      'tests/test_inherit.py::test_imported_function',
    ])
    expect(shard.missing).toEqual([])
  })

  it('fails a file pytest cannot be given (a `[` in its path) without taking its shard down', async () => {
    const s = await scenario('pytest')
    await writeFile(join(s.root, 'tests', 'test_[x].py'), MODULE)
    const items = join(s.scratch, 'items.txt')
    await writeFile(items, 'tests/test_[x].py\ntests/test_inherit.py\n')
    const plan = join(s.scratch, 'plan.json')
    const planned = await s.cli(['plan', '--shards', '1', '--items-from', items, '--output', plan])
    expect(planned.code, planned.stderr).toBe(0)
    const out = join(s.scratch, 'results')
    const result = await s.cli([
      'run',
      '--plan',
      plan,
      '--shard',
      '1',
      '--results-dir',
      out,
      '--',
      ...PYTEST,
    ])
    expect(result.code).toBe(1)
    const shard = await readResult(join(out, 'shard-result.json'))
    expect(shard.status).toBe('failed')
    expect(shard.missing).toEqual(['tests/test_[x].py'])
    expect(Object.values(shard.tests).map((t) => t.verdict)).toEqual([
      'passed',
      'passed',
      'passed',
      'passed',
    ])
  })
})

describe('the pytest adapter on names git may not hold', () => {
  it('lists, runs and reads back a node id whose path holds a newline', async () => {
    const dir = await temporaryDirectory('pytest-newline')
    await writeFile(join(dir, 'pytest.ini'), '[pytest]\n')
    await writeFile(join(dir, 'test_new\nline.py'), MODULE)
    await writeFile(join(dir, 'test_plain.py'), 'def test_plain():\n    pass\n')
    const env = { ...process.env, PYTHONDONTWRITEBYTECODE: '1' }
    const listArgv = pytest.list?.argv(PYTEST) ?? []
    const listed = spawnSync(listArgv[0] ?? '', listArgv.slice(1), {
      cwd: dir,
      env,
      encoding: 'utf8',
    })
    expect(listed.status, listed.stderr).toBe(0)
    const ids = pytest.list?.parse(listed.stdout, dir) ?? []
    expect([...ids].sort()).toEqual([
      'test_new\nline.py::TestInside::test_param[1]',
      'test_new\nline.py::TestInside::test_param[2]',
      'test_new\nline.py::test_one',
      'test_plain.py::test_plain',
    ])

    const reportDir = join(dir, 'reports')
    const input = { command: PYTEST, items: ids, reportDir, cwd: dir }
    const invocations = pytest.invocations(input)
    expect(invocations).toHaveLength(1)
    const argv = invocations[0]?.argv ?? []
    // As `run` starts it: the invocation's own variables (where Shardwise's plugin is) added.
    const run = spawnSync(argv[0] ?? '', argv.slice(1), {
      cwd: dir,
      env: { ...env, ...invocations[0]?.env },
      encoding: 'utf8',
    })
    expect(run.status, run.stdout).toBe(0)
    const outcomes = await pytest.readOutcomes(invocations[0]!, input, { exitCode: run.status })
    expect(outcomes.tests.map((t) => t.id).sort()).toEqual([...ids].sort())
    expect(outcomes.tests.every((t) => t.status === 'passed')).toBe(true)
    expect(await readdir(dir)).not.toContain('PWNED')
  })
})
