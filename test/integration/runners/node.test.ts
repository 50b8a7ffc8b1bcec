import { spawn } from 'node:child_process'
import { access, readdir } from 'node:fs/promises'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { runCli } from '../../support/cli.js'
import { NODE24 } from '../../support/node24.js'
import {
  BIN,
  REPO,
  SECRETS,
  addHostileFiles,
  clearFixtureLog,
  expectWholeSuiteOnce,
  fixtureEnv,
  fixtureLog,
  fromFile,
  isAlive,
  loadedFiles,
  readResult,
  removeWorkspace,
  shardResults,
  shardwiseTest,
  testsAcross,
  waitFor,
  workspace,
  writePlan,
} from '../../support/runner-workspace.js'

const GLOB = 'test/**/*.test.js'
const FLAKY = 'test/retry.test.js::retry::sometimes::fails once, then passes'
const BROKEN = 'test/retry.test.js::retry::broken when asked'

const hostileTest = (file: string) => `const { describe, it } = require('node:test')
const { loaded } = require(${JSON.stringify(fromFile(file, 'support/track.js'))})

loaded(__filename)

describe('a file with a hostile name', () => {
  it('runs', () => {})
  describe('nested', () => {
    it('runs too', () => {})
  })
})
`

/** The fixture's tests, with the hostile files, as `file::scope…::name` ids. */
function suite(hostile: readonly string[]): string[] {
  return [
    'test/math.test.js::math::add::adds small numbers',
    'test/math.test.js::math::add::adds negatives',
    'test/math.test.js::math::multiply::multiplies',
    'test/math.test.js::divides',
    'test/strings.test.js::strings::case::upper-cases',
    'test/strings.test.js::strings::case::lower-cases',
    'test/strings.test.js::strings::is skipped',
    'test/nested/deep.test.js::deep::deeper::deepest::trims both ends',
    FLAKY,
    'test/retry.test.js::retry::sometimes::steady',
    BROKEN,
    'test/env.test.js::records the environment it sees',
    'test/import-error.test.js::loads',
    ...hostile.flatMap((file) => [
      `${file}::a file with a hostile name::runs`,
      `${file}::a file with a hostile name::nested::runs too`,
    ]),
  ].sort()
}

const PLAIN_FILES = [
  'test/env.test.js',
  'test/import-error.test.js',
  'test/math.test.js',
  'test/nested/deep.test.js',
  'test/retry.test.js',
  'test/strings.test.js',
]

// node 20 takes `--test` arguments literally; node 22 and later read them as globs.
describe.each([
  ['node 20', 'node'],
  ['node 24', NODE24],
])('node --test (%s) run by shardwise', (_label, node) => {
  let root: string
  let hostile: string[]
  beforeAll(async () => {
    root = await workspace('node')
    hostile = await addHostileFiles(root, 'test/hostile', '.test.js', hostileTest)
  })
  afterAll(async () => {
    await removeWorkspace(root)
  })

  it('splits the suite into 3 shards that together run every test once, hostile names included', async () => {
    await clearFixtureLog(root)
    const run = await shardwiseTest(
      root,
      ['--shards', '3', GLOB, '--', node, '--test'],
      fixtureEnv(root),
    )
    await expectWholeSuiteOnce(root, run, suite(hostile), [...PLAIN_FILES, ...hostile])
    expect(run.results).toHaveLength(3)
    expect(run.results.every((r) => r.runner === 'node')).toBe(true)
  })

  it('reports a file that throws at import as a failed file, never as a pass', async () => {
    await clearFixtureLog(root)
    const run = await shardwiseTest(
      root,
      ['--shards', '2', 'test/import-error.test.js', 'test/math.test.js', '--', node, '--test'],
      fixtureEnv(root, { SHARDWISE_FIXTURE_IMPORT_ERROR: '1' }),
    )
    expect(run.code, run.stderr).toBe(1)
    const broken = run.results.find((r) => r.items.includes('test/import-error.test.js'))!
    expect(broken.status).toBe('failed')
    expect(broken.fileFailures).toEqual([
      {
        file: 'test/import-error.test.js',
        message: expect.stringContaining('boom at import') as unknown,
      },
    ])
    expect(Object.keys(broken.tests).filter((id) => id.startsWith('test/import-error'))).toEqual([])
    const fine = run.results.find((r) => r.items.includes('test/math.test.js'))!
    expect(fine.status).toBe('passed')
  })
})

