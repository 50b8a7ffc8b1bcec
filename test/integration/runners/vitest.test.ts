import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { vitest } from '../../../src/adapters/runners/vitest.js'
import { runCli } from '../../support/cli.js'
import { describeRunner } from './shared.js'
import {
  JEST_LIKE_SUITE,
  readResult,
  runnerBin,
  userEnv,
  writePlan,
} from '../../support/runner-workspace.js'

// Real Vitest on test/fixtures/runners/vitest: sharding, hostile names, retries, empty shards,
// missing files, the child's environment.
const suite = describeRunner('vitest')

describe('vitest file filters', () => {
  it('keeps only the asked files when a filter also selects another (math.test.js ⊂ sub/math.test.js)', async () => {
    const dir = suite.dir()
    const plan = join(dir, 'plan-overlap.json')
    await writePlan(plan, [['math.test.js'], ['sub/math.test.js']])
    const results = join(dir, 'results-overlap')
    const cli = await runCli(
      ['run', '--plan', plan, '--shard', '1', '--results-dir', results, '--', runnerBin('vitest')],
      { cwd: dir, env: userEnv() },
    )
    expect(cli.code, cli.stderr).toBe(0)
    const result = await readResult(join(results, 'shard-result.json'))
    expect(Object.keys(result.tests).sort()).toEqual(
      JEST_LIKE_SUITE.filter((id) => id.startsWith('math.test.js::')),
    )
    // Vitest ran sub/math.test.js too (its filters match substrings): said, not counted.
    expect(cli.stderr).toContain('vitest also ran 1 file this shard did not ask for')
    expect(cli.stderr).toContain('"sub/math.test.js"')
  })

  it('runs once (never watch mode) with absolute paths', () => {
    const input = {
      items: ['-rf.test.js', 'a b.test.js'],
      reportDir: '/r',
      cwd: '/home/runner/work/r/r', // only spelled into argv, never touched
    }
    const [plain] = vitest.invocations({ ...input, command: ['npx', 'vitest'] })
    expect(plain!.argv.slice(0, 3)).toEqual(['npx', 'vitest', 'run'])
    expect(plain!.argv.slice(-2)).toEqual([
      '/home/runner/work/r/r/-rf.test.js',
      '/home/runner/work/r/r/a b.test.js',
    ])
    const [watch] = vitest.invocations({ ...input, command: ['vitest', 'watch'] })
    expect(watch!.argv.slice(0, 2)).toEqual(['vitest', 'run'])
    const [script] = vitest.invocations({ ...input, command: ['npm', 'test', '--'] })
    expect(script!.argv.slice(0, 4)).toEqual(['npm', 'test', '--', '--run'])
  })

  it('lists files as JSON', () => {
    expect(vitest.list!.argv(['npx', 'vitest', 'run'])).toEqual([
      'npx',
      'vitest',
      'list',
      '--filesOnly',
      '--json',
    ])
    expect(vitest.list!.argv(['npm', 'test', '--'])).toEqual([
      'npm',
      'test',
      '--',
      'list',
      '--filesOnly',
      '--json',
    ])
  })
})
