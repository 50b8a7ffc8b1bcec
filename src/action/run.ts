import { mkdtemp, rm } from 'node:fs/promises'
import { join } from 'node:path'
import { UsageError } from '../core/errors.js'
import { combineResults, fallbackItems } from '../core/combine.js'
import type { Plan } from '../core/plan.js'
import { splitWords } from '../core/command-line.js'
import type { ActionIO } from '../adapters/action-io.js'
import { artifactName } from '../adapters/artifacts.js'
import { outputSink } from '../adapters/output-stream.js'
import { planDigest, readPlanFile } from '../adapters/plan-file.js'
import { RUNNERS, resolveRunner } from '../adapters/runners/index.js'
import { readResults } from '../modes/combine.js'
import { runMode, type RunOutcome } from '../modes/run.js'
import { fallbackMaxItems, runSettings, type RunSettings } from '../options/run.js'
import { flagOf, given, valueOf } from '../options/source.js'
import { parseShardNumber, type ShardNumber } from '../options/values.js'
import { downloadPlan, downloadShards, ourArtifacts, type FoundArtifact } from './artifacts.js'
import { inputsOf, jobContext, type ActionDeps, type JobContext } from './context.js'

/** What `mode: run` runs: the shard, the test command and how. */
interface RunInputs {
  readonly shard: ShardNumber
  readonly rawShard: string
  readonly command: string[]
  readonly settings: RunSettings
}

function runInputs(io: ActionIO): RunInputs {
  const source = inputsOf(io)
  const rawShard = given(source, 'shard')
  if (rawShard === undefined || rawShard.trim() === '')
    throw new UsageError(
      '`shard` is required in `mode: run`: the 1-based shard number, or `fallback`.',
    )
  const shard = parseShardNumber('shard', rawShard, { fallback: true })
  const commandLine = valueOf(source, 'command')
  if (commandLine.trim() === '')
    throw new UsageError('`command` is required in `mode: run`: the test command, e.g. `npx jest`.')
  let command: string[]
  try {
    command = splitWords(commandLine)
  } catch (error) {
    throw new UsageError(`\`command\`: ${error instanceof Error ? error.message : String(error)}`)
  }
  return { shard, rawShard: rawShard.trim(), command, settings: runSettings(source) }
}

/** What one run step runs: the plan (whole, or the fallback's one shard) and the artifact name. */
interface RunTarget {
  readonly plan: Plan
  readonly digest: string
  readonly index: number
  readonly artifact: string
}

/**
 * The serial fallback: the failed tests and the tests of missing shards, as a plan of one
 * shard; `undefined` when there is nothing to run, or too much (which looks systemic).
 */
async function fallbackTarget(
  deps: ActionDeps,
  job: JobContext,
  loaded: { plan: Plan; digest: string },
  inputs: RunInputs,
  found: readonly FoundArtifact[],
  work: string,
): Promise<RunTarget | undefined> {
  const { io } = deps
  const resultsDir = join(work, 'shards')
  await downloadShards(deps.artifacts, found, resultsDir)
  const combined = combineResults({
    plan: loaded.plan,
    planDigest: loaded.digest,
    results: await readResults(resultsDir, io),
    quarantine: [],
    history: undefined,
    now: new Date().toISOString(),
    flakyThreshold: 1,
  })
  const resolved = await resolveRunner(inputs.command, job.root, inputs.settings.runner)
  const items = fallbackItems(combined, RUNNERS[resolved.runner].selectsTests)
  const cap = fallbackMaxItems(inputsOf(io))
  if (items.length === 0) {
    io.notice('serial fallback: every shard passed; nothing to run again')
    return undefined
  }
  if (items.length > cap) {
    io.warning(
      `serial fallback skipped: ${items.length} items failed or went unrun, more than the ${cap} it takes — this looks systemic, not flaky`,
    )
    return undefined
  }
  io.info(
    `serial fallback: running ${items.length} items again in one process:\n${items.map((i) => `  ${JSON.stringify(i.id)} (${i.why})`).join('\n')}`,
  )
  const plan = {
    ...loaded.plan,
    shards: [{ index: 1, items: items.map((i) => i.id), predictedSeconds: 0 }],
  }
  return {
    plan,
    digest: planDigest(plan),
    index: 1,
    artifact: artifactName(job.name, { kind: 'fallback' }, job.attempt),
  }
}