describe('node --test retries, empty shards and the environment', () => {
  let root: string
  beforeAll(async () => {
    root = await workspace('node')
  })
  afterAll(async () => {
    await removeWorkspace(root)
  })

  it('calls a test that fails once and then passes flaky, and runs only its file again', async () => {
    const marker = join(root, '.flaky-marker')
    const run = await shardwiseTest(
      root,
      ['--shards', '2', '--retries', '2', GLOB, '--', 'node', '--test'],
      fixtureEnv(root, { SHARDWISE_FIXTURE_FLAKY_MARKER: marker }),
    )
    expect(run.code, run.stderr).toBe(0)
    const tests = Object.fromEntries(run.results.flatMap((r) => Object.entries(r.tests)))
    expect(tests[FLAKY]).toMatchObject({
      verdict: 'flaky',
      attempts: [{ status: 'failed' }, { status: 'passed' }],
    })
    expect(tests[FLAKY]?.message).toContain('fails on its first run only')
    // node cannot run one test of a file: the retry runs the failing test's file, nothing else.
    for (const [id, record] of Object.entries(tests)) {
      expect(record.attempts, id).toHaveLength(id.startsWith('test/retry.test.js::') ? 2 : 1)
    }
    const flakyShard = run.results.find((r) => r.items.includes('test/retry.test.js'))!
    expect(flakyShard).toMatchObject({ status: 'passed', counts: { flaky: 1, failed: 0 } })
  })

  it('fails the run on a test that fails every attempt', async () => {
    const run = await shardwiseTest(
      root,
      ['--shards', '2', '--retries', '2', GLOB, '--', 'node', '--test'],
      fixtureEnv(root, { SHARDWISE_FIXTURE_BROKEN: '1' }),
    )
    expect(run.code, run.stderr).toBe(1)
    const tests = Object.fromEntries(run.results.flatMap((r) => Object.entries(r.tests)))
    expect(tests[BROKEN]).toMatchObject({
      verdict: 'failed',
      attempts: [{ status: 'failed' }, { status: 'failed' }, { status: 'failed' }],
      message: expect.stringContaining('SHARDWISE_FIXTURE_BROKEN is set') as unknown,
    })
    for (const [id, record] of Object.entries(tests)) {
      expect(record.attempts, id).toHaveLength(id.startsWith('test/retry.test.js::') ? 3 : 1)
    }
    const statuses = run.results.map((r) => [r.items.includes('test/retry.test.js'), r.status])
    expect(statuses).toContainEqual([true, 'failed'])
    expect(statuses).toContainEqual([false, 'passed'])
  })

  it('never starts the runner for an empty shard', async () => {
    await clearFixtureLog(root)
    await writePlan(join(root, 'empty-plan.json'), [PLAIN_FILES, []])
    const cli = await runCli(
      [
        'run',
        '--plan',
        'empty-plan.json',
        '--shard',
        '2',
        '--results-dir',
        'out-empty',
        '--',
        'node',
        '--test',
      ],
      { cwd: root, env: fixtureEnv(root) },
    )
    expect(cli.code, cli.stderr).toBe(0)
    const result = await readResult(join(root, 'out-empty/shard-result.json'))
    expect(result).toMatchObject({
      status: 'empty',
      items: [],
      tests: {},
      exitCode: null,
      complete: true,
    })
    // Started with no files, node --test would have run the whole suite.
    expect(await fixtureLog(root)).toEqual([])
  })

  it('gives the test process the shard variables and none of the credentials', async () => {
    await clearFixtureLog(root)
    await writePlan(join(root, 'env-plan.json'), [['test/math.test.js'], ['test/env.test.js']])
    const cli = await runCli(
      [
        'run',
        '--plan',
        'env-plan.json',
        '--shard',
        '2',
        '--results-dir',
        'out-env',
        '--',
        'node',
        '--test',
      ],
      { cwd: root, env: fixtureEnv(root, SECRETS) },
    )
    expect(cli.code, cli.stderr).toBe(0)
    const seen = (await fixtureLog(root)).filter((e) => e.kind === 'env').map((e) => e.env)
    expect(seen).toEqual([
      {
        SHARDWISE_SHARD: '2',
        SHARDWISE_SHARD_COUNT: '2',
        ...Object.fromEntries(Object.keys(SECRETS).map((name) => [name, null])),
      },
    ])
  })
})

