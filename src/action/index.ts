import { actionInputs, actionsCoreIO } from '../adapters/action-io.js'
import { actionsArtifactStore } from '../adapters/artifacts.js'
import { actionsTimingsCache } from '../adapters/cache-store.js'
import { upsertComment } from '../adapters/github-comment.js'
import { runAction } from './main.js'

// The action's entry (dist/index.js): one step, on the Actions services.
const inputs = actionInputs()
await runAction(actionsCoreIO(inputs), inputs, (io) => ({
  io,
  artifacts: actionsArtifactStore(io.env.RUNNER_TEMP ?? process.cwd(), io),
  cache: actionsTimingsCache(io),
  comment: (target, body) => upsertComment(target, body, io),
}))