function shardTarget(
  job: JobContext,
  loaded: { plan: Plan; digest: string },
  shard: ShardNumber & { kind: 'shard' },
): RunTarget {
  const count = loaded.plan.shards.length
  if (shard.index > count || (shard.count !== undefined && shard.count !== count)) {
    throw new UsageError(
      `\`shard\` must be a whole number from 1 to ${count} (the plan has ${count} shards); got \`${shard.count === undefined ? shard.index : `${shard.index}/${shard.count}`}\`.`,
    )
  }
  return {
    ...loaded,
    index: shard.index,
    artifact: artifactName(job.name, { kind: 'shard', index: shard.index }, job.attempt),
  }
}

/** Runs the target's shard with the test output guarded and passed on in whole lines. */
async function runTarget(
  io: ActionIO,
  job: JobContext,
  inputs: RunInputs,
  target: RunTarget,
  resultsDir: string,
): Promise<RunOutcome> {
  // The test output is untrusted: guarded, and passed on in whole lines, so that every line
  // the toolkit writes (info, warnings) starts where the runner expects a command to.
  const stdout = outputSink(process.stdout, { wholeLines: true })
  const stderr = outputSink(process.stderr, { wholeLines: true })
  return runMode(
    {
      plan: target.plan,
      planDigest: target.digest,
      shardIndex: target.index,
      command: inputs.command,
      ...inputs.settings,
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
}

/**
 * `mode: run` — one shard of the plan (`shard: N`), or the serial fallback (`shard: fallback`:
 * the failed tests and the tests of missing shards, run again in one process). The result
 * goes up as one artifact per shard and attempt. The test command runs with the job's
 * environment minus the runtime credentials.
 */
export async function actionRun(deps: ActionDeps): Promise<void> {
  const { io } = deps
  const job = jobContext(io)
  const inputs = runInputs(io)
  const work = await mkdtemp(join(job.temp, `shardwise-${job.name}-run-`))
  const downloadStarted = Date.now()
  const found = await ourArtifacts(deps.artifacts, job.name, io)
  const planDir = await downloadPlan(deps.artifacts, found, job.attempt, join(work, 'plan'))
  const loaded = await readPlanFile(join(planDir, 'plan.json'))
  io.info(`plan artifact listed and downloaded in ${Date.now() - downloadStarted} ms`)
  const target =
    inputs.shard.kind === 'fallback'
      ? await fallbackTarget(deps, job, loaded, inputs, found, work)
      : shardTarget(job, loaded, inputs.shard)
  if (target === undefined) {
    setOutputs(io, { status: 'skipped', passed: 0, failed: 0, flaky: 0 })
    return
  }
  const resultsDir = join(work, 'result')
  const outcome = await runTarget(io, job, inputs, target, resultsDir)
  const uploadStarted = Date.now()
  await deps.artifacts.upload(target.artifact, resultsDir)
  io.info(`shard result uploaded as ${target.artifact} in ${Date.now() - uploadStarted} ms`)
  await rm(work, { recursive: true, force: true })
  const { result } = outcome
  setOutputs(io, { status: result.status, ...result.counts })
  if (outcome.exitCode !== 0 && flagOf(inputsOf(io), 'fail-on-test-failure')) {
    io.setFailed(
      `shard ${inputs.rawShard}: ${result.status} — ${result.counts.failed} failed, ${result.missing.length} without a result, ${result.fileFailures.length} files that failed to run${result.reason ? `; ${result.reason}` : ''}`,
    )
  }
}

function setOutputs(
  io: ActionIO,
  outputs: { status: string; passed: number; failed: number; flaky: number },
): void {
  io.setOutput('status', outputs.status)
  io.setOutput('passed', outputs.passed)
  io.setOutput('failed', outputs.failed)
  io.setOutput('flaky', outputs.flaky)
}
