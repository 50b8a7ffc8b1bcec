import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { actionInputs } from '../../src/adapters/action-io.js'
import { runAction } from '../../src/action/main.js'
import {
  memoryArtifacts,
  memoryCache,
  memoryComments,
  recordingIO,
  type MemoryArtifacts,
  type MemoryCache,
  type RecordingIO,
} from '../support/action-fakes.js'

/**
 * The action's three modes, as the entry runs them, against in-memory artifacts, cache and
 * comments: what each mode decides and reports. The suite is the repository's example suite
 * (node:test), run ten times faster; the bundled action on a simulated runtime is test/e2e's.
 */

const REPO_ROOT = resolve(import.meta.dirname, '../..')
const TESTS = 'examples/demo/tests/**/*.test.js'
/** The runner fills `github-token` in from `${{ github.token }}`; Shardwise itself has none. */
const TOKEN = 'ghs_token_of_the_run'

interface PlanJson {
  shards: { index: number; items: string[] }[]
}

/** One workflow run: its artifacts, and the steps of its jobs as the runner starts them. */
interface Run {
  readonly id: number
  readonly artifacts: MemoryArtifacts
  step(inputs: Record<string, string>, env?: NodeJS.ProcessEnv): Promise<RecordingIO>
  names(): string[]
}

let base: string
let workspace: string
let cache: MemoryCache
let comments: ReturnType<typeof memoryComments>
let runs = 0

beforeAll(async () => {
  base = await mkdtemp(join(tmpdir(), 'shardwise-action-modes-'))
  workspace = join(base, 'workspace')
  await mkdir(workspace, { recursive: true })
  await cp(join(REPO_ROOT, 'examples/demo'), join(workspace, 'examples/demo'), { recursive: true })
  cache = memoryCache(workspace)
  comments = memoryComments()
})

afterAll(async () => {
  await rm(base, { recursive: true, force: true })
})

async function newRun(
  options: {
    pr?: number
    event?: string
    artifacts?: MemoryArtifacts
    attempt?: number
    id?: number
  } = {},
): Promise<Run> {
  const id = options.id ?? ++runs
  const attempt = options.attempt ?? 1
  const artifacts = options.artifacts ?? memoryArtifacts()
  const temp = join(base, `run-${id}-${attempt}`)
  await mkdir(temp, { recursive: true })
  const eventPath = join(temp, 'event.json')
  await writeFile(
    eventPath,
    JSON.stringify(options.pr === undefined ? {} : { pull_request: { number: options.pr } }),
  )
  const env = {
    PATH: process.env.PATH ?? '',
    GITHUB_WORKSPACE: workspace,
    RUNNER_TEMP: temp,
    GITHUB_RUN_ID: String(id),
    GITHUB_RUN_ATTEMPT: String(attempt),
    GITHUB_EVENT_NAME: options.event ?? 'pull_request',
    GITHUB_EVENT_PATH: eventPath,
    GITHUB_REPOSITORY: 'acme/widgets',
    GITHUB_WORKFLOW: 'CI',
    GITHUB_JOB: 'shardwise',
    SHARDWISE_DEMO_SPEED: '0.1',
  }
  const run: Run = {
    id,
    artifacts,
    async step(inputs, extra = {}) {
      const io = recordingIO(inputs, { ...env, ...extra })
      await runAction(io, actionInputs(), (stepIo) => ({
        io: stepIo,
        artifacts,
        cache,
        comment: comments.post,
      }))
      return io
    },
    names: () => artifacts.uploaded().map((a) => a.name),
  }
  return run
}

/** "Re-run failed jobs": the same run and artifacts, attempt 2. */
function rerunOf(run: Run, pr: number): Promise<Run> {
  return newRun({ artifacts: run.artifacts, attempt: 2, id: run.id, pr })
}

