import { actionsCoreIO, type ActionIO } from './adapters/action-io.js'
import { InternalError, UsageError, describeError } from './core/errors.js'
import { actionPlan } from './modes/action-plan.js'
import { parseChoice } from './modes/inputs.js'

/** The action entry: one mode per step, every failure reported through `setFailed`. */
export async function runAction(io: ActionIO): Promise<void> {
  try {
    const raw = io.getInput('mode')
    if (raw === '') throw new UsageError('`mode` is required: one of `plan`, `run`, `combine`.')
    const mode = parseChoice('mode', raw, ['plan', 'run', 'combine'] as const)
    if (mode === 'plan') {
      await actionPlan(io)
      return
    }
    throw new UsageError(
      `\`mode: ${mode}\` is not available in this version of Shardwise yet; use the CLI (\`npx shardwise\`) for it.`,
    )
  } catch (error) {
    if (error instanceof UsageError) io.setFailed(error.message)
    else if (error instanceof InternalError)
      io.setFailed(`internal error (please report it): ${error.stack ?? error.message}`)
    else
      io.setFailed(error instanceof Error ? (error.stack ?? error.message) : describeError(error))
  }
}

await runAction(actionsCoreIO())
