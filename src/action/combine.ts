import { copyFile, mkdir, mkdtemp } from 'node:fs/promises'
import { existsSync } from 'node:fs'
import { createHash } from 'node:crypto'
import { dirname, join, resolve } from 'node:path'
import type { Combined } from '../core/combine.js'
import type { Plan } from '../core/plan.js'
import { describeError } from '../core/errors.js'
import type { ActionIO } from '../adapters/action-io.js'
import { artifactName, artifactUrl } from '../adapters/artifacts.js'
import type { CommentOutcome, CommentTarget } from '../adapters/github-comment.js'
import { outputSink } from '../adapters/output-stream.js'
import { readPlanFile } from '../adapters/plan-file.js'
import { combineMode, type CombineOutcome } from '../modes/combine.js'
import { coverageReport } from '../adapters/coverage-report.js'
import { combineSettings, type CombineSettings } from '../options/combine.js'
import { actionDefault, flagOf, valueOf } from '../options/source.js'
import { parseChoice } from '../options/values.js'
import { downloadPlan, downloadShards, ourArtifacts } from './artifacts.js'
import { CACHED_STORE, inputsOf, jobContext, type ActionDeps, type JobContext } from './context.js'

/** The combine step's services: the action's, and the pull-request comment. */
export interface CombineActionDeps extends ActionDeps {
  readonly comment: (target: CommentTarget, body: string) => Promise<CommentOutcome>
}

/** Events after which the timings are trusted enough to become everyone's history. */
const TRUSTED_EVENTS = new Set(['push', 'schedule', 'workflow_dispatch', 'merge_group'])

/** What combine works on, downloaded into `work`: the plan, the shard results, the fallback's. */
interface Downloaded {
  readonly plan: Plan
  readonly digest: string
  readonly resultsDir: string
  readonly fallbackDir: string | undefined
  /** The history the plan was made from (carried in the plan artifact), where it is merged. */
  readonly storePath: string
}

async function download(deps: ActionDeps, job: JobContext, work: string): Promise<Downloaded> {
  const found = await ourArtifacts(deps.artifacts, job.name, deps.io)
  const planDir = await downloadPlan(deps.artifacts, found, job.attempt, join(work, 'plan'))
  const { plan, digest } = await readPlanFile(join(planDir, 'plan.json'))
  const resultsDir = join(work, 'shards')
  await downloadShards(deps.artifacts, found, resultsDir)
  const fallbacks = found
    .filter((a) => a.what.kind === 'fallback')
    .sort((a, b) => b.what.attempt - a.what.attempt)
  let fallbackDir: string | undefined
  if (fallbacks[0]) {
    fallbackDir = join(work, 'fallback')
    await mkdir(fallbackDir, { recursive: true })
    await deps.artifacts.download(fallbacks[0].id, fallbackDir)
  }
  const storePath = resolve(job.workspace, CACHED_STORE)
  await mkdir(dirname(storePath), { recursive: true })
  const carried = join(planDir, 'timings.json')
  if (existsSync(carried)) await copyFile(carried, storePath)
  return { plan, digest, resultsDir, fallbackDir, storePath }
}

