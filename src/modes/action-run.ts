import { mkdtemp, rm } from 'node:fs/promises'
import { join } from 'node:path'
import { UsageError } from '../core/errors.js'
import { combineResults, fallbackItems } from '../core/combine.js'
import type { Plan } from '../core/plan.js'
import { splitWords } from '../core/command-line.js'
import { artifactName } from '../adapters/artifacts.js'
import { outputSink } from '../adapters/output-stream.js'
import { RUNNERS, resolveRunner } from '../adapters/runners/index.js'
import { RUNNER_NAMES } from '../adapters/runners/types.js'
import { boolInput, jobContext, lines } from './action-context.js'
import { downloadPlan, downloadShards, ourArtifacts } from './action-artifacts.js'
import type { ActionDeps } from './action-plan.js'
import { readResults } from './combine.js'
import { parseChoice, parseTimeoutSeconds, parseWholeNumber } from './inputs.js'
import { planDigest, readPlanFile } from '../adapters/plan-file.js'
import { runMode } from './run.js'

/**
 * `mode: run` — one shard of the plan (`shard: N`), or the serial fallback (`shard: fallback`:
 * the failed tests and the tests of missing shards, run again in one process). The result
 * goes up as one artifact per shard and attempt. The test command runs with the job's
 * environment minus the runtime credentials.
 */
export async function actionRun(deps: ActionDeps): Promise<void> {
  const { io } = deps
  const job = jobContext(io)
  const rawShard = io.getInput('shard').trim()
  if (rawShard === '')
    throw new UsageError(
      '`shard` is required in `mode: run`: the 1-based shard number, or `fallback`.',
    )
  const commandLine = io.getInput('command')
  if (commandLine.trim() === '')
    throw new UsageError('`command` is required in `mode: run`: the test command, e.g. `npx jest`.')
  let command: string[]
  try {
    command = splitWords(commandLine)
  } catch (error) {
    throw new UsageError(`\`command\`: ${error instanceof Error ? error.message : String(error)}`)
  }
  const runner = parseChoice('runner', io.getInput('runner'), ['auto', ...RUNNER_NAMES] as const)
  const timeout = io.getInput('timeout-seconds')
  const flags = {
    runner,
    retries: parseWholeNumber('retries', io.getInput('retries'), 0, 10),
    repeat: parseWholeNumber('repeat', io.getInput('repeat'), 1, 100),
    failOnFlaky: boolInput(io, 'fail-on-flaky'),
    timeoutSeconds: timeout === '' ? undefined : parseTimeoutSeconds('timeout-seconds', timeout),
    junitGlobs: lines(io.getInput('junit')),
    coverageGlobs: lines(io.getInput('coverage')),
  }

  const work = await mkdtemp(join(job.temp, `shardwise-${job.name}-run-`))
  const downloadStarted = Date.now()
  const found = await ourArtifacts(deps.artifacts, job.name, io)
  const planDir = await downloadPlan(deps.artifacts, found, job.attempt, join(work, 'plan'))
  const { plan, digest } = await readPlanFile(join(planDir, 'plan.json'))
  io.info(`plan artifact listed and downloaded in ${Date.now() - downloadStarted} ms`)

  let runPlan: Plan = plan
  let runDigest = digest
  let index: number
  let artifact: string
  if (rawShard === 'fallback') {
    const resultsDir = join(work, 'shards')
    await downloadShards(deps.artifacts, found, resultsDir)
    const combined = combineResults({
      plan,
      planDigest: digest,
      results: await readResults(resultsDir, io),
      quarantine: [],
      history: undefined,
      now: new Date().toISOString(),
      flakyThreshold: 1,
    })
    const resolved = await resolveRunner(command, job.root, runner)
    const items = fallbackItems(combined, RUNNERS[resolved.runner].selectsTests)
    const cap = parseWholeNumber(
      'fallback-max-items',
      io.getInput('fallback-max-items'),
      0,
      100_000,
    )
    if (items.length === 0) {
      io.notice('serial fallback: every shard passed; nothing to run again')
      setSkipped(io)
      return
    }
    if (items.length > cap) {
      io.warning(
        `serial fallback skipped: ${items.length} items failed or went unrun, more than the ${cap} it takes — this looks systemic, not flaky`,
      )
      setSkipped(io)
      return
    }
    io.info(
      `serial fallback: running ${items.length} items again in one process:\n${items.map((i) => `  ${JSON.stringify(i.id)} (${i.why})`).join('\n')}`,
    )
    runPlan = {
      ...plan,
      shards: [{ index: 1, items: items.map((i) => i.id), predictedSeconds: 0 }],
    }
    runDigest = planDigest(runPlan)
    index = 1
    artifact = artifactName(job.name, { kind: 'fallback' }, job.attempt)
  } else {
    index = parseWholeNumber('shard', rawShard, 1, plan.shards.length)
    artifact = artifactName(job.name, { kind: 'shard', index }, job.attempt)
  }

  const resultsDir = join(work, 'result')
  // The test output is untrusted: guarded, and passed on in whole lines, so that every line
  // the toolkit writes (info, warnings) starts where the runner expects a command to.
  const stdout = outputSink(process.stdout, { wholeLines: true })
  const stderr = outputSink(process.stderr, { wholeLines: true })
  const outcome = await runMode(
    {
      plan: runPlan,
      planDigest: runDigest,
      shardIndex: index,
      command,
      ...flags,
      resultsDir,
      root: job.root,
      attempt: job.attempt,
      env: io.env,
    },
    {
      log: io,
      stdout: (text) => stdout.write(text),
      stderr: (text) => stderr.write(text),
      ready: () => stdout.ready() ?? stderr.ready(),
      progress: (text) => io.info(text),
      now: () => new Date(),
    },
  ).finally(() => {
    stdout.flush()
    stderr.flush()
  })
  const uploadStarted = Date.now()
  await deps.artifacts.upload(artifact, resultsDir)
  io.info(`shard result uploaded as ${artifact} in ${Date.now() - uploadStarted} ms`)
  await rm(work, { recursive: true, force: true })
  const { result } = outcome
  io.setOutput('status', result.status)
  io.setOutput('passed', result.counts.passed)
  io.setOutput('failed', result.counts.failed)
  io.setOutput('flaky', result.counts.flaky)
  if (outcome.exitCode !== 0 && boolInput(io, 'fail-on-test-failure')) {
    io.setFailed(
      `shard ${rawShard}: ${result.status} — ${result.counts.failed} failed, ${result.missing.length} without a result, ${result.fileFailures.length} files that failed to run${result.reason ? `; ${result.reason}` : ''}`,
    )
  }
}

function setSkipped(io: ActionDeps['io']): void {
  io.setOutput('status', 'skipped')
  io.setOutput('passed', 0)
  io.setOutput('failed', 0)
  io.setOutput('flaky', 0)
}
