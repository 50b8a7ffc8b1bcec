import { readFileSync } from 'node:fs'
import { readFile, readdir } from 'node:fs/promises'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Plan } from '../../src/core/plan.js'
import { listingFailure } from '../../src/adapters/runners/list.js'
import { runCli } from '../support/cli.js'
import {
  copyFixture,
  removeDir,
  runnerBin,
  shardwiseTest,
  userEnv,
} from '../support/runner-workspace.js'

// The loop a newcomer meets on a laptop, with real Jest on test/fixtures/runners/jest: the
// first `shardwise test`, the plan that follows, and what goes wrong on the way.
describe('the local loop with Jest', () => {
  let dir = ''
  beforeAll(async () => {
    dir = await copyFixture('jest')
  })
  afterAll(async () => {
    await removeDir(dir)
  })

  it('leaves out a file the glob matches that is not a test file for the runner, and passes', async () => {
    // `*.js` also matches helpers.js and jest.config.js, which Jest's testMatch does not run.
    const run = await shardwiseTest(
      dir,
      ['--shards', '2', '--parallel', '2', '*.js', '--', runnerBin('jest')],
      userEnv(),
    )
    expect(run.code, run.stderr).toBe(0)
    expect(run.stderr).toMatch(
      /2 files match the globs but are not a test file for jest \(its configuration does not run them\); left out of the plan: helpers\.js, jest\.config\.js/,
    )
    const planned = run.results.flatMap((r) => r.items)
    expect(planned).not.toContain('helpers.js')
    expect(planned).not.toContain('jest.config.js')
    expect(planned).toContain('math.test.js')
    expect(run.results.every((r) => r.status === 'passed')).toBe(true)
  })

  it('keeps its state out of version control with a .gitignore of its own', async () => {
    const ignore = await readFile(join(dir, '.shardwise/.gitignore'), 'utf8')
    expect(ignore.split('\n')).toContain('*')
  })

  it('plans from the local timings store when no --timings is given', async () => {
    const plan = await runCli(['plan', '--shards', '2', '--format', 'json', '*.test.js'], {
      cwd: dir,
      env: userEnv(),
    })
    expect(plan.code, plan.stderr).toBe(0)
    expect(plan.stderr).toContain(join(dir, '.shardwise/timings.json'))
    const parsed = JSON.parse(plan.stdout) as Plan
    expect(parsed.timings.runs).toBe(1)
    expect(parsed.unknownItems).toBe(0)
    // The store's start-up is part of every shard's prediction.
    expect(parsed.costModel.startupSeconds).toBeGreaterThan(0)
  })

  it('says in one line why the runner could not list its tests, and leaves no run directory', async () => {
    const before = await readdir(join(dir, '.shardwise/runs'))
    const run = await runCli(
      ['test', '--shards', '2', '--', runnerBin('jest'), '--config', 'missing.config.js'],
      { cwd: dir, env: userEnv() },
    )
    expect(run.code).toBe(2)
    const first = run.stderr.split('\n').find((line) => line.startsWith('shardwise:')) ?? ''
    expect(first).toContain('--listTests --json` failed (exit 1)')
    expect(first).toContain("give test globs before `--` (for example 'test/**/*.test.ts')")
    expect(run.stderr).not.toMatch(/^\s+at\s/m)
    expect(await readdir(join(dir, '.shardwise/runs'))).toEqual(before)
  })
})

describe('listingFailure', () => {
  it('turns Vitest 1’s crash on `list --filesOnly` into one line with the way out', () => {
    // What vitest 1.6.1 printed for `vitest list --filesOnly --json` (recorded).
    const stderr = readFileSync(
      join(import.meta.dirname, '../fixtures/listing/vitest-1.6.1-list.stderr.txt'),
      'utf8',
    )
    const message = listingFailure(
      ['npx', 'vitest', 'list', '--filesOnly', '--json'],
      1,
      '',
      stderr,
    )
    expect(message.split('\n')).toHaveLength(1)
    expect(message).toBe(
      "`npx vitest list --filesOnly --json` failed: CACError: Unknown option `--filesOnly` — this version of the runner cannot list its tests; give test globs before `--` (for example 'test/**/*.test.ts') to plan without it",
    )
  })
})
