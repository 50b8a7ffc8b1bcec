import * as core from '@actions/core'
import { neutraliseWorkflowCommands } from '../core/log-guard.js'
import type { Log } from './log.js'

/** The small port the action's modes use instead of `@actions/core` directly. */
export interface ActionIO extends Log {
  /** The raw input value, `''` when unset. */
  getInput(name: string): string
  setOutput(name: string, value: string | number): void
  setFailed(message: string): void
  /** An error annotation (escaped by the toolkit: names cannot inject workflow commands). */
  error(message: string, title: string): void
  /** Appends Markdown to the job summary. */
  summary(markdown: string): Promise<void>
  env: NodeJS.ProcessEnv
}

export function actionsCoreIO(): ActionIO {
  return {
    getInput: (name) => core.getInput(name),
    setOutput: (name, value) => core.setOutput(name, value),
    setFailed: (message) => core.setFailed(message),
    // `core.info` prints as it is; warnings and errors are escaped by the toolkit.
    info: (message) => core.info(neutraliseWorkflowCommands(message)),
    warning: (message) => core.warning(message),
    notice: (message) => core.notice(message),
    error: (message, title) => core.error(message, { title }),
    summary: async (markdown) => {
      await core.summary.addRaw(markdown, true).write()
    },
    env: process.env,
  }
}
