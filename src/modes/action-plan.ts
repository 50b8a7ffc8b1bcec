import { existsSync, realpathSync } from 'node:fs'
import { copyFile, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path'
import { fileOfId } from '../core/ids.js'
import { UsageError } from '../core/errors.js'
import { MAX_SHARDS } from '../core/plan.js'
import { planMatrix, renderPlanJson, renderPlanTable } from '../core/render-plan.js'
import { stableStringify } from '../core/json.js'
import { splitWords } from '../core/command-line.js'
import { actionDirectory, type ActionIO } from '../adapters/action-io.js'
import type { Log } from '../adapters/log.js'
import { artifactName, type ArtifactStore } from '../adapters/artifacts.js'
import type { TimingsCache } from '../adapters/cache-store.js'
import { resolveRunner } from '../adapters/runners/index.js'
import { TYPICAL_COSTS } from '../adapters/runners/typical.js'
import { RUNNER_NAMES } from '../adapters/runners/types.js'
import { CACHED_STORE, boolInput, jobContext, lines } from './action-context.js'
import {
  GRANULARITIES,
  parseChoice,
  parseNonNegativeSeconds,
  parsePositiveSeconds,
  parseShards,
  parseWholeNumber,
} from './inputs.js'
import { listItemsTimed } from '../adapters/runners/list.js'
import { planMode, type PlanOptions } from './plan.js'

export interface ActionDeps {
  readonly io: ActionIO
  readonly artifacts: ArtifactStore
  readonly cache: TimingsCache
}

/** Turns the action's raw inputs into validated plan options. */
export function planInputs(
  io: ActionIO,
  root: string,
  workspace: string,
): Omit<PlanOptions, 'itemsFrom'> & { itemsFrom: string | undefined } {
  const shards = parseShards('shards', io.getInput('shards'))
  const target = io.getInput('target-seconds')
  if (shards === 'auto' && target === '') {
    throw new UsageError(
      '`shards: auto` needs `target-seconds`: the wall time each shard should reach.',
    )
  }
  const itemsFrom = io.getInput('items-from')
  return {
    shards:
      shards === 'auto'
        ? {
            kind: 'auto',
            targetSeconds: parsePositiveSeconds('target-seconds', target),
            maxShards: parseWholeNumber('max-shards', io.getInput('max-shards'), 1, MAX_SHARDS),
          }
        : { kind: 'fixed', count: shards },
    shardOverheadSeconds:
      io.getInput('shard-overhead-seconds') === ''
        ? undefined
        : parseNonNegativeSeconds('shard-overhead-seconds', io.getInput('shard-overhead-seconds')),
    granularity: parseChoice('granularity', io.getInput('granularity'), GRANULARITIES),
    timings: lines(io.getInput('timings')).map((p) => resolve(root, p)),
    patterns: lines(io.getInput('tests')),
    itemsFrom: itemsFrom === '' ? undefined : resolve(root, itemsFrom),
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

/**
 * `mode: plan` — restores the timing history from the cache, finds the tests (globs, a list,
 * or the runner's own listing), plans, uploads the plan (with the history it used) as an
 * artifact for the shards and combine, and outputs the matrix.
 */
export async function actionPlan(deps: ActionDeps): Promise<void> {
  const { io } = deps
  const job = jobContext(io)
  const options = planInputs(io, job.root, job.workspace)
  const timings = [...options.timings]
  if (boolInput(io, 'cache')) {
    const restoreStarted = Date.now()
    const restored = await deps.cache.restore(
      CACHED_STORE,
      job.name,
      job.runId,
      String(job.attempt),
    )
    io.info(`timings cache looked up in ${Date.now() - restoreStarted} ms`)
    const path = resolve(job.workspace, CACHED_STORE)
    if (restored !== undefined && existsSync(path)) timings.unshift(path)
  }
  const command = io.getInput('command')
  let listed: string[] | undefined
  // Without history, the runner's typical costs and its listing's time (a first measure of
  // its start-up) give predictions of the right scale; they are labelled as estimates.
  let prior: Pick<PlanOptions, 'priorCostModel' | 'defaultItemSeconds'> = {}
  if (command.trim() !== '') {
    const resolved = await resolveRunner(
      splitWords(command),
      job.root,
      parseChoice('runner', io.getInput('runner'), ['auto', ...RUNNER_NAMES] as const),
    )
    let startup: number | undefined
    if (options.patterns.length === 0 && options.itemsFrom === undefined) {
      const timed = await listItemsTimed(
        { root: job.root, env: io.env },
        resolved.runner,
        resolved.command,
        io,
      )
      listed = timed.items
      startup = timed.seconds
    }
    const typical = TYPICAL_COSTS[resolved.runner]
    prior = {
      priorCostModel: {
        startupSeconds: startup ?? typical.startupSeconds,
        warmupSeconds: 0,
        workers: 1,
      },
      defaultItemSeconds: typical.fileSeconds,
    }
  }
  const exclude = withoutOwnFiles(job.root, actionDirectory(), io)
  const plan = await planMode(
    {
      ...options,
      ...prior,
      timings,
      ...(listed ? { items: listed } : {}),
      ...(exclude ? { exclude } : {}),
    },
    {
      log: io,
      readStdin: () =>
        Promise.reject(new UsageError('`items-from` cannot be standard input in the action')),
    },
  )
  const planFile = resolve(job.temp, io.getInput('plan-file'))
  await mkdir(dirname(planFile), { recursive: true })
  await writeFile(planFile, `${renderPlanJson(plan)}\n`)

  // The plan artifact carries the history it was planned from: combine merges into it
  // without ever restoring a cache itself (a restore can write anywhere on the runner).
  const stage = await mkdtemp(join(job.temp, 'shardwise-plan-'))
  await copyFile(planFile, join(stage, 'plan.json'))
  const history = resolve(job.workspace, CACHED_STORE)
  if (timings[0] === history) await copyFile(history, join(stage, 'timings.json'))
  const uploadStarted = Date.now()
  await deps.artifacts.upload(artifactName(job.name, { kind: 'plan' }, job.attempt), stage)
  io.info(`plan artifact uploaded in ${Date.now() - uploadStarted} ms`)
  await rm(stage, { recursive: true, force: true })

  io.info(renderPlanTable(plan))
  io.setOutput('matrix', stableStringify(planMatrix(plan)))
  io.setOutput('shard-count', plan.shards.length)
  io.setOutput('plan-file', planFile)
  io.setOutput('predicted-seconds', plan.predictedMakespanSeconds)
  io.setOutput('lower-bound-seconds', plan.lowerBoundSeconds)
  io.setOutput('unknown-items', plan.unknownItems)
}
