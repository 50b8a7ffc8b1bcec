import { actionsCoreIO, type ActionIO } from './adapters/action-io.js'
import { actionsArtifactStore } from './adapters/artifacts.js'
import { actionsTimingsCache } from './adapters/cache-store.js'
import { upsertComment } from './adapters/github-comment.js'
import { InternalError, UsageError, describeError } from './core/errors.js'
import { actionCombine } from './modes/action-combine.js'
import { actionPlan } from './modes/action-plan.js'
import { actionRun } from './modes/action-run.js'
import { parseChoice } from './modes/inputs.js'

/** The action entry: one mode per step, every failure reported through `setFailed`. */
export async function runAction(io: ActionIO): Promise<void> {
  try {
    const raw = io.getInput('mode')
    if (raw === '') throw new UsageError('`mode` is required: one of `plan`, `run`, `combine`.')
    const mode = parseChoice('mode', raw, ['plan', 'run', 'combine'] as const)
    const temp = io.env.RUNNER_TEMP ?? process.cwd()
    const deps = { io, artifacts: actionsArtifactStore(temp, io), cache: actionsTimingsCache(io) }
    if (mode === 'plan') await actionPlan(deps)
    else if (mode === 'run') await actionRun(deps)
    else
      await actionCombine({ ...deps, comment: (target, body) => upsertComment(target, body, io) })
  } catch (error) {
    if (error instanceof UsageError) io.setFailed(error.message)
    else if (error instanceof InternalError)
      io.setFailed(`internal error (please report it): ${error.stack ?? error.message}`)
    else
      io.setFailed(error instanceof Error ? (error.stack ?? error.message) : describeError(error))
  }
}

await runAction(actionsCoreIO())
