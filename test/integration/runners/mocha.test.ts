import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { runCli } from '../../support/cli.js'
import {
  REPO,
  addHostileFiles,
  clearFixtureLog,
  expectWholeSuiteOnce,
  fixtureEnv,
  fixtureLog,
  fromFile,
  readResult,
  removeWorkspace,
  shardwiseTest,
  workspace,
  writePlan,
} from '../../support/runner-workspace.js'

const MOCHA = join(REPO, 'node_modules/.bin/mocha')
const GLOB = 'test/**/*.test.js'
const FLAKY = 'test/retry.test.js::retry sometimes::fails once, then passes'
const BROKEN = 'test/retry.test.js::retry::broken when asked'

const hostileTest = (
  file: string,
) => `const { loaded } = require(${JSON.stringify(fromFile(file, 'support/track.js'))})

loaded(__filename)

describe('a file with a hostile name', () => {
  it('runs', () => {})
  describe('nested', () => {
    it('runs too', () => {})
  })
})
`

const PLAIN_FILES = [
  'test/env.test.js',
  'test/hooks.test.js',
  'test/import-error.test.js',
  'test/math.test.js',
  'test/nested/deep.test.js',
  'test/retry.test.js',
  'test/strings.test.js',
]

/**
 * The fixture's tests as ids. Mocha's JSON report gives a test's full title, not its describe
 * blocks one by one: the scope is the full title without the test's own.
 */
function suite(hostile: readonly string[]): string[] {
  return [
    'test/math.test.js::math add::adds small numbers',
    'test/math.test.js::math add::adds negatives',
    'test/math.test.js::math multiply::multiplies',
    'test/math.test.js::math::sees the setup from .mocharc',
    'test/strings.test.js::strings case::upper-cases',
    'test/strings.test.js::strings case::lower-cases',
    'test/strings.test.js::strings::is skipped',
    'test/nested/deep.test.js::deep deeper deepest::trims both ends',
    FLAKY,
    'test/retry.test.js::retry sometimes::steady',
    BROKEN,
    'test/env.test.js::records the environment it sees',
    'test/hooks.test.js::hooks::runs after the hook',
    'test/hooks.test.js::unhooked::still runs',
    'test/import-error.test.js::loads',
    ...hostile.flatMap((file) => [
      `${file}::a file with a hostile name::runs`,
      `${file}::a file with a hostile name nested::runs too`,
    ]),
  ].sort()
}

describe('mocha run by shardwise', () => {
  let root: string
  let hostile: string[]
  beforeAll(async () => {
    root = await workspace('mocha')
    hostile = await addHostileFiles(root, 'test/hostile', '.test.js', hostileTest)
  })
  afterAll(async () => {
    await removeWorkspace(root)
  })

  // .mocharc.json has `spec: test/**/*.test.js`, which Mocha would run besides the shard's files.
  it('splits the suite into 3 shards that together run every test once, hostile names included', async () => {
    await clearFixtureLog(root)
    const run = await shardwiseTest(root, ['--shards', '3', GLOB, '--', MOCHA], fixtureEnv(root))
    await expectWholeSuiteOnce(root, run, suite(hostile), [...PLAIN_FILES, ...hostile])
    expect(run.results.every((r) => r.runner === 'mocha')).toBe(true)
  })

  it('calls a test that fails once and then passes flaky, and runs only its file again', async () => {
    const run = await shardwiseTest(
      root,
      ['--shards', '2', '--retries', '2', ...PLAIN_FILES, '--', MOCHA],
      fixtureEnv(root, { SHARDWISE_FIXTURE_FLAKY_MARKER: join(root, '.flaky-marker') }),
    )
    expect(run.code, run.stderr).toBe(0)
    const tests = Object.fromEntries(run.results.flatMap((r) => Object.entries(r.tests)))
    expect(tests[FLAKY]).toMatchObject({
      verdict: 'flaky',
      attempts: [{ status: 'failed' }, { status: 'passed' }],
      message: expect.stringContaining('fails on its first run only') as unknown,
    })
    for (const [id, record] of Object.entries(tests)) {
      expect(record.attempts, id).toHaveLength(id.startsWith('test/retry.test.js::') ? 2 : 1)
    }
  })

  it('fails the run on a test that fails every attempt', async () => {
    const run = await shardwiseTest(
      root,
      ['--shards', '2', '--retries', '2', ...PLAIN_FILES, '--', MOCHA],
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
  })

  it('fails the file of a failing hook, though its other tests pass', async () => {
    const run = await shardwiseTest(
      root,
      ['--shards', '1', '--retries', '1', 'test/hooks.test.js', 'test/math.test.js', '--', MOCHA],
      fixtureEnv(root, { SHARDWISE_FIXTURE_HOOK_FAIL: '1' }),
    )
    expect(run.code, run.stderr).toBe(1)
    const [result] = run.results
    expect(result?.status).toBe('failed')
    expect(result?.fileFailures).toEqual([
      {
        file: 'test/hooks.test.js',
        message: expect.stringContaining('the before hook failed') as unknown,
      },
    ])
    expect(result?.tests['test/hooks.test.js::unhooked::still runs']?.verdict).toBe('passed')
  })

  it('never reports the files of a run that a throw at import stopped as passed', async () => {
    const run = await shardwiseTest(
      root,
      ['--shards', '1', 'test/import-error.test.js', 'test/math.test.js', '--', MOCHA],
      fixtureEnv(root, { SHARDWISE_FIXTURE_IMPORT_ERROR: '1' }),
    )
    expect(run.code, run.stderr).toBe(1)
    const [result] = run.results
    expect(result?.status).toBe('failed')
    // Mocha stops before running any test and writes no report: both files are unaccounted for.
    expect(result?.missing).toEqual(['test/import-error.test.js', 'test/math.test.js'])
    expect(result?.counts.passed).toBe(0)
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
        MOCHA,
      ],
      { cwd: root, env: fixtureEnv(root) },
    )
    expect(cli.code, cli.stderr).toBe(0)
    const result = await readResult(join(root, 'out-empty/shard-result.json'))
    expect(result).toMatchObject({ status: 'empty', items: [], tests: {}, exitCode: null })
    // Started with no files, Mocha would have run its configured spec: the whole suite.
    expect(await fixtureLog(root)).toEqual([])
  })
})
