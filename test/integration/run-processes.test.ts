import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { runCli } from '../support/cli.js'
import { isGone } from '../support/cli-process.js'
import { readResult, writePlan } from '../support/results.js'

/**
 * G11: the test command is over when it exits. Processes it leaves in the background keep
 * its output open; they get a short grace, are stopped, and change nothing about the result.
 */

let dir: string
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'shardwise-processes-'))
})
afterAll(async () => {
  await rm(dir, { recursive: true, force: true })
})

async function shard(
  name: string,
  script: string,
  flags: readonly string[] = [],
): Promise<{ code: number; stderr: string; root: string }> {
  const root = await mkdtemp(join(dir, `${name}-`))
  await writeFile(join(root, 'a.test.js'), '')
  const plan = join(root, 'plan.json')
  await writePlan(plan, [['a.test.js']])
  const result = await runCli(
    [
      'run',
      '--plan',
      plan,
      '--shard',
      '1',
      '--results-dir',
      join(root, 'result'),
      ...flags,
      '--',
      'sh',
      '-c',
      script,
    ],
    { cwd: root, env: { PATH: process.env.PATH ?? '' } },
  )
  return { ...result, root }
}

async function pidIn(root: string, name: string): Promise<number> {
  return Number((await readFile(join(root, name), 'utf8')).trim())
}

describe('G11 processes that outlive the test command', () => {
  it(
    'ends the run soon after the command exits, keeps its pass and stops what it left running',
    { timeout: 30_000 },
    async () => {
      const run = await shard(
        'background',
        'sleep 1000 & echo $! > sleep.pid; sleep infinity & echo $! > forever.pid; exit 0',
      )
      expect(run.code, run.stderr).toBe(0)
      const result = await readResult(join(run.root, 'result', 'shard-result.json'))
      expect(result).toMatchObject({ status: 'passed', complete: true, exitCode: 0 })
      expect(run.stderr).toMatch(
        /`sh` exited but left processes holding its output; they were stopped/,
      )
      expect(isGone(await pidIn(run.root, 'sleep.pid'))).toBe(true)
      expect(isGone(await pidIn(run.root, 'forever.pid'))).toBe(true)
    },
  )

  it(
    'does not call a shard that passed incomplete when its leftovers outlast --timeout',
    { timeout: 30_000 },
    async () => {
      const run = await shard('timeout', 'sleep 1000 & exit 0', ['--timeout', '4'])
      expect(run.code, run.stderr).toBe(0)
      const result = await readResult(join(run.root, 'result', 'shard-result.json'))
      expect(result).toMatchObject({ status: 'passed', complete: true })
      expect(run.stderr).not.toMatch(/timed out/)
    },
  )

  it(
    'keeps the failure of a command that fails and leaves a process behind',
    { timeout: 30_000 },
    async () => {
      const run = await shard('failing', 'sleep 1000 & exit 3')
      expect(run.code).toBe(1)
      const result = await readResult(join(run.root, 'result', 'shard-result.json'))
      expect(result).toMatchObject({ status: 'failed', complete: true, exitCode: 3 })
    },
  )

  it('runs a shard to its end under the longest --timeout a timer holds, and refuses a longer one', async () => {
    const longest = await shard('longest', 'exit 0', ['--timeout', '2147483'])
    expect(longest.code, longest.stderr).toBe(0)
    const result = await readResult(join(longest.root, 'result', 'shard-result.json'))
    expect(result).toMatchObject({ status: 'passed', complete: true })

    const longer = await shard('longer', 'exit 0', ['--timeout', '2147484'])
    expect(longer.code).toBe(2)
    expect(longer.stderr).toMatch(
      /`--timeout` must be a number of seconds from 0 to 2147483 \(about 24 days\); got `2147484`/,
    )
  })
})
