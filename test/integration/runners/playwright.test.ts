import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { runCli } from '../../support/cli.js'
import {
  DECOY_NAMES,
  HOSTILE_NAMES,
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

const PLAYWRIGHT = [join(REPO, 'node_modules/.bin/playwright'), 'test']
const FLAKY = 'tests/retry.spec.js::retry::sometimes::fails once, then passes'
const BROKEN = 'tests/retry.spec.js::retry::broken when asked'

// Playwright loads a test file in its runner process too: `beforeAll` runs where tests run.
const hostileTest = (file: string) => `import { test } from '@playwright/test'
import { loaded } from ${JSON.stringify(fromFile(file, 'support/track.js'))}

test.beforeAll(() => loaded(__filename))

test.describe('a file with a hostile name', () => {
  test('runs', async () => {})
  test.describe('nested', () => {
    test('runs too', async () => {})
  })
})
`

const PLAIN_FILES = [
  'tests/env.spec.js',
  'tests/math.spec.js',
  'tests/nested/deep.spec.js',
  'tests/retry.spec.js',
  'tests/strings.spec.js',
]

function suite(hostile: readonly string[]): string[] {
  return [
    'tests/math.spec.js::math::add::adds small numbers',
    'tests/math.spec.js::math::add::adds negatives',
    'tests/math.spec.js::math::multiply::multiplies',
    'tests/math.spec.js::divides',
    'tests/strings.spec.js::strings::case::upper-cases',
    'tests/strings.spec.js::strings::case::lower-cases',
    'tests/strings.spec.js::strings::is skipped',
    'tests/strings.spec.js::strings::is expected to fail',
    'tests/nested/deep.spec.js::deep::deeper::deepest::trims both ends',
    FLAKY,
    'tests/retry.spec.js::retry::sometimes::steady',
    BROKEN,
    'tests/env.spec.js::records the environment it sees',
    ...hostile.flatMap((file) => [
      `${file}::a file with a hostile name::runs`,
      `${file}::a file with a hostile name::nested::runs too`,
    ]),
  ].sort()
}

describe('playwright test run by shardwise', () => {
  let root: string
  let hostile: string[]
  beforeAll(async () => {
    root = await workspace('playwright')
    // Playwright's file arguments are case-insensitive, unanchored regular expressions by
    // default: `Case` would select `case` too, `a+b` would select `aab`.
    const names = [...HOSTILE_NAMES, ...DECOY_NAMES, 'Case', 'case']
    hostile = await addHostileFiles(root, 'tests/hostile', '.spec.ts', hostileTest, names)
  })
  afterAll(async () => {
    await removeWorkspace(root)
  })

  it('plans what `playwright test --list` lists and runs every test once in 3 shards', async () => {
    await clearFixtureLog(root)
    const run = await shardwiseTest(root, ['--shards', '3', '--', ...PLAYWRIGHT], fixtureEnv(root))
    await expectWholeSuiteOnce(root, run, suite(hostile), [...PLAIN_FILES, ...hostile])
    expect(run.results.every((r) => r.runner === 'playwright')).toBe(true)
    // `test.fail()` failing as expected is a pass, a skipped test is skipped.
    const tests = Object.fromEntries(run.results.flatMap((r) => Object.entries(r.tests)))
    expect(tests['tests/strings.spec.js::strings::is expected to fail']?.verdict).toBe('passed')
    expect(tests['tests/strings.spec.js::strings::is skipped']?.verdict).toBe('skipped')
  })

  it('runs every test once in 2 shards when the files are given by globs', async () => {
    await clearFixtureLog(root)
    const run = await shardwiseTest(
      root,
      ['--shards', '2', 'tests/**/*.spec.js', 'tests/**/*.spec.ts', '--', ...PLAYWRIGHT],
      fixtureEnv(root),
    )
    await expectWholeSuiteOnce(root, run, suite(hostile), [...PLAIN_FILES, ...hostile])
  })

  it('calls a test that fails once and then passes flaky, and runs only its file again', async () => {
    const run = await shardwiseTest(
      root,
      ['--shards', '2', '--retries', '2', ...PLAIN_FILES, '--', ...PLAYWRIGHT],
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
      expect(record.attempts, id).toHaveLength(id.startsWith('tests/retry.spec.js::') ? 2 : 1)
    }
  })

  it('fails the run on a test that fails every attempt', async () => {
    const run = await shardwiseTest(
      root,
      ['--shards', '2', '--retries', '2', ...PLAIN_FILES, '--', ...PLAYWRIGHT],
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
      expect(record.attempts, id).toHaveLength(id.startsWith('tests/retry.spec.js::') ? 3 : 1)
    }
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
        ...PLAYWRIGHT,
      ],
      { cwd: root, env: fixtureEnv(root) },
    )
    expect(cli.code, cli.stderr).toBe(0)
    const result = await readResult(join(root, 'out-empty/shard-result.json'))
    expect(result).toMatchObject({ status: 'empty', items: [], tests: {}, exitCode: null })
    // Started with no file filter, Playwright would have run the whole suite.
    expect(await fixtureLog(root)).toEqual([])
  })
})
