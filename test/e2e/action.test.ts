import { createHash } from 'node:crypto'
import { cp, mkdir, readFile, readdir, rm, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { REPO_ROOT } from '../support/action-runner.js'
import {
  runAction,
  startActionsRuntime,
  type ActionsRuntime,
  type SimulatedRun,
  type StepResult,
} from '../support/actions-runtime/environment.js'
import { buildZip } from '../support/actions-runtime/zip.js'
import { NODE24 } from '../support/node24.js'
import { makePlan, makeResult } from '../support/results.js'
import { planDigest } from '../../src/adapters/plan-file.js'

/**
 * The bundled action, spawned as the runner spawns it, against a local Actions runtime:
 * Azurite behind signed URLs, the Twirp artifact and cache services, and a GitHub REST server
 * that checks every request against GitHub's OpenAPI description. The suite under test is the
 * repository's example suite (node:test), run ten times faster. What the modes decide (inputs
 * refused, verdicts, outputs) is tested fast in test/integration/action-modes.test.ts; here,
 * that the bundle drives the real services.
 */

const TESTS = 'examples/demo/tests/**/*.test.js'
const TOOLKIT_STEPS = join(REPO_ROOT, 'test/support/actions-runtime/toolkit-steps.mjs')
const FAST = { SHARDWISE_DEMO_SPEED: '0.1' }

interface PlanJson {
  shards: { index: number; items: string[]; predictedSeconds: number }[]
}

function annotations(step: StepResult, level: 'error' | 'warning' | 'notice'): string[] {
  return step.annotations.filter((a) => a.level === level).map((a) => a.message)
}

for (const [label, node] of [
  ['Node 20', process.execPath],
  ['Node 24', NODE24],
] as const) {
  describe(`the action end to end on ${label}`, () => {
    let runtime: ActionsRuntime
    let workspace: string
    const timings: Record<string, number[]> = { plan: [], shard: [], combine: [] }
    const phases: Record<string, number[]> = {}

    beforeAll(async () => {
      runtime = await startActionsRuntime()
      workspace = runtime.newRun().workspace
      await mkdir(workspace, { recursive: true })
      await cp(join(REPO_ROOT, 'examples'), join(workspace, 'examples'), { recursive: true })
    })

    afterAll(async () => {
      await runtime.stop()
      const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1] ?? 0
      console.log(
        `[${label}] action step wall time, median ms — plan ${median(timings.plan ?? [])}, shard (run + upload) ${median(
          timings.shard ?? [],
        )}, combine ${median(timings.combine ?? [])}; phases: ${Object.entries(phases)
          .map(([name, xs]) => `${name} ${median(xs)}`)
          .join(', ')}`,
      )
    })

    async function step(
      run: SimulatedRun,
      job: string,
      inputs: Record<string, string>,
      env: Record<string, string> = {},
      omitInputs: string[] = [],
    ): Promise<StepResult> {
      const started = Date.now()
      const result = await runAction({
        job: await run.job(job),
        inputs,
        env: { ...FAST, ...env },
        node,
        omitInputs,
        timeoutMs: 120_000,
      })
      const kind = inputs.mode === 'run' ? 'shard' : (inputs.mode ?? 'plan')
      timings[kind]?.push(Date.now() - started)
      for (const match of result.stdout.matchAll(
        /^(timings cache looked up|plan artifact uploaded|plan artifact listed and downloaded|shard result uploaded)[^\n]* in (\d+) ms$/gm,
      )) {
        ;(phases[match[1] ?? ''] ??= []).push(Number(match[2]))
      }
      return result
    }

    async function plan(
      run: SimulatedRun,
      extra: Record<string, string> = {},
      omitInputs: string[] = [],
    ): Promise<{ step: StepResult; plan: PlanJson }> {
      const result = await step(
        run,
        'plan',
        { mode: 'plan', tests: TESTS, shards: '3', ...extra },
        {},
        omitInputs,
      )
      expect(result.code, result.stdout + result.stderr).toBe(0)
      const planFile = result.outputs['plan-file'] ?? ''
      return { step: result, plan: JSON.parse(await readFile(planFile, 'utf8')) as PlanJson }
    }

    async function shards(
      run: SimulatedRun,
      indices: number[],
      env: Record<string, string> = {},
    ): Promise<StepResult[]> {
      const out: StepResult[] = []
      for (const shard of indices) {
        out.push(
          await step(
            run,
            `shard-${shard}`,
            { mode: 'run', shard: String(shard), command: 'node --test' },
            env,
          ),
        )
      }
      return out
    }

    function combine(
      run: SimulatedRun,
      extra: Record<string, string> = {},
      omitInputs: string[] = [],
    ): Promise<StepResult> {
      return step(
        run,
        'combine',
        { mode: 'combine', 'save-timings': 'always', ...extra },
        {},
        omitInputs,
      )
    }

    it('run 1 plans without history, runs 3 shards, combines, saves timings and comments once', async () => {
      const run = runtime.newRun({ prNumber: 11 })
      const planned = await plan(run)
      expect(annotations(planned.step, 'notice').join('\n')).toMatch(
        /no timing history in the cache yet/,
      )
      expect(JSON.parse(planned.step.outputs.matrix ?? '')).toEqual({
        include: [1, 2, 3].map((shard) => ({ shard, shards: 3 })),
      })
      expect(planned.step.outputs['unknown-items']).toBe('9')

      const results = await shards(run, [1, 2, 3])
      for (const result of results) {
        expect(result.code, result.stdout + result.stderr).toBe(0)
        expect(result.outputs.status).toBe('passed')
      }
      expect(
        runtime.twirp
          .artifacts(run.backendId)
          .map((a) => a.name)
          .sort(),
      ).toEqual([
        'shardwise-plan-attempt-1',
        'shardwise-shard-1-attempt-1',
        'shardwise-shard-2-attempt-1',
        'shardwise-shard-3-attempt-1',
      ])

      const combined = await combine(run)
      expect(combined.code, combined.stdout + combined.stderr).toBe(0)
      expect(combined.outputs.result).toBe('passed')
      expect(combined.outputs.passed).toBe('25')
      expect(combined.outputs.comment).toBe('created')
      expect(combined.summary).toMatch(/Shardwise: tests passed/)
      expect(runtime.twirp.cacheEntries().length).toBe(1)
      const comments = runtime.github.comments(11)
      expect(comments).toHaveLength(1)
      expect(comments[0]?.body).toMatch(/tests passed/)
    })

    it('run 2 restores run 1’s timings, predicts the shards it then runs, and updates the same comment — with `cache` and `comment` missing from the step environment, so action.yml’s defaults (`true`) apply', async () => {
      const run = runtime.newRun({ prNumber: 11 })
      const planned = await plan(run, {}, ['cache'])
      expect(planned.step.outputs['unknown-items']).toBe('0')
      expect(planned.step.stdout).toMatch(/timings restored from cache key shardwise-timings-v1-/)
      const results = await shards(run, [1, 2, 3])
      expect(results.every((r) => r.code === 0)).toBe(true)
      const combined = await combine(run, {}, ['comment'])
      expect(combined.outputs.comment).toBe('updated')
      expect(runtime.github.comments(11)).toHaveLength(1)
      // Predicted from run 1 (start-up and file costs learned) versus each shard's wall time
      // now: the same split, within the noise of two one-second runs on a busy machine (the
      // accuracy itself is measured by `npm run bench`, on quiet runs).
      const report = JSON.parse(await readFile(combined.outputs['report-file'] ?? '', 'utf8')) as {
        shards: { index: number; wallSeconds: number }[]
      }
      for (const shard of planned.plan.shards) {
        const actual = report.shards.find((s) => s.index === shard.index)?.wallSeconds ?? 0
        expect(Math.abs(actual - shard.predictedSeconds)).toBeLessThanOrEqual(
          Math.max(1, shard.predictedSeconds * 0.5),
        )
      }
    })

    it('re-runs a failed shard as attempt 2 with the same plan, and combine takes the newest attempt', async () => {
      const run = runtime.newRun({ prNumber: 12 })
      const planned = await plan(run)
      const broken =
        planned.plan.shards.find((s) => s.items.includes('examples/demo/tests/ui/button.test.js'))
          ?.index ?? 0
      const first = await shards(
        run,
        [1, 2, 3].filter((i) => i !== broken),
      )
      expect(first.every((r) => r.code === 0)).toBe(true)
      const failing = await shards(run, [broken], { SHARDWISE_DEMO_BROKEN: '1' })
      expect(failing[0]?.code).toBe(1)
      expect(failing[0]?.outputs.failed).toBe('1')
      const failedCombine = await combine(run)
      expect(failedCombine.code).toBe(1)
      expect(failedCombine.outputs.result).toBe('failed')
      expect(annotations(failedCombine, 'error').join('\n')).toMatch(/keeps its focus ring/)

      // "Re-run failed jobs": the plan job is not re-run; the shard reads attempt 1's plan.
      const again = run.rerun()
      const rerun = await shards(again, [broken])
      expect(rerun[0]?.code, rerun[0]?.stdout).toBe(0)
      const combined = await combine(again)
      expect(combined.code, combined.stdout).toBe(0)
      expect(combined.summary).toMatch(
        new RegExp(
          `\\| ${broken} \\| ✅ passed \\| \\d+ \\| 0 \\| 0 \\| [^|]+ \\| [^|]+ \\| 2 \\|`,
        ),
      )
    })

    it('fails the run when a shard never reported, and names it; warns that `command` does nothing in combine (J4)', async () => {
      const run = runtime.newRun({ prNumber: 13 })
      await plan(run)
      await shards(run, [1, 3])
      // `command` is an input of plan and run: combine never runs the project's code.
      const combined = await combine(run, { 'save-timings': 'never', command: 'node --test' })
      expect(annotations(combined, 'warning')).toContain(
        '`command` has no effect in `mode: combine` (only `plan` and `run` read it); remove it from this step',
      )
      expect(combined.code).toBe(1)
      expect(combined.outputs.result).toBe('failed')
      expect(combined.summary).toMatch(/shard 2 reported no result/)
      expect(annotations(combined, 'error').join('\n')).toMatch(/shard 2 reported no result/)
    })

    it('finds its own comment behind 350 others and a spoofed marker, and updates only it', async () => {
      const marker = `<!-- shardwise:${createHash('sha256').update('CI\ncombine\nshardwise').digest('hex').slice(0, 16)} -->`
      const human = { login: 'mallory', id: 666, type: 'User' as const }
      runtime.github.seedComments(21, 350, {
        user: human,
        body: (i) => (i === 200 ? `${marker}\nfake report` : `comment ${i}`),
      })
      const first = runtime.newRun({ prNumber: 21 })
      await plan(first)
      await shards(first, [1, 2, 3])
      expect((await combine(first, { 'save-timings': 'never' })).outputs.comment).toBe('created')
      const second = runtime.newRun({ prNumber: 21 })
      await plan(second)
      await shards(second, [1, 2, 3])
      expect((await combine(second, { 'save-timings': 'never' })).outputs.comment).toBe('updated')
      const comments = runtime.github.comments(21)
      const ours = comments.filter((c) => c.user.type === 'Bot')
      expect(ours).toHaveLength(1)
      expect(ours[0]?.body).toContain(marker)
      expect(ours[0]?.body).toContain(`shardwise-run:${second.id}:1`)
      expect(
        comments.find((c) => c.user.login === 'mallory' && c.body.includes(marker))?.body,
      ).toBe(`${marker}\nfake report`)
    })

    it('reports to the summary with a notice on a fork pull request (read-only token)', async () => {
      const run = runtime.newRun({ prNumber: 14, fork: true })
      await plan(run)
      await shards(run, [1, 2, 3])
      const combined = await combine(run)
      expect(combined.code).toBe(0)
      expect(combined.outputs.comment).toBe('failed')
      expect(annotations(combined, 'notice').join('\n')).toMatch(
        /cannot comment on this pull request/,
      )
      expect(combined.summary).toMatch(/tests passed/)
      expect(runtime.github.comments(14)).toHaveLength(0)
    })

    it('tells a cache outage from a cache with no history (C6): the service or the blob store failing is a warning that says so, never “no timing history yet”', async () => {
      const run = runtime.newRun({ prNumber: 15, branch: 'cache-outage', baseBranch: 'nowhere' })
      try {
        // The cache service answers with an error.
        runtime.twirp.fail('GetCacheEntryDownloadURL', {
          status: 400,
          code: 'invalid_argument',
          msg: 'cache down',
          times: 10,
        })
        const { step: serviceDown } = await plan(run)
        expect(serviceDown.outputs['unknown-items']).toBe('9')
        expect(annotations(serviceDown, 'notice').join('\n')).not.toMatch(/no timing history/)
        const serviceWarnings = annotations(serviceDown, 'warning')
        expect(serviceWarnings).toHaveLength(1)
        expect(serviceWarnings[0]).toMatch(
          /^restoring the timing history from the Actions cache failed \(Failed to restore: .*cache down.*\); planning by estimate: this is a cache failure, not a missing history$/,
        )
        runtime.twirp.clearFaults()

        // The service finds an entry, but its blob cannot be downloaded.
        runtime.twirp.fail('GetCacheEntryDownloadURL', {
          status: 200,
          body: {
            ok: true,
            signed_download_url: `${runtime.twirp.url}no-such-blob`,
            matched_key: 'shardwise-timings-v1-0000000000000000-1-1',
          },
          times: 10,
        })
        const { step: blobDown } = await plan(runtime.newRun({ prNumber: 15 }))
        expect(blobDown.outputs['unknown-items']).toBe('9')
        expect(annotations(blobDown, 'notice').join('\n')).not.toMatch(/no timing history/)
        expect(annotations(blobDown, 'warning')).toEqual([
          expect.stringMatching(
            /^restoring the timing history from the Actions cache failed \(Failed to restore: /,
          ),
        ])
      } finally {
        runtime.twirp.clearFaults()
      }
    })

    it('uploads the full JSON report as an artifact, links it (I12) from the summary, the comment and the warning, and it holds every failure the tables cut; a refused upload costs the link, not the verdict', async () => {
      const run = runtime.newRun({ prNumber: 22 })
      const items = Array.from(
        { length: 60 },
        (_, i) => `tests/t${String(i).padStart(2, '0')}.test.js`,
      )
      const planned = makePlan([items])
      const result = makeResult(
        planned,
        planDigest(planned),
        1,
        Object.fromEntries(items.map((id) => [id, { verdict: 'failed' as const }])),
      )
      runtime.twirp.forgeArtifact(run.backendId, {
        name: 'shardwise-plan-attempt-1',
        body: buildZip([{ name: 'plan.json', data: Buffer.from(JSON.stringify(planned)) }]),
      })
      runtime.twirp.forgeArtifact(run.backendId, {
        name: 'shardwise-shard-1-attempt-1',
        body: buildZip([{ name: 'shard-result.json', data: Buffer.from(JSON.stringify(result)) }]),
      })
      const combined = await combine(run, { 'save-timings': 'never' })
      expect(combined.code).toBe(1)
      expect(combined.outputs.failed).toBe('60')
      const url = combined.outputs['report-url'] ?? ''
      const artifact = runtime.twirp
        .artifacts(run.backendId)
        .find((a) => a.name === 'shardwise-report-attempt-1')
      expect(combined.outputs['report-artifact']).toBe('shardwise-report-attempt-1')
      expect(url).toBe(
        `https://github.com/acme/widgets/actions/runs/${run.id}/artifacts/${artifact?.id ?? 'none'}`,
      )
      const link = `[\`shardwise-report-attempt-1\`](${url})`
      expect(combined.summary).toMatch(
        /…and 10 more \(see the full JSON report linked at the end\)\./,
      )
      expect(combined.summary).toContain(link)
      expect(runtime.github.comments(22)[0]?.body).toContain(link)
      expect(annotations(combined, 'warning')).toContain(
        `50 more failed tests are not annotated; all 60 are in the full JSON report, artifact shardwise-report-attempt-1 (${url})`,
      )
      // What a person downloading it gets: every failure, not the 50 the tables show.
      const download = join(workspace, '..', 'report-download')
      const fetched = await runAction({
        job: await run.job('reader'),
        entry: TOOLKIT_STEPS,
        actionYml: false,
        inputs: {
          steps: JSON.stringify([{ op: 'artifact.download', id: artifact?.id, path: download }]),
        },
        node,
      })
      expect(fetched.code, fetched.stdout + fetched.stderr).toBe(0)
      const report = JSON.parse(await readFile(join(download, 'report.json'), 'utf8')) as {
        failed: { id: string }[]
      }
      expect(report.failed.map((f) => f.id).sort()).toEqual(items)
      await rm(download, { recursive: true, force: true })

      // An artifact service that refuses the upload costs the link, never the verdict.
      const again = run.rerun()
      runtime.twirp.fail('CreateArtifact', { status: 403, msg: 'no more artifacts', times: 1 })
      try {
        const refused = await combine(again, { 'save-timings': 'never' })
        expect(refused.code).toBe(1)
        expect(refused.outputs.failed).toBe('60')
        expect(refused.outputs['report-artifact']).toBe('')
        expect(refused.outputs['report-url']).toBe('')
        expect(refused.summary).toMatch(
          /The full JSON report could not be uploaded as an artifact \(/,
        )
        expect(annotations(refused, 'warning').join('\n')).toMatch(
          /the full JSON report could not be uploaded as shardwise-report-attempt-2: .*no more artifacts/,
        )
      } finally {
        runtime.twirp.clearFaults()
      }
    })

    it('fails a shard step clearly when its artifact name is already taken (409)', async () => {
      const run = runtime.newRun({ prNumber: 16 })
      await plan(run)
      const [first] = await shards(run, [1])
      expect(first?.code).toBe(0)
      const [second] = await shards(run, [1])
      expect(second?.code).toBe(1)
      expect(annotations(second!, 'error').join('\n')).toMatch(/already exists|409|Conflict/i)
    })

    it('keeps a zip-slip artifact inside its own directory and ignores what is not a shard result', async () => {
      const run = runtime.newRun({ prNumber: 17 })
      await plan(run)
      await shards(run, [1, 3])
      const outside = join(workspace, '..', 'zip-slip-escaped.txt')
      await rm(outside, { force: true })
      runtime.twirp.forgeArtifact(run.backendId, {
        name: 'shardwise-shard-2-attempt-1',
        body: buildZip([
          { name: '../../zip-slip-escaped.txt', data: Buffer.from('pwned') },
          { name: '../../../../../../tmp/zip-slip-abs.txt', data: Buffer.from('pwned') },
        ]),
      })
      const combined = await combine(run, { 'save-timings': 'never' })
      expect(combined.code).toBe(1)
      expect(combined.summary).toMatch(/shard 2 reported no result/)
      await expect(readFile(outside)).rejects.toThrow()
      const tmpEntries = await readdir('/tmp')
      expect(tmpEntries).not.toContain('zip-slip-abs.txt')
    })

    it('fails with a clear message on GitHub Enterprise Server, where artifacts v4 do not exist', async () => {
      const ghes = await startActionsRuntime({ serverUrl: 'https://ghe.example.com' })
      try {
        const run = ghes.newRun({ prNumber: 18 })
        await mkdir(run.workspace, { recursive: true })
        await cp(join(REPO_ROOT, 'examples'), join(run.workspace, 'examples'), { recursive: true })
        const result = await runAction({
          job: await run.job('plan'),
          inputs: { mode: 'plan', tests: TESTS },
          node,
        })
        expect(result.code).toBe(1)
        expect(annotations(result, 'error').join('\n')).toMatch(/GHES|Enterprise/i)
      } finally {
        await ghes.stop()
      }
    })

    it('never lets the test process see the runtime credentials', async () => {
      const dump = join(workspace, 'env-dump.json')
      const extra = join(workspace, 'examples/demo/tests/env.test.js')
      await writeFile(
        extra,
        `import { test } from 'node:test'\nimport { writeFileSync } from 'node:fs'\ntest('dumps', () => writeFileSync(${JSON.stringify(dump)}, JSON.stringify(Object.keys(process.env))))\n`,
      )
      try {
        const run = runtime.newRun({ prNumber: 20 })
        const planned = await plan(run, { shards: '1' })
        expect(planned.plan.shards[0]?.items).toContain('examples/demo/tests/env.test.js')
        const [result] = await shards(run, [1])
        expect(result?.code, result?.stdout).toBe(0)
        const keys = JSON.parse(await readFile(dump, 'utf8')) as string[]
        for (const secret of [
          'ACTIONS_RUNTIME_TOKEN',
          'ACTIONS_RESULTS_URL',
          'ACTIONS_CACHE_URL',
          'ACTIONS_CACHE_SERVICE_V2',
          'GITHUB_TOKEN',
        ]) {
          expect(keys).not.toContain(secret)
        }
        expect(
          keys.some((k) => k.startsWith('INPUT_') || k.startsWith('ACTIONS_ID_TOKEN_REQUEST_')),
        ).toBe(false)
        expect(keys).toContain('SHARDWISE_SHARD')
        expect(keys).toContain('GITHUB_WORKSPACE')
      } finally {
        await rm(extra, { force: true })
        await rm(dump, { force: true })
      }
    })
  })
}
