import { mkdir, writeFile } from 'node:fs/promises'
import { dirname, resolve } from 'node:path'
import { UsageError } from '../core/errors.js'
import { MAX_SHARDS } from '../core/plan.js'
import { planMatrix, renderPlanJson, renderPlanTable } from '../core/render-plan.js'
import { stableStringify } from '../core/json.js'
import type { ActionIO } from '../adapters/action-io.js'
import {
  GRANULARITIES,
  parseChoice,
  parseNonNegativeSeconds,
  parsePositiveSeconds,
  parseShards,
  parseWholeNumber,
} from './inputs.js'
import { planMode, type PlanOptions } from './plan.js'

function lines(raw: string): string[] {
  return raw
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '')
}

/** Turns the action's raw inputs into validated plan options. */
export function planInputs(io: ActionIO): PlanOptions & { readonly planFile: string } {
  const workspace = io.env.GITHUB_WORKSPACE ?? process.cwd()
  const root = resolve(workspace, io.getInput('working-directory') || '.')
  const shards = parseShards('shards', io.getInput('shards'))
  const target = io.getInput('target-seconds')
  if (shards === 'auto' && target === '') {
    throw new UsageError(
      '`shards: auto` needs `target-seconds`: the wall time each shard should reach.',
    )
  }
  const itemsFrom = io.getInput('items-from')
  const temp = io.env.RUNNER_TEMP ?? root
  return {
    shards:
      shards === 'auto'
        ? {
            kind: 'auto',
            targetSeconds: parsePositiveSeconds('target-seconds', target),
            maxShards: parseWholeNumber('max-shards', io.getInput('max-shards'), 1, MAX_SHARDS),
          }
        : { kind: 'fixed', count: shards },
    shardOverheadSeconds: parseNonNegativeSeconds(
      'shard-overhead-seconds',
      io.getInput('shard-overhead-seconds'),
    ),
    granularity: parseChoice('granularity', io.getInput('granularity'), GRANULARITIES),
    timings: lines(io.getInput('timings')).map((p) => resolve(root, p)),
    patterns: lines(io.getInput('tests')),
    itemsFrom: itemsFrom === '' ? undefined : resolve(root, itemsFrom),
    root,
    roots: [workspace],
    planFile: resolve(temp, io.getInput('plan-file') || 'shardwise-plan.json'),
  }
}

/** `mode: plan` — plan, write the plan file, set the matrix and summary outputs. */
export async function actionPlan(io: ActionIO): Promise<void> {
  const options = planInputs(io)
  const plan = await planMode(options, {
    log: io,
    readStdin: () =>
      Promise.reject(new UsageError('`items-from` cannot be standard input in the action')),
  })
  await mkdir(dirname(options.planFile), { recursive: true })
  await writeFile(options.planFile, `${renderPlanJson(plan)}\n`)
  io.info(renderPlanTable(plan))
  io.setOutput('matrix', stableStringify(planMatrix(plan)))
  io.setOutput('shard-count', plan.shardCount)
  io.setOutput('plan-file', options.planFile)
  io.setOutput('predicted-seconds', plan.predictedMakespanSeconds)
  io.setOutput('lower-bound-seconds', plan.lowerBoundSeconds)
  io.setOutput('unknown-items', plan.unknownItems)
}
