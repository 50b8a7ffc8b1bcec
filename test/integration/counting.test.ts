import { execFile } from 'node:child_process'
import { mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { removeDir, runnerBin, shardwiseTest, userEnv } from '../support/runner-workspace.js'

// Tests counted as the runner counts them, with the real runners.
describe('counting as the runner counts', () => {
  let dir = ''
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'shardwise-counting-'))
  })
  afterAll(async () => {
    await removeDir(dir)
  })

  it('counts two Jest tests of one file with the same name as two tests', async () => {
    const root = join(dir, 'jest')
    await mkdir(root, { recursive: true })
    await writeFile(
      join(root, 'jest.config.js'),
      "module.exports = { rootDir: __dirname, testEnvironment: 'node', watchman: false }\n",
    )
    await writeFile(
      join(root, 'same.test.js'),
      [
        "test('adds', () => expect(1 + 1).toBe(2))",
        "test('adds', () => expect(2 + 2).toBe(4))",
        "describe('group', () => { test('adds', () => expect(3).toBe(3)) })",
        '',
      ].join('\n'),
    )
    const run = await shardwiseTest(
      root,
      ['--shards', '1', 'same.test.js', '--', runnerBin('jest')],
      userEnv(),
    )
    expect(run.code, run.stderr).toBe(0)
    expect(run.results[0]?.counts.passed).toBe(3)
    expect(run.results[0]?.tests['same.test.js::adds']?.cases).toBe(2)
    expect(run.stderr).toContain('tests: 3 passed, 0 failed')
    const report = await readFile(
      join(root, '.shardwise/runs', (await latestRun(root)) ?? '', 'report.md'),
      'utf8',
    )
    expect(report).toContain('**3** passed')
  })

  it('reports pytest’s xfailed and xpassed as outcomes of their own, and a strict xpass as failed', async () => {
    const root = join(dir, 'pytest')
    await mkdir(join(root, 'tests'), { recursive: true })
    await writeFile(
      join(root, 'tests/test_marks.py'),
      [
        'import pytest',
        '',
        'def test_plain():',
        '    assert True',
        '',
        '@pytest.mark.xfail(reason="known bug")',
        'def test_expected_failure():',
        '    assert False',
        '',
        '@pytest.mark.xfail(reason="fixed upstream?")',
        'def test_unexpected_pass():',
        '    assert True',
        '',
        '@pytest.mark.xfail(strict=True, reason="must fail")',
        'def test_strict_pass():',
        '    assert True',
        '',
      ].join('\n'),
    )
    // pytest's own count of the same file, for comparison.
    const own = await promisify(execFile)(
      'python3',
      ['-m', 'pytest', '-q', '-p', 'no:cacheprovider', 'tests'],
      { cwd: root },
    ).catch((error: unknown) => error as { stdout: string })
    expect(own.stdout).toMatch(/1 failed, 1 passed, 1 xfailed, 1 xpassed/)

    const run = await shardwiseTest(
      root,
      ['--shards', '1', 'tests/test_*.py', '--', 'python3', '-m', 'pytest', '-q'],
      userEnv(),
    )
    expect(run.code).toBe(1)
    const result = run.results[0]
    expect(result?.counts).toMatchObject({
      passed: 1,
      failed: 1,
      xfailed: 1,
      xpassed: 1,
      skipped: 0,
    })
    expect(result?.tests['tests/test_marks.py::test_expected_failure']?.verdict).toBe('xfailed')
    expect(result?.tests['tests/test_marks.py::test_unexpected_pass']?.verdict).toBe('xpassed')
    expect(result?.tests['tests/test_marks.py::test_strict_pass']?.message).toContain(
      'XPASS(strict)',
    )
    expect(run.stderr).toContain(
      'tests: 1 passed, 1 failed, 0 flaky, 0 skipped, 1 xfailed, 1 xpassed',
    )
  })
})

async function latestRun(root: string): Promise<string | undefined> {
  const { readdir } = await import('node:fs/promises')
  return (await readdir(join(root, '.shardwise/runs'))).sort().pop()
}
