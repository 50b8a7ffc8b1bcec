import { execFile } from 'node:child_process'
import { cp, mkdir, mkdtemp, readFile, realpath, rm, symlink, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { delimiter, dirname, join } from 'node:path'
import { promisify } from 'node:util'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { fileOfId } from '../../src/core/ids.js'
import { markdownYamlBlocks, usesOf, workflow, type Workflow } from '../policy/rules.js'
import { REPO_ROOT } from '../support/action-runner.js'
import {
  startActionsRuntime,
  type ActionsRuntime,
  type StepResult,
} from '../support/actions-runtime/environment.js'
import {
  runWorkflow,
  type JobRecord,
  type WorkflowRunResult,
} from '../support/actions-runtime/workflow.js'
import { NODE24 } from '../support/node24.js'

/**
 * The reusable workflow exactly as the README calls it, job by job in the layout GitHub gives
 * it: every job starts from an empty workspace, checks the project out (a git clone of a
 * fixture repository) and Shardwise (this repository's tracked files and dist/) where
 * shard.yml says, runs shard.yml's own steps — setup in bash, the action with the Node its
 * action.yml names — with the step environment the runner gives, and combine sees an empty
 * workspace but for Shardwise. Only the README block's `command` changes, for Vitest.
 */

const exec = promisify(execFile)

/** Fixture files the integration tests need and this test does not (it runs every file). */
const LEFT_OUT = [
  'arrays.test.js',
  'env.test.js',
  'load.test.js',
  'retry.test.js',
  'strings.test.js',
  "single'quote.test.js",
  'double"quote.test.js',
  '`touch PWNED`.test.js',
  '-rf.test.js',
]

interface PlanJson {
  shards: { index: number; items: string[] }[]
}
interface ReportJson {
  verdict: string
  tests: { id: string; verdict: string }[]
}

/** The `with:` of the README's call of shard.yml, as YAML types it. */
async function readmeCall(): Promise<Record<string, unknown>> {
  const readme = await readFile(join(REPO_ROOT, 'README.md'), 'utf8')
  const calls = markdownYamlBlocks('README.md', readme).flatMap((block) =>
    usesOf(block.doc, /\/\.github\/workflows\/shard\.yml@/),
  )
  expect(calls).toHaveLength(1)
  return { ...(calls[0]?.with as Record<string, unknown>) }
}

const step = (job: JobRecord | undefined, name: string): StepResult => {
  const found = job?.steps.find((s) => s.name === name)
  if (found?.kind !== 'action') throw new Error(`no action step ${name} in ${job?.id ?? '?'}`)
  return found.result as StepResult
}

describe('the reusable workflow as the README calls it, in the layout GitHub gives its jobs', () => {
  let runtime: ActionsRuntime
  let top: string
  let shardwise: string
  const fixtures = new Map<string, { repo: string; testFiles: string[] }>()
  let shardYml: Workflow
  const figures: string[] = []

  beforeAll(async () => {
    runtime = await startActionsRuntime()
    top = await realpath(await mkdtemp(join(tmpdir(), 'shardwise-workflow-')))
    // The runner's tools: jest and vitest are found above the workspace, as an installed
    // toolchain would be, so that `npm ci` in the project removes nothing of ours.
    await symlink(join(REPO_ROOT, 'node_modules'), join(top, 'node_modules'), 'dir')

    // Shardwise as actions/checkout leaves it: every tracked file, plus the dist/ under test.
    shardwise = join(top, 'shardwise')
    const { stdout } = await exec('git', ['ls-files', '-z'], {
      cwd: REPO_ROOT,
      maxBuffer: 16 * 1024 * 1024,
    })
    for (const file of stdout.split('\0').filter((f) => f !== '' && !f.startsWith('dist/'))) {
      await mkdir(dirname(join(shardwise, file)), { recursive: true })
      // A tracked file deleted in this working tree is not in the commit under test either.
      await cp(join(REPO_ROOT, file), join(shardwise, file)).catch(() => undefined)
    }
    await cp(join(REPO_ROOT, 'dist'), join(shardwise, 'dist'), { recursive: true })

    for (const runner of ['jest', 'vitest']) {
      const repo = join(top, 'fixtures', runner)
      await cp(join(REPO_ROOT, 'test/fixtures/runners', runner), repo, { recursive: true })
      // Lean: a few plain files and the names a shell or a glob would misread.
      for (const file of LEFT_OUT) await rm(join(repo, file))
      // What `npm ci` needs: a lockfile (the tools come from above, like a global install).
      await writeFile(
        join(repo, 'package-lock.json'),
        `${JSON.stringify({ name: `shardwise-fixture-${runner}`, lockfileVersion: 3, requires: true, packages: { '': { name: `shardwise-fixture-${runner}` } } }, null, 2)}\n`,
      )
      const git = (args: string[]) =>
        exec('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.com', ...args], { cwd: repo })
      await git(['init', '-q'])
      await git(['add', '-A'])
      await git(['commit', '-q', '-m', 'fixture'])
      const files = (await git(['ls-files', '-z'])).stdout.split('\0')
      fixtures.set(runner, { repo, testFiles: files.filter((f) => f.endsWith('.test.js')).sort() })
    }
    shardYml = workflow(
      '.github/workflows/shard.yml',
      await readFile(join(REPO_ROOT, '.github/workflows/shard.yml'), 'utf8'),
    )
  }, 120_000)

  afterAll(async () => {
    console.log(`[workflow] step wall time, ms:\n${figures.join('\n')}`)
    await runtime.stop()
    await rm(top, { recursive: true, force: true })
  })

  async function runFixture(
    runner: 'jest' | 'vitest',
    options: { workflow?: Workflow; only?: string[]; prNumber: number },
  ): Promise<{ result: WorkflowRunResult; testFiles: string[] }> {
    const fixture = fixtures.get(runner)
    if (!fixture) throw new Error(runner)
    const call = await readmeCall()
    if (runner === 'vitest') call.command = 'npx vitest run'
    const run = runtime.newRun({
      prNumber: options.prNumber,
      workspace: join(top, 'work', 'widgets', 'widgets'),
    })
    const result = await runWorkflow({
      workflow: options.workflow ?? shardYml,
      with: call,
      run,
      project: fixture.repo,
      placeShardwise: (dest) => cp(shardwise, dest, { recursive: true }),
      node: (using) => (using === 'node24' ? NODE24 : process.execPath),
      env: {
        // This test process's own tools must not leak in through PATH.
        PATH: (process.env.PATH ?? '')
          .split(delimiter)
          .filter((p) => !p.includes('node_modules'))
          .join(delimiter),
        npm_config_offline: 'true',
        npm_config_audit: 'false',
        npm_config_fund: 'false',
        npm_config_update_notifier: 'false',
      },
      ...(options.only ? { only: options.only } : {}),
    })
    for (const job of result.jobs)
      figures.push(
        `  ${runner} ${job.id}${job.matrix ? ` ${JSON.stringify(job.matrix)}` : ''}: ${job.steps
          .filter((s) => s.ms !== undefined)
          .map((s) => `${s.name} ${String(s.ms)}`)
          .join(', ')}`,
      )
    return { result, testFiles: fixture.testFiles }
  }

  async function expectWholeFixturePassed(
    result: WorkflowRunResult,
    testFiles: string[],
  ): Promise<void> {
    const byId = (id: string) => result.jobs.filter((j) => j.id === id)
    const [plan] = byId('plan')
    const planStep = step(plan, 'Plan the shards')
    expect(plan?.result, planStep.stdout + planStep.stderr).toBe('success')
    // Exactly the fixture's test files: none of Shardwise's, nothing dropped.
    const planned = JSON.parse(
      await readFile(planStep.outputs['plan-file'] ?? '', 'utf8'),
    ) as PlanJson
    expect(planned.shards.flatMap((s) => s.items).sort()).toEqual(testFiles)
    expect(planStep.annotations.filter((a) => a.level !== 'notice')).toEqual([])

    const shards = byId('shards')
    expect(shards.length).toBe(Number(planStep.outputs['shard-count']))
    for (const shard of shards) {
      const ran = step(shard, 'Run the shard')
      expect(shard.result, ran.stdout + ran.stderr).toBe('success')
      expect(ran.outputs.status).toBe('passed')
      expect(shard.workspaceFiles.filter((f) => f.split('/').pop() === 'PWNED')).toEqual([])
    }
    expect(byId('fallback').map((j) => j.result)).toEqual(['skipped'])

    const [combine] = byId('combine')
    const combined = step(combine, 'Combine the shards')
    expect(combine?.result, combined.stdout + combined.stderr).toBe('success')
    // combine had nothing of the project on disk: only Shardwise and what it wrote itself.
    expect(combine?.workspaceFiles.filter((f) => !/^\.shardwise(-action)?\//.test(f))).toEqual([])
    const report = JSON.parse(
      await readFile(combined.outputs['report-file'] ?? '', 'utf8'),
    ) as ReportJson
    expect(report.verdict).toBe('passed')
    expect([...new Set(report.tests.map((t) => fileOfId(t.id)))].sort()).toEqual(testFiles)
    expect(report.tests.filter((t) => t.verdict !== 'passed')).toEqual([])
    expect(combined.outputs.passed).toBe(String(report.tests.length))
    expect(result.outputs.result).toBe('passed')
    expect(result.outputs['report-url']).toMatch(
      /^https:\/\/github\.com\/acme\/widgets\/actions\/runs\/\d+\/artifacts\/\d+$/,
    )
  }

  it('jest: the README block verbatim plans exactly the fixture’s test files, runs them and passes', async () => {
    const { result, testFiles } = await runFixture('jest', { prNumber: 31 })
    await expectWholeFixturePassed(result, testFiles)
    // The layout itself: the project beside Shardwise, never around it.
    const [plan] = result.jobs
    expect(plan?.steps.flatMap((s) => (s.placed ? [s.placed] : []))).toEqual([
      { what: 'project', path: 'project' },
      { what: 'shardwise', path: '.shardwise-action' },
    ])
  }, 180_000)

  it('vitest: the README block with `npx vitest run` plans exactly the fixture’s test files, runs them and passes', async () => {
    const { result, testFiles } = await runFixture('vitest', { prNumber: 32 })
    await expectWholeFixturePassed(result, testFiles)
  }, 180_000)

  it('an action checked out inside the project never plans its own files, and warns', async () => {
    // shard.yml as it was: the project at the workspace root, Shardwise inside it.
    const inside = workflow(
      'inside.yml',
      shardYml.text.replace(/^\s+(?:path|working-directory): project\n/gm, ''),
    )
    const { result, testFiles } = await runFixture('jest', {
      workflow: inside,
      only: ['plan'],
      prNumber: 33,
    })
    const planStep = step(result.jobs[0], 'Plan the shards')
    expect(planStep.code, planStep.stdout + planStep.stderr).toBe(0)
    const planned = JSON.parse(
      await readFile(planStep.outputs['plan-file'] ?? '', 'utf8'),
    ) as PlanJson
    expect(planned.shards.flatMap((s) => s.items).sort()).toEqual(testFiles)
    const warnings = planStep.annotations.filter((a) => a.level === 'warning').map((a) => a.message)
    expect(warnings.join('\n')).toMatch(
      /^\d+ items inside Shardwise's own directory `\.shardwise-action\/` are not planned/m,
    )
  }, 120_000)
})
