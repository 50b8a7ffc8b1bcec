import { cp, mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Plan } from '../../src/core/plan.js'
import { planDigest } from '../../src/adapters/plan-file.js'
import { runMode } from '../../src/modes/run.js'
import { makePlan } from '../support/results.js'

describe('progress of a running shard', () => {
  let repo: string
  beforeAll(async () => {
    repo = await mkdtemp(join(tmpdir(), 'shardwise-progress-'))
    await cp(resolve(import.meta.dirname, '../../examples'), join(repo, 'examples'), {
      recursive: true,
    })
  })
  afterAll(async () => {
    await rm(repo, { recursive: true, force: true })
  })

  it('reports tests done, time spent and time left while node:test runs', async () => {
    const plan: Plan = {
      ...makePlan([
        ['examples/demo/tests/db/migrations.test.js', 'examples/demo/tests/db/queries.test.js'],
      ]),
    }
    const lines: string[] = []
    const outcome = await runMode(
      {
        plan,
        planDigest: planDigest(plan),
        shardIndex: 1,
        command: [process.execPath, '--test'],
        runner: 'auto',
        retries: 0,
        repeat: 1,
        failOnFlaky: false,
        timeoutSeconds: undefined,
        resultsDir: join(repo, 'result'),
        junitGlobs: [],
        coverageGlobs: [],
        root: repo,
        attempt: 1,
        env: process.env,
      },
      {
        log: { info: () => undefined, warning: () => undefined, notice: () => undefined },
        stdout: () => undefined,
        stderr: () => undefined,
        progress: (text) => lines.push(text),
        progressIntervalMs: 250,
        now: () => new Date(),
      },
    )
    expect(outcome.result.counts.passed).toBe(5)
    expect(lines.length).toBeGreaterThan(0)
    expect(lines.join('\n')).toMatch(/shard 1\/1: (\d+ tests done, )?2 items, \d+ s elapsed/)
    expect(lines.some((line) => /[1-9]\d* tests done/.test(line))).toBe(true)
  })
})
