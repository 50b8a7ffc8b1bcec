import { parseUnifiedDiff } from '../core/coverage/diff.js'
import type { Log } from './log.js'
import { childEnvironment, runProcess } from './process.js'

/** The added lines since `baseRef`, from `git diff` (run without a shell). */
export async function changedLines(
  root: string,
  baseRef: string,
  log: Log,
): Promise<Map<string, Set<number>> | undefined> {
  let stdout = ''
  let stderr = ''
  const result = await runProcess(
    ['git', 'diff', '--unified=0', '--no-color', '--no-ext-diff', `${baseRef}...HEAD`, '--'],
    {
      cwd: root,
      env: childEnvironment(process.env),
      onStdout: (chunk) => (stdout += chunk.toString('utf8')),
      onStderr: (chunk) => (stderr += chunk.toString('utf8')),
    },
  )
  if (result.exitCode !== 0) {
    log.warning(
      `diff coverage skipped: \`git diff ${baseRef}...HEAD\` failed (${result.spawnError ?? stderr.trim().split('\n')[0] ?? `exit ${String(result.exitCode)}`})`,
    )
    return undefined
  }
  return parseUnifiedDiff(stdout)
}
