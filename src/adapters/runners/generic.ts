import { fileOfId } from '../../core/ids.js'
import { argumentBytes, chunkByArgumentBytes, pathArgument, type RunnerAdapter } from './types.js'

/**
 * Any other command: the shard's files are appended as `./` paths (or replace a `{files}`
 * argument). What passed and failed comes from the JUnit files given with `--junit`; with none,
 * the command's exit status stands for every file it ran.
 */
export const generic: RunnerAdapter = {
  name: 'generic',
  selectsTests: false,
  invocations({ command, items }) {
    const files = [...new Set(items.map(fileOfId))]
    const placeholder = command.indexOf('{files}')
    const before = placeholder < 0 ? command : command.slice(0, placeholder)
    const after = placeholder < 0 ? [] : command.slice(placeholder + 1)
    const chunks = chunkByArgumentBytes(
      files,
      argumentBytes([...before, ...after]),
      (f) => Buffer.byteLength(f) + 2,
    )
    return chunks.map((chunk) => ({
      argv: [...before, ...chunk.map(pathArgument), ...after],
      items: chunk,
    }))
  },
  readOutcomes() {
    // Outcomes come from --junit files or the exit status; see the run mode.
    return Promise.resolve({ tests: [], fileFailures: [] })
  },
}