describe('node --test stopped by a timeout or a signal', () => {
  let root: string
  beforeAll(async () => {
    root = await workspace('node')
  })
  afterAll(async () => {
    await removeWorkspace(root)
  })

  it('kills the runner and its grandchildren at --timeout and keeps a partial result', async () => {
    await clearFixtureLog(root)
    const started = Date.now()
    const cli = await runCli(
      [
        'run',
        '--shard',
        '1/1',
        '--timeout',
        '2',
        '--results-dir',
        'out-timeout',
        'slow/hang.test.js',
        '--',
        'node',
        '--test',
      ],
      { cwd: root, env: fixtureEnv(root) },
    )
    const seconds = (Date.now() - started) / 1000
    expect(cli.code, cli.stderr).toBe(1)
    expect(seconds).toBeLessThan(12)
    const pids = (await fixtureLog(root)).find((e) => e.kind === 'pids')
    expect(pids).toBeDefined()
    expect(isAlive(pids!.test!)).toBe(false)
    expect(isAlive(pids!.grandchild!)).toBe(false)
    const result = await readResult(join(root, 'out-timeout/shard-result.json'))
    expect(result).toMatchObject({
      complete: false,
      status: 'incomplete',
      reason: 'timed out after 2 s',
      items: ['slow/hang.test.js'],
    })
  })

  it('stops on SIGINT to the CLI, kills the process group and writes a partial result', async () => {
    await access(join(REPO, 'dist/reporters/node-test.mjs')) // `npm run bundle` has run
    await clearFixtureLog(root)
    const child = spawn(
      process.execPath,
      [
        BIN,
        'run',
        '--shard',
        '1/1',
        '--results-dir',
        'out-sigint',
        'slow/hang.test.js',
        '--',
        'node',
        '--test',
      ],
      { cwd: root, env: fixtureEnv(root), stdio: ['ignore', 'pipe', 'pipe'] },
    )
    let output = ''
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()))
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()))
    const exited = new Promise<number | null>((done) => child.on('close', (code) => done(code)))
    const pids = await waitFor('the test to start its grandchild', async () =>
      (await fixtureLog(root)).find((e) => e.kind === 'pids'),
    )
    const signalled = Date.now()
    child.kill('SIGINT')
    const code = await exited
    expect((Date.now() - signalled) / 1000).toBeLessThan(10)
    expect(code, output).toBe(1)
    expect(isAlive(pids.test!)).toBe(false)
    expect(isAlive(pids.grandchild!)).toBe(false)
    const result = await readResult(join(root, 'out-sigint/shard-result.json'))
    expect(result).toMatchObject({ complete: false, status: 'incomplete', reason: 'interrupted' })
  })
})

describe('the bundled CLI with node --test', () => {
  let root: string
  beforeAll(async () => {
    root = await workspace('node')
  })
  afterAll(async () => {
    await removeWorkspace(root)
  })

  it('finds its node:test reporter in dist/reporters and runs every test', async () => {
    await access(join(REPO, 'dist/reporters/node-test.mjs')) // `npm run bundle` has run
    const child = spawn(
      process.execPath,
      [BIN, 'test', '--shards', '2', GLOB, '--', 'node', '--test'],
      {
        cwd: root,
        env: fixtureEnv(root),
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    )
    let output = ''
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()))
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()))
    const code = await new Promise<number | null>((done) => child.on('close', done))
    expect(code, output).toBe(0)
    const runs = join(root, '.shardwise/runs')
    const [runDir] = await readdir(runs)
    const results = await shardResults(join(runs, runDir!))
    expect([...testsAcross(results).keys()].sort()).toEqual(suite([]))
    expect(Object.fromEntries(await loadedFiles(root))).toEqual(
      Object.fromEntries(PLAIN_FILES.map((f) => [f, 1])),
    )
  })
})
