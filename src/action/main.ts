import {
  ACTION_MODES,
  inputsIgnoredBy,
  type ActionIO,
  type InputSpec,
} from '../adapters/action-io.js'
import { InternalError, UsageError, describeError } from '../core/errors.js'
import { parseChoice } from '../options/values.js'
import { actionCombine, type CombineActionDeps } from './combine.js'
import { actionPlan } from './plan.js'
import { actionRun } from './run.js'

/**
 * One step of the action: the mode its `mode` input names, with the services `connect` gives
 * (the Actions artifact service, cache and GitHub API in a real run); every failure reported
 * through `setFailed`, never thrown.
 */
export async function runAction(
  io: ActionIO,
  inputs: ReadonlyMap<string, InputSpec>,
  connect: (io: ActionIO) => CombineActionDeps,
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
    const deps = connect(io)
    if (mode === 'plan') await actionPlan(deps)
    else if (mode === 'run') await actionRun(deps)
    else await actionCombine(deps)
  } catch (error) {
    if (error instanceof UsageError) io.setFailed(error.message)
    else if (error instanceof InternalError)
      io.setFailed(`internal error (please report it): ${error.stack ?? error.message}`)
    else
      io.setFailed(error instanceof Error ? (error.stack ?? error.message) : describeError(error))
  }
}