async function plan(run: Run, extra: Record<string, string> = {}) {
  const io = await run.step({ mode: 'plan', tests: TESTS, shards: '3', ...extra })
  expect(io.failures).toEqual([])
  const planned = JSON.parse(await readFile(io.outputs['plan-file'] ?? '', 'utf8')) as PlanJson
  return { io, plan: planned }
}

async function shards(run: Run, indices: number[], env: NodeJS.ProcessEnv = {}) {
  const steps: RecordingIO[] = []
  for (const shard of indices)
    steps.push(await run.step({ mode: 'run', shard: String(shard), command: 'node --test' }, env))
  return steps
}

describe('the action modes against in-memory artifacts, cache and comments', () => {
  it('plans without history, runs three shards and combines (matrix, one result artifact per shard, verdict, summary, one comment, timings saved); a second run plans from that history, carries it in the plan artifact and updates the comment', async () => {
    const run = await newRun({ pr: 11 })
    const planned = await plan(run, { 'save-timings': 'always' })
    expect(JSON.parse(planned.io.outputs.matrix ?? '')).toEqual({
      include: [1, 2, 3].map((shard) => ({ shard, shards: 3 })),
    })
    expect(planned.io.outputs['shard-count']).toBe('3')
    expect(planned.io.outputs['unknown-items']).toBe('9')
    expect(planned.plan.shards.flatMap((s) => s.items)).toHaveLength(9)
    const planArtifact = run.artifacts.uploaded()[0]
    expect(planArtifact?.name).toBe('shardwise-plan-attempt-1')
    expect(Object.keys(planArtifact?.files ?? {})).toEqual(['plan.json'])
    expect(planArtifact?.files['plan.json']).toBe(
      await readFile(planned.io.outputs['plan-file'] ?? '', 'utf8'),
    )
    // `save-timings` is combine's: the plan step says it does nothing here.
    expect(planned.io.warnings).toContain(
      '`save-timings` has no effect in `mode: plan` (only `combine` read it); remove it from this step',
    )

    for (const step of await shards(run, [1, 2, 3])) {
      expect(step.failures).toEqual([])
      expect(step.outputs.status).toBe('passed')
      expect(Number(step.outputs.passed)).toBeGreaterThan(0)
    }
    const results = run.artifacts.uploaded().slice(1)
    expect(results.map((a) => a.name)).toEqual(
      [1, 2, 3].map((i) => `shardwise-shard-${i}-attempt-1`),
    )
    for (const result of results) expect(Object.keys(result.files)).toContain('shard-result.json')

    const combined = await run.step({
      mode: 'combine',
      'save-timings': 'always',
      'github-token': TOKEN,
    })
    expect(combined.failures).toEqual([])
    expect(combined.outputs.result).toBe('passed')
    expect(combined.outputs.passed).toBe('25')
    expect(combined.outputs.failed).toBe('0')
    expect(combined.outputs.comment).toBe('created')
    expect(combined.outputs['report-artifact']).toBe('shardwise-report-attempt-1')
    expect(JSON.parse(run.artifacts.uploaded().at(-1)?.files['report.json'] ?? '{}')).toMatchObject(
      { verdict: 'passed' },
    )
    expect(combined.summaries).toHaveLength(1)
    expect(combined.summaries[0]).toMatch(/Shardwise: tests passed/)
    expect(combined.summaries[0]).toContain('`shardwise-report-attempt-1`')
    expect(cache.keys()).toHaveLength(1)
    const posted = comments.posted().filter((c) => c.issue === 11)
    expect(posted).toHaveLength(1)
    expect(posted[0]?.body).toBe(combined.summaries[0])

    // A second run of the same pull request plans from the history the first one saved.
    const second = await newRun({ pr: 11 })
    const replanned = await plan(second)
    expect(replanned.io.outputs['unknown-items']).toBe('0')
    expect(Object.keys(second.artifacts.uploaded()[0]?.files ?? {}).sort()).toEqual([
      'plan.json',
      'timings.json',
    ])
    await shards(second, [1, 2, 3])
    const recombined = await second.step({ mode: 'combine', 'github-token': TOKEN })
    expect(recombined.outputs.result).toBe('passed')
    expect(recombined.outputs.comment).toBe('updated')
    expect(comments.posted().filter((c) => c.issue === 11)).toHaveLength(1)
    // A pull request's timings are not everyone's history.
    expect(cache.keys()).toHaveLength(1)
    expect(recombined.notices.join('\n')).toMatch(
      /timings from a `pull_request` run are not saved to the shared history/,
    )
  })

  it('a failing shard fails its step with its counts; combine fails and annotates the test; re-run as attempt 2, the shard reads the same plan and combine takes the newest attempt', async () => {
    const run = await newRun({ pr: 12 })
    const planned = await plan(run)
    const broken =
      planned.plan.shards.find((s) => s.items.includes('examples/demo/tests/ui/button.test.js'))
        ?.index ?? 0
    await shards(
      run,
      [1, 2, 3].filter((i) => i !== broken),
    )
    const [failing] = await shards(run, [broken], { SHARDWISE_DEMO_BROKEN: '1' })
    expect(failing?.outputs.status).toBe('failed')
    expect(failing?.outputs.failed).toBe('1')
    expect(failing?.failures).toEqual([
      expect.stringMatching(new RegExp(`^shard ${broken}: failed — 1 failed, 0 without a result`)),
    ])
    const failed = await run.step({ mode: 'combine' })
    expect(failed.outputs.result).toBe('failed')
    expect(failed.failures).toEqual([expect.stringMatching(/^tests failed: 1 failed/)])
    expect(failed.errors.map((e) => e.message).join('\n')).toMatch(/keeps its focus ring/)

    const again = await rerunOf(run, 12)
    const [rerun] = await shards(again, [broken])
    expect(rerun?.failures).toEqual([])
    expect(again.names()).toContain(`shardwise-shard-${broken}-attempt-2`)
    const combined = await again.step({ mode: 'combine' })
    expect(combined.failures).toEqual([])
    expect(combined.outputs.result).toBe('passed')
  })

  it('fails the run when a shard never reported, naming it in the summary and an annotation; warns that `command` does nothing in combine (J4)', async () => {
    const run = await newRun({ pr: 13 })
    await plan(run)
    await shards(run, [1, 3])
    const combined = await run.step({ mode: 'combine', command: 'node --test' })
    expect(combined.warnings).toContain(
      '`command` has no effect in `mode: combine` (only `plan` and `run` read it); remove it from this step',
    )
    expect(combined.outputs.result).toBe('failed')
    expect(combined.summaries[0]).toMatch(/shard 2 reported no result/)
    expect(combined.errors.map((e) => e.message).join('\n')).toMatch(/shard 2 reported no result/)
    expect(combined.failures).toHaveLength(1)
  })

  it('the serial fallback has nothing to run after shards that all passed: status skipped, no artifact', async () => {
    const run = await newRun({ pr: 14 })
    await plan(run)
    await shards(run, [1, 2, 3])
    const fallback = await run.step({ mode: 'run', shard: 'fallback', command: 'node --test' })
    expect(fallback.failures).toEqual([])
    expect(fallback.outputs).toEqual({ status: 'skipped', passed: '0', failed: '0', flaky: '0' })
    expect(fallback.notices).toContain('serial fallback: every shard passed; nothing to run again')
    expect(run.names()).not.toContain('shardwise-fallback-attempt-1')
  })

  it('the serial fallback runs a missing shard’s tests in one process and uploads them as the fallback result, which combine folds in', async () => {
    const run = await newRun({ pr: 15 })
    await plan(run)
    await shards(run, [1, 3])
    const fallback = await run.step({ mode: 'run', shard: 'fallback', command: 'node --test' })
    expect(fallback.failures).toEqual([])
    expect(fallback.outputs.status).toBe('passed')
    expect(run.names()).toContain('shardwise-fallback-attempt-1')
    const combined = await run.step({ mode: 'combine' })
    // The missing shard's tests ran and passed in the fallback: nothing is unaccounted.
    expect(combined.outputs.result).toBe('passed')
    expect(combined.failures).toEqual([])
    expect(combined.summaries[0]).toMatch(/Serial fallback ran \d+ items again in one process/)
    // No token (the runner had none to give): the report stays in the job summary.
    expect(combined.outputs.comment).toBe('none')
    expect(combined.notices).toContain('no `github-token`: the report is in the job summary only')
  })

  it('a refused report upload costs the link, not the verdict', async () => {
    const run = await newRun({ pr: 16 })
    await plan(run)
    await shards(run, [1, 2, 3])
    run.artifacts.refuse('shardwise-report-attempt-1')
    const combined = await run.step({ mode: 'combine' })
    expect(combined.outputs.result).toBe('passed')
    expect(combined.failures).toEqual([])
    expect(combined.outputs['report-artifact']).toBe('')
    expect(combined.outputs['report-url']).toBe('')
    expect(combined.summaries[0]).toMatch(
      /The full JSON report could not be uploaded as an artifact \(/,
    )
    expect(combined.warnings.join('\n')).toMatch(
      /the full JSON report could not be uploaded as shardwise-report-attempt-1: .*refused/,
    )
  })

  it('a shard whose result artifact already exists fails its step with the service’s reason', async () => {
    const run = await newRun({ pr: 17 })
    await plan(run)
    await shards(run, [1])
    const [second] = await shards(run, [1])
    expect(second?.failures.join('\n')).toMatch(/already exists \(409 Conflict\)/)
  })

  it.each([
    [
      'a shard number beyond the plan',
      { mode: 'run', shard: '4', command: 'node --test' },
      '`shard` must be a whole number from 1 to 3 (the plan has 3 shards); got `4`.',
    ],
    [
      'a shard that is not a number',
      { mode: 'run', shard: 'first', command: 'node --test' },
      '`shard` must be I or I/N with 1 ≤ I ≤ N ≤ 256, or `fallback`; got `first`.',
    ],
    [
      'no shard',
      { mode: 'run', command: 'node --test' },
      '`shard` is required in `mode: run`: the 1-based shard number, or `fallback`.',
    ],
    [
      '`max-shards` without `shards: auto`',
      { mode: 'plan', tests: TESTS, 'max-shards': '8' },
      '`target-seconds` and `max-shards` go with `shards: auto`.',
    ],
    [
      '`shards: auto` without a target',
      { mode: 'plan', tests: TESTS, shards: 'auto' },
      '`shards: auto` needs `target-seconds: <S>`: the wall time each shard should reach.',
    ],
    [
      'a flaky threshold above 1',
      { mode: 'combine', 'flaky-threshold': '2' },
      '`flaky-threshold` must be a number from 0 to 1; got `2`.',
    ],
    [
      'a coverage threshold above 100',
      { mode: 'combine', 'coverage-threshold': '101' },
      '`coverage-threshold` must be a percentage from 0 to 100; got `101`.',
    ],
    [
      'a switch that is neither true nor false',
      { mode: 'plan', tests: TESTS, cache: 'yes' },
      '`cache` must be `true` or `false`; got `yes`.',
    ],
  ])('refuses %s, naming the input', async (_, inputs, message) => {
    const run = await newRun({ pr: 18 })
    if (inputs.mode !== 'plan') await plan(run)
    const step = await run.step(inputs)
    expect(step.failures).toEqual([message])
  })

  it('refuses privileged triggers unless allowed', async () => {
    const refused = await newRun({ pr: 19, event: 'pull_request_target' })
    const step = await refused.step({ mode: 'plan', tests: TESTS })
    expect(step.failures).toEqual([
      expect.stringMatching(/^refusing to run on `pull_request_target`/),
    ])
    const allowed = await newRun({ pr: 19, event: 'pull_request_target' })
    await plan(allowed, { 'allow-privileged-trigger': 'true' })
  })
})