/** Combines the shard results with the shared combine mode; the fallback's result folded in. */
async function combine(
  io: ActionIO,
  job: JobContext,
  got: Downloaded,
  settings: CombineSettings,
  reportJson: string,
): Promise<CombineOutcome> {
  const quarantine = resolve(job.root, settings.quarantine ?? actionDefault('quarantine'))
  // A fallback run here prints untrusted test output: guarded, in whole lines.
  const fallbackOut = outputSink(process.stdout, { wholeLines: true })
  const fallbackErr = outputSink(process.stderr, { wholeLines: true })
  return combineMode(
    {
      plan: got.plan,
      planDigest: got.digest,
      resultsDir: got.resultsDir,
      storePath: got.storePath,
      quarantinePath: existsSync(quarantine) ? quarantine : undefined,
      flakyThreshold: settings.flakyThreshold,
      coverageThreshold: settings.coverageThreshold,
      // Combine never runs the project's code: the serial fallback is a job of its own
      // (`mode: run`, `shard: fallback`) whose result is folded in below, so no command,
      // runner or item cap is read here.
      fallback: 'none',
      command: [],
      runner: 'auto',
      fallbackMaxItems: 0,
      reportMarkdown: undefined,
      reportJson,
      reportHint: 'the full JSON report linked at the end',
      root: job.root,
      env: io.env,
      ...(got.fallbackDir ? { fallbackResultsDir: got.fallbackDir } : {}),
      coverage: (shards) =>
        coverageReport(shards, {
          root: job.root,
          threshold: settings.coverageThreshold,
          baseRef: settings.baseRef,
          log: io,
        }),
    },
    {
      log: io,
      out: (t) => fallbackOut.write(t),
      err: (t) => fallbackErr.write(t),
      now: () => new Date(),
    },
  ).finally(() => {
    fallbackOut.flush()
    fallbackErr.flush()
  })
}

/** Saves the merged timings as the shared history after trusted events (or as `save-timings` says). */
async function saveTimings(deps: ActionDeps, job: JobContext, storePath: string): Promise<void> {
  const { io } = deps
  const mode = parseChoice('save-timings', valueOf(inputsOf(io), 'save-timings'), [
    'auto',
    'always',
    'never',
  ] as const)
  if (mode === 'always' || (mode === 'auto' && TRUSTED_EVENTS.has(job.eventName))) {
    if (existsSync(storePath))
      await deps.cache.save(CACHED_STORE, job.name, job.runId, String(job.attempt))
  } else if (mode === 'auto') {
    io.notice(
      `timings from a \`${job.eventName || 'unknown'}\` run are not saved to the shared history (only push, schedule, workflow_dispatch and merge_group runs are; set \`save-timings: always\` to change that)`,
    )
  }
}

/** Posts or updates the one pull-request comment of this invocation; sets the `comment` output. */
async function comment(deps: CombineActionDeps, job: JobContext, markdown: string): Promise<void> {
  const { io } = deps
  const source = inputsOf(io)
  const pr = job.event.pull_request as { number?: unknown } | undefined
  const issue = typeof pr?.number === 'number' ? pr.number : undefined
  const token = valueOf(source, 'github-token')
  io.setOutput('comment', 'none')
  if (!flagOf(source, 'comment') || issue === undefined) return
  if (token === '') {
    io.notice('no `github-token`: the report is in the job summary only')
    return
  }
  const [owner = '', repo = ''] = job.repository.split('/')
  const marker = `<!-- shardwise:${createHash('sha256')
    .update(`${io.env.GITHUB_WORKFLOW ?? ''}\n${io.env.GITHUB_JOB ?? ''}\n${job.name}`)
    .digest('hex')
    .slice(0, 16)} -->`
  const outcome = await deps.comment(
    {
      token,
      owner,
      repo,
      issue,
      marker,
      author: valueOf(source, 'comment-author'),
      runId: Number(job.runId),
      runAttempt: job.attempt,
    },
    markdown,
  )
  io.setOutput('comment', outcome)
}

/** The problems that fail the run (a foreign result is only reported). */
function openProblems(combined: Combined) {
  return combined.problems.filter((p) => p.resolved !== true && p.kind !== 'foreign-result')
}

/** Error annotations: the first ten failed tests, and every problem. */
function annotate(io: ActionIO, combined: Combined, where: string): void {
  for (const test of combined.failed.slice(0, 10)) {
    io.error(
      `${test.id}${test.message ? `\n${test.message.slice(0, 300)}` : ''}`,
      `Test failed (shard ${test.shard})`,
    )
  }
  if (combined.failed.length > 10)
    io.warning(
      `${combined.failed.length - 10} more failed tests are not annotated; all ${combined.failed.length} are in ${where}`,
    )
  for (const problem of openProblems(combined)) io.error(problem.message, 'Shardwise')
}

