import { execFile } from 'node:child_process'
import { cp, mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { REPO_ROOT, runAction } from '../support/action-runner.js'
import { NODE24 } from '../support/node24.js'

const exec = promisify(execFile)
const DATASET = join(REPO_ROOT, 'test/fixtures/datasets/pgmpy__pgmpy__.test_durations')

for (const [label, node] of [
  ['Node 20', process.execPath],
  ['Node 24', NODE24],
] as const) {
  describe(`the bundle on ${label}`, () => {
    let workspace: string
    beforeAll(async () => {
      workspace = await mkdtemp(join(tmpdir(), 'shardwise-ws-'))
      await cp(join(REPO_ROOT, 'examples'), join(workspace, 'examples'), { recursive: true })
    })
    afterAll(async () => {
      await rm(workspace, { recursive: true, force: true })
    })

    it('runs `shardwise plan` from bin/ and prints a JSON plan', async () => {
      const { stdout } = await exec(node, [
        join(REPO_ROOT, 'bin/shardwise.js'),
        'plan',
        '--shards',
        '4',
        '--granularity',
        'auto',
        '--timings',
        DATASET,
      ])
      const plan = JSON.parse(stdout) as { shards: { items: string[] }[]; splitFiles: unknown[] }
      expect(plan.shards).toHaveLength(4)
      expect(plan.shards.flatMap((s) => s.items)).toHaveLength(1196)
      expect(plan.splitFiles.length).toBeGreaterThan(0)
    })

    it('exits 2 with the flag named for a bad value', async () => {
      const error = await exec(node, [
        join(REPO_ROOT, 'bin/shardwise.js'),
        'plan',
        '--shards',
        '0',
      ]).catch((e: unknown) => e)
      expect(error).toMatchObject({
        code: 2,
        stderr: expect.stringMatching(/`--shards` must be a whole number from 1 to 256/) as unknown,
      })
    })

    it('fails the step with a clear message when mode is missing or wrong', async () => {
      const missing = await runAction({ node, workspace, inputs: {} })
      expect(missing.code).toBe(1)
      expect(missing.stdout).toMatch(/::error::`mode` is required/)
      const wrong = await runAction({ node, workspace, inputs: { mode: 'deploy' } })
      expect(wrong.stdout).toMatch(
        /::error::`mode` must be one of `plan`, `run`, `combine`; got `deploy`/,
      )
    })
  })
}

describe('the README’s local demo', () => {
  let checkout: string
  beforeAll(async () => {
    // What a fresh clone has: npm puts only node_modules/.bin on PATH, never the package's own
    // bin, so the script must not count on a `shardwise` command.
    checkout = await mkdtemp(join(tmpdir(), 'shardwise-checkout-'))
    for (const entry of ['package.json', 'bin', 'dist', 'examples'])
      await cp(join(REPO_ROOT, entry), join(checkout, entry), { recursive: true })
  })
  afterAll(async () => {
    await rm(checkout, { recursive: true, force: true })
  })

  it('`npm run demo` runs the demo suite over three shards and passes', async () => {
    const { stderr } = await exec('npm', ['run', 'demo'], {
      cwd: checkout,
      env: { ...process.env, CI: 'true', SHARDWISE_DEMO_SPEED: '0.1' },
    })
    // The summary goes to stderr; stdout carries the runner's own output.
    expect(stderr).toMatch(/^tests: 25 passed, 0 failed/m)
    expect(stderr).toMatch(/^shard {2}status/m)
  })
})
