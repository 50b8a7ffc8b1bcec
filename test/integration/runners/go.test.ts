import { mkdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { goTestNames } from '../../../src/adapters/runners/go.js'
import type { ShardResult } from '../../../src/core/shard-result.js'
import {
  SECRETS,
  duplicates,
  executedTests,
  processLogs,
  readResult,
  removeScenarios,
  scenario,
  testRunPlan,
  testRunResults,
} from '../../support/runner-workspace.js'

/**
 * The go test adapter against the real `go` (Debian's golang-go, 1.19) on the module in
 * test/fixtures/runners/go, copied to a temporary directory per scenario. No network: the
 * module has no dependencies.
 */

const M = 'example.com/fixture'

/** The top-level tests of the fixture, as `go test` runs them (examples with output included). */
const SUITE = [
  `${M}/flaky::TestBrokenWhenAsked`,
  `${M}/flaky::TestBrokenWhenAskedDecoy`,
  `${M}/flaky::TestFlakyOnce`,
  `${M}/flaky::TestSteady`,
  `${M}/mathx::ExampleAdd`,
  `${M}/mathx::TestAdd`,
  `${M}/mathx::TestMul`,
  `${M}/mathx::TestMulti`,
  `${M}/mathx::TestMultiply`,
  `${M}/slow::TestQuick`,
  `${M}/slow::TestSlow`,
  `${M}/strutil::TestReverse`,
  `${M}/strutil::TestSkipped`,
  `${M}/strutil::TestUpperExternal`,
]
const PACKAGES = [`${M}/flaky`, `${M}/mathx`, `${M}/slow`, `${M}/strutil`]
/** What the fixture's own log shows ran (examples do not log). */
const LOGGED = SUITE.filter((id) => !id.includes('::Example'))

function testIds(results: readonly ShardResult[]): string[] {
  return results.flatMap((r) => Object.keys(r.tests)).sort()
}

function allTests(results: readonly ShardResult[]): ShardResult['tests'] {
  return Object.assign({}, ...results.map((r) => r.tests)) as ShardResult['tests']
}

afterAll(removeScenarios)

describe('go test, the packages listed by go list', () => {
  it('runs every package once over 2 shards, subtests folded into their tests', async () => {
    const s = await scenario('go')
    const result = await s.cli(['test', '--shards', '2', '--', 'go', 'test'])
    expect(result.code, result.stderr).toBe(0)

    const plan = await testRunPlan(s.root)
    const planned = plan.shards.flatMap((shard) => shard.items)
    // Packages without test files (internal/fixture, notests) are not planned.
    expect(planned.sort()).toEqual(PACKAGES)
    for (const shard of plan.shards) expect(shard.items.length).toBeGreaterThan(0)

    const results = await testRunResults(s.root)
    expect(results.map((r) => r.status)).toEqual(['passed', 'passed'])
    expect(testIds(results)).toEqual(SUITE)
    expect(testIds(results).filter((id) => id.includes('/Test'))).toEqual([])
    expect(allTests(results)[`${M}/strutil::TestSkipped`]?.verdict).toBe('skipped')
    for (const r of results) expect(r.missing).toEqual([])

    const ran = await executedTests(s.logDir)
    expect(duplicates(ran)).toEqual([])
    expect(ran.sort()).toEqual(LOGGED)

    // The test binaries never see the runner's credentials; each knows its shard.
    const logs = await processLogs(s.logDir)
    expect(logs).toHaveLength(PACKAGES.length)
    expect([...new Set(logs.map((l) => l.shard))].sort()).toEqual(['1', '2'])
    for (const log of logs) {
      for (const name of Object.keys(SECRETS)) expect(log.keys).not.toContain(name)
      expect(log.keys).toContain('SHARDWISE_SHARD')
      expect(log.keys).toContain('PATH')
    }
  })

  it('splits packages into top-level tests at test granularity, each selected by an anchored -run', async () => {
    const s = await scenario('go')
    const result = await s.cli([
      'test',
      '--shards',
      '2',
      '--granularity',
      'test',
      '--',
      'go',
      'test',
    ])
    expect(result.code, result.stderr).toBe(0)

    const plan = await testRunPlan(s.root)
    const planned = plan.shards.flatMap((shard) => shard.items)
    expect(duplicates(planned)).toEqual([])
    expect(planned.sort()).toEqual(SUITE)

    const results = await testRunResults(s.root)
    expect(results.map((r) => r.status)).toEqual(['passed', 'passed'])
    expect(testIds(results)).toEqual(SUITE)
    for (const r of results) {
      // Each shard ran exactly what it planned: TestMulti never drags TestMultiply along.
      expect(Object.keys(r.tests).sort()).toEqual([...r.items].sort())
      expect(r.missing).toEqual([])
    }
    const ran = await executedTests(s.logDir)
    expect(duplicates(ran)).toEqual([])
    expect(ran.sort()).toEqual(LOGGED)
    for (const log of await processLogs(s.logDir)) {
      const run = log.argv.find((a) => a.startsWith('-test.run='))
      expect(run).toMatch(/^-test\.run=\^\(\?:.+\)\$$/)
    }
  })

  it('keeps to the packages named in the command and never runs them twice', async () => {
    const s = await scenario('go')
    const result = await s.cli([
      'test',
      '--shards',
      '2',
      '--',
      'go',
      'test',
      '-count=1',
      './mathx/...',
      './slow',
    ])
    expect(result.code, result.stderr).toBe(0)
    const plan = await testRunPlan(s.root)
    expect(plan.shards.flatMap((shard) => shard.items).sort()).toEqual([`${M}/mathx`, `${M}/slow`])
    const ran = await executedTests(s.logDir)
    expect(duplicates(ran)).toEqual([])
    expect(ran.sort()).toEqual(
      LOGGED.filter((id) => id.includes('/mathx::') || id.includes('/slow::')),
    )
  })
})

describe('go test retries', () => {
  it('calls a test that fails once and then passes flaky, re-running only that test', async () => {
    const s = await scenario('go')
    const result = await s.cli(['test', '--shards', '2', '--retries', '2', '--', 'go', 'test'], {
      FIXTURE_FLAKY_DIR: s.scratch,
    })
    expect(result.code, result.stderr).toBe(0)
    const results = await testRunResults(s.root)
    const tests = allTests(results)
    expect(tests[`${M}/flaky::TestFlakyOnce`]?.verdict).toBe('flaky')
    expect(tests[`${M}/flaky::TestFlakyOnce`]?.attempts.map((a) => a.status)).toEqual([
      'failed',
      'passed',
    ])
    expect(tests[`${M}/flaky::TestSteady`]?.attempts).toHaveLength(1)
    expect(results.every((r) => r.status === 'passed')).toBe(true)
    const ran = await executedTests(s.logDir)
    expect(ran.filter((id) => id === `${M}/flaky::TestFlakyOnce`)).toHaveLength(2)
    expect(ran.filter((id) => id === `${M}/flaky::TestSteady`)).toHaveLength(1)
  })

  it('fails a test that fails every time after re-running only it, not its namesake', async () => {
    const s = await scenario('go')
    const result = await s.cli(['test', '--shards', '2', '--retries', '2', '--', 'go', 'test'], {
      FIXTURE_BROKEN: '1',
    })
    expect(result.code).toBe(1)
    const results = await testRunResults(s.root)
    const tests = allTests(results)
    const broken = tests[`${M}/flaky::TestBrokenWhenAsked`]
    expect(broken?.verdict).toBe('failed')
    expect(broken?.attempts.map((a) => a.status)).toEqual(['failed', 'failed', 'failed'])
    expect(broken?.message).toContain('broken on purpose')
    expect(tests[`${M}/flaky::TestBrokenWhenAskedDecoy`]?.attempts).toHaveLength(1)
    expect(results.map((r) => r.status).sort()).toEqual(['failed', 'passed'])
    const ran = await executedTests(s.logDir)
    expect(ran.filter((id) => id === `${M}/flaky::TestBrokenWhenAsked`)).toHaveLength(3)
    expect(ran.filter((id) => id === `${M}/flaky::TestBrokenWhenAskedDecoy`)).toHaveLength(1)
  })
})

describe('go test failures outside tests', () => {
  it('reports a package that does not build as a file failure naming it', async () => {
    const s = await scenario('go')
    await mkdir(join(s.root, 'brokenbuild'))
    await writeFile(
      join(s.root, 'brokenbuild', 'broken_test.go'),
      'package brokenbuild\n\nimport "testing"\n\nfunc TestX(t *testing.T) { var x int = "nope"; _ = x }\n',
    )
    const result = await s.cli(['test', '--shards', '2', '--', 'go', 'test'])
    expect(result.code).toBe(1)
    const results = await testRunResults(s.root)
    const failures = results.flatMap((r) => r.fileFailures)
    expect(failures.map((f) => f.file)).toEqual([`${M}/brokenbuild`])
    expect(failures[0]?.message).toContain(`${M}/brokenbuild`)
    expect(failures[0]?.message).toContain('build failed')
    // The other packages ran and passed.
    expect(testIds(results)).toEqual(SUITE)
    expect(results.flatMap((r) => r.missing)).toEqual([])
  })

  it('passes a planned package that has no tests, and fails a planned test that no longer exists', async () => {
    const s = await scenario('go')
    const items = join(s.scratch, 'items.txt')
    await writeFile(items, `${M}/notests\n${M}/slow::TestQuick\n${M}/slow::TestGone\n`)
    const plan = join(s.scratch, 'plan.json')
    const planned = await s.cli([
      'plan',
      '--shards',
      '1',
      '--granularity',
      'test',
      '--items-from',
      items,
      '--output',
      plan,
    ])
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
      'go',
      'test',
    ])
    expect(result.code).toBe(1)
    const shard = await readResult(join(out, 'shard-result.json'))
    expect(shard.missing).toEqual([`${M}/slow::TestGone`])
    expect(shard.tests[`${M}/slow::TestQuick`]?.verdict).toBe('passed')
    expect(shard.tests[`${M}/notests`]?.verdict).toBe('skipped')
    expect(shard.fileFailures).toEqual([])
  })
})

describe('finding the tests of a Go file', () => {
  it('takes tests, fuzz targets and examples with output, and nothing in comments or strings', () => {
    const source = [
      'package x',
      'import "testing"',
      'func TestMain(m *testing.M) { m.Run() }',
      'func TestA(t *testing.T) {}',
      'func Test_b(t *testing.T) {}',
      'func Testlower(t *testing.T) {}',
      'func TestÜber(t *testing.T) { s := "func TestInString(t *testing.T) {}"; _ = s }',
      'func FuzzF(f *testing.F) {}',
      'func BenchmarkB(b *testing.B) {}',
      'func (s *suite) TestMethod(t *testing.T) {}',
      '/*',
      'func TestInComment(t *testing.T) {}',
      '*/',
      'var raw = `',
      'func TestInRaw(t *testing.T) {}',
      '`',
      "var r = '`'",
      'func ExampleWithOutput() {',
      '\tprintln(1)',
      '\t// Output: 1',
      '}',
      'func ExampleNoOutput() {}',
      'func helper[T any](t T) {}',
    ].join('\n')
    expect(goTestNames(source)).toEqual([
      'TestA',
      'Test_b',
      'TestÜber',
      'FuzzF',
      'ExampleWithOutput',
    ])
  })
})