function setOutputs(
  io: ActionIO,
  outcome: CombineOutcome,
  report: { file: string; artifact: string; url: string },
): void {
  const { combined, time } = outcome
  io.setOutput('result', combined.verdict)
  io.setOutput('passed', combined.counts.passed)
  io.setOutput('failed', combined.failed.length)
  io.setOutput('flaky', combined.flaky.length)
  io.setOutput('flaky-tests', JSON.stringify(combined.flaky.slice(0, 50).map((f) => f.id)))
  io.setOutput('coverage', outcome.coverage ? outcome.coverage.percent.toFixed(2) : '')
  io.setOutput(
    'speedup',
    time && time.makespanSeconds > 0
      ? (time.serialSeconds / time.makespanSeconds).toFixed(2)
      : '1.00',
  )
  io.setOutput('wall-seconds', combined.wallSeconds.toFixed(1))
  io.setOutput('report-file', report.file)
  io.setOutput('report-artifact', report.artifact)
  io.setOutput('report-url', report.url)
}

/**
 * `mode: combine` — the privileged end of the run. It downloads every shard's artifact into
 * its own directory, judges completeness, folds in the serial fallback job's result, merges
 * timings into the history the plan used and saves it under a fresh cache key, merges
 * coverage, and reports: job summary, one sticky pull-request comment, annotations, outputs.
 * It never runs the project's code.
 */
export async function actionCombine(deps: CombineActionDeps): Promise<void> {
  const { io } = deps
  const job = jobContext(io)
  const work = await mkdtemp(join(job.temp, `shardwise-${job.name}-combine-`))
  const got = await download(deps, job, work)
  const settings = combineSettings(inputsOf(io))
  // Alone in its directory: that directory becomes the report artifact.
  const reportDir = join(work, 'report')
  const reportJson = join(reportDir, 'report.json')
  const reportArtifact = artifactName(job.name, { kind: 'report' }, job.attempt)
  const outcome = await combine(io, job, got, settings, reportJson)
  const { combined } = outcome
  const report = await uploadReport(deps, reportArtifact, reportDir)
  const markdown = `${outcome.markdown}\n${report.line}\n`
  await saveTimings(deps, job, got.storePath)
  await io.summary(markdown)
  await comment(deps, job, markdown)
  annotate(io, combined, report.where)
  setOutputs(io, outcome, {
    file: reportJson,
    artifact: report.uploaded ? reportArtifact : '',
    url: report.url ?? '',
  })
  if (outcome.exitCode !== 0) {
    io.setFailed(
      combined.verdict === 'failed'
        ? `tests failed: ${combined.failed.length} failed, ${combined.unaccounted.length} planned items without a result, ${openProblems(combined).length} problems`
        : `coverage ${outcome.coverage?.percent.toFixed(2) ?? '?'}% is below the threshold of ${String(settings.coverageThreshold)}%`,
    )
  }
}

/**
 * Uploads the full JSON report as an artifact of the run: the summary and the comment cut their
 * tables, and a path on the combine job's runner is something nobody can open. A failed upload
 * is a warning; the verdict stands.
 */
async function uploadReport(
  deps: ActionDeps,
  name: string,
  dir: string,
): Promise<{ uploaded: boolean; url: string | undefined; line: string; where: string }> {
  try {
    const id = await deps.artifacts.upload(name, dir)
    const url = artifactUrl(deps.io.env, id)
    const label = `\`${name}\``
    return {
      uploaded: true,
      url,
      line: `Full report (every test, failure and timing, as JSON): ${url ? `[${label}](${url})` : label}, an artifact of this run.`,
      where: `the full JSON report, artifact ${name}${url ? ` (${url})` : ''}`,
    }
  } catch (error) {
    deps.io.warning(
      `the full JSON report could not be uploaded as ${name}: ${describeError(error)}`,
    )
    return {
      uploaded: false,
      url: undefined,
      line: `The full JSON report could not be uploaded as an artifact (${describeError(error).replace(/\s+/g, ' ').slice(0, 200)}); the tables above are cut.`,
      where: 'the job log of this step (the full report could not be uploaded)',
    }
  }
}
