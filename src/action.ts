import {
  ACTION_MODES,
  actionsCoreIO,
  bundledInputs,
  inputsIgnoredBy,
  type ActionIO,
  type InputSpec,
} from './adapters/action-io.js'
import { actionsArtifactStore } from './adapters/artifacts.js'
import { actionsTimingsCache } from './adapters/cache-store.js'
import { upsertComment } from './adapters/github-comment.js'
import { InternalError, UsageError, describeError } from './core/errors.js'
import { actionCombine } from './modes/action-combine.js'
import { actionPlan } from './modes/action-plan.js'
import { actionRun } from './modes/action-run.js'
import { parseChoice } from './modes/inputs.js'

/** The action entry: one mode per step, every failure reported through `setFailed`. */
export async function runAction(
  io: ActionIO,
  inputs: ReadonlyMap<string, InputSpec>,
): Promise<void> {
  try {
    const raw = io.getInput('mode')
    if (raw === '') throw new UsageError('`mode` is required: one of `plan`, `run`, `combine`.')
    const mode = parseChoice('mode', raw, ACTION_MODES)
    for (const { name, modes } of inputsIgnoredBy(mode, inputs, io)) {
      io.warning(
        `\`${name}\` has no effect in \`mode: ${mode}\` (only ${modes.map((m) => `\`${m}\``).join(' and ')} read it); remove it from this step`,
      )
    }
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

const inputs = bundledInputs()
if (inputs === undefined) {
  // Only a build that skipped scripts/bundle.mjs gets here: without action.yml's defaults,
  // missing inputs would silently read as "off".
  const io = actionsCoreIO(new Map())
  io.setFailed(
    "internal error (please report it): this build of the action does not carry action.yml's inputs; build it with `npm run bundle`",
  )
} else {
  await runAction(actionsCoreIO(inputs), inputs)
}
