import { existsSync, realpathSync } from 'node:fs'
import { copyFile, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path'
import { fileOfId } from '../core/ids.js'
import { UsageError } from '../core/errors.js'
import type { Plan } from '../core/plan.js'
import { planMatrix, renderPlanJson, renderPlanTable } from '../core/render-plan.js'
import { stableStringify } from '../core/json.js'
import { splitWords } from '../core/command-line.js'
import { actionDirectory, type ActionIO } from '../adapters/action-io.js'
import type { Log } from '../adapters/log.js'
import { artifactName } from '../adapters/artifacts.js'
import { resolveRunner } from '../adapters/runners/index.js'
import { TYPICAL_COSTS } from '../adapters/runners/typical.js'
import { listItemsTimed } from '../adapters/runners/list.js'
import { planMode, type PlanOptions } from '../modes/plan.js'
import { planSettings } from '../options/plan.js'
import { runnerSetting } from '../options/runner.js'
import { flagOf, given, listOf, valueOf, type OptionSource } from '../options/source.js'
import { CACHED_STORE, inputsOf, jobContext, type ActionDeps, type JobContext } from './context.js'

/** The step's plan options: paths resolved against the working directory. */
export function planInputs(source: OptionSource, root: string, workspace: string): PlanOptions {
  const settings = planSettings(source)
  const itemsFrom = given(source, 'items-from')
  return {
    ...settings,
    timings: settings.timings.map((p) => resolve(root, p)),
    patterns: listOf(source, 'tests'),
    itemsFrom: itemsFrom === undefined ? undefined : resolve(root, itemsFrom),
    root,
    roots: [workspace],
  }
}

/**
 * When the action's own directory lies inside the project root — someone checked Shardwise out
 * within their tree — the runner's listing (or a broad glob) finds Shardwise's own files. They
 * are never the project's tests: the returned filter drops them with a warning. `undefined`
 * when the directory is elsewhere, or when the project is Shardwise itself.
 */
export function withoutOwnFiles(
  root: string,
  actionDir: string | undefined,
  log: Log,
): ((ids: readonly string[]) => string[]) | undefined {
  if (actionDir === undefined) return undefined
  const real = (path: string) => (existsSync(path) ? realpathSync(path) : resolve(path))
  const inside = relative(real(root), real(actionDir)).split(sep).join('/')
  if (inside === '' || inside === '..' || inside.startsWith('../') || isAbsolute(inside))
    return undefined
  return (ids) => {
    const own = ids.filter((id) => {
      const file = fileOfId(id)
      return file === inside || file.startsWith(`${inside}/`)
    })
    if (own.length === 0) return [...ids]
    if (own.length === ids.length) {
      throw new UsageError(
        `every item found (${ids.length}) is inside Shardwise's own directory \`${inside}/\`, none is the project's: check the action out beside the project, not inside \`working-directory\` (see docs/workflow.md), or give \`tests\` globs`,
      )
    }
    log.warning(
      `${own.length} items inside Shardwise's own directory \`${inside}/\` are not planned (e.g. \`${own[0] ?? ''}\`): the action is checked out inside \`working-directory\`, where the runner finds its files. Check it out beside the project instead (see docs/workflow.md).`,
    )
    const dropped = new Set(own)
    return ids.filter((id) => !dropped.has(id))
  }
}

/** The timing history restored from the cache, or `undefined` (a miss, or `cache: false`). */
async function restoreHistory(deps: ActionDeps, job: JobContext): Promise<string | undefined> {
  const { io } = deps
  if (!flagOf(inputsOf(io), 'cache')) return undefined
  const started = Date.now()
  const restored = await deps.cache.restore(CACHED_STORE, job.name, job.runId, String(job.attempt))
  io.info(`timings cache looked up in ${Date.now() - started} ms`)
  const path = resolve(job.workspace, CACHED_STORE)
  return restored !== undefined && existsSync(path) ? path : undefined
}

/**
 * With a test command: the runner's own list of tests (when no globs or list are given) and,
 * without history, its typical costs and its listing's time (a first measure of its start-up),
 * which give predictions of the right scale; they are labelled as estimates.
 */
async function fromRunner(
  io: ActionIO,
  job: JobContext,
  options: PlanOptions,
): Promise<Pick<PlanOptions, 'priorCostModel' | 'defaultItemSeconds' | 'items'>> {
  const source = inputsOf(io)
  const command = valueOf(source, 'command')
  if (command.trim() === '') return {}
  const resolved = await resolveRunner(splitWords(command), job.root, runnerSetting(source))
  let listed: { items: string[]; seconds: number } | undefined
  if (options.patterns.length === 0 && options.itemsFrom === undefined) {
    listed = await listItemsTimed(
      { root: job.root, env: io.env },
      resolved.runner,
      resolved.command,
      io,
    )
  }
  const typical = TYPICAL_COSTS[resolved.runner]
  return {
    priorCostModel: {
      startupSeconds: listed?.seconds ?? typical.startupSeconds,
      warmupSeconds: 0,
      workers: 1,
    },
    defaultItemSeconds: typical.fileSeconds,
    ...(listed ? { items: listed.items } : {}),
  }
}

/**
 * Writes the plan file and uploads it as the plan artifact, with the history it was planned
 * from: combine merges into that history without ever restoring a cache itself (a restore can
 * write anywhere on the runner).
 */
async function publishPlan(
  deps: ActionDeps,
  job: JobContext,
  plan: Plan,
  history: string | undefined,
): Promise<string> {
  const { io } = deps
  const planFile = resolve(job.temp, valueOf(inputsOf(io), 'plan-file'))
  await mkdir(dirname(planFile), { recursive: true })
  await writeFile(planFile, `${renderPlanJson(plan)}\n`)
  const stage = await mkdtemp(join(job.temp, 'shardwise-plan-'))
  await copyFile(planFile, join(stage, 'plan.json'))
  if (history !== undefined) await copyFile(history, join(stage, 'timings.json'))
  const started = Date.now()
  await deps.artifacts.upload(artifactName(job.name, { kind: 'plan' }, job.attempt), stage)
  io.info(`plan artifact uploaded in ${Date.now() - started} ms`)
  await rm(stage, { recursive: true, force: true })
  return planFile
}

/**
 * `mode: plan` — restores the timing history from the cache, finds the tests (globs, a list,
 * or the runner's own listing), plans, uploads the plan (with the history it used) as an
 * artifact for the shards and combine, and outputs the matrix.
 */
export async function actionPlan(deps: ActionDeps): Promise<void> {
  const { io } = deps
  const job = jobContext(io)
  const options = planInputs(inputsOf(io), job.root, job.workspace)
  const history = await restoreHistory(deps, job)
  const exclude = withoutOwnFiles(job.root, actionDirectory(), io)
  const plan = await planMode(
    {
      ...options,
      ...(await fromRunner(io, job, options)),
      timings: history === undefined ? options.timings : [history, ...options.timings],
      ...(exclude ? { exclude } : {}),
    },
    {
      log: io,
      readStdin: () =>
        Promise.reject(new UsageError('`items-from` cannot be standard input in the action')),
    },
  )
  const planFile = await publishPlan(deps, job, plan, history)
  io.info(renderPlanTable(plan))
  io.setOutput('matrix', stableStringify(planMatrix(plan)))
  io.setOutput('shard-count', plan.shards.length)
  io.setOutput('plan-file', planFile)
  io.setOutput('predicted-seconds', plan.predictedMakespanSeconds)
  io.setOutput('lower-bound-seconds', plan.lowerBoundSeconds)
  io.setOutput('unknown-items', plan.unknownItems)
}
