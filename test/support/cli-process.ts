import { spawn, type ChildProcessByStdio } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import type { Readable } from 'node:stream'
import { pathToFileURL } from 'node:url'

const REPO_ROOT = resolve(import.meta.dirname, '../..')
const TSX = pathToFileURL(join(REPO_ROOT, 'node_modules/tsx/dist/loader.mjs')).href
const ENTRY = join(REPO_ROOT, 'src/cli-main.ts')

/** The argv that runs the CLI (TypeScript entry through tsx) with these arguments. */
export function cliArgv(args: readonly string[], nodeOptions: readonly string[] = []): string[] {
  return [process.execPath, ...nodeOptions, '--import', TSX, ENTRY, ...args]
}

/**
 * Starts the CLI as its own process (TypeScript entry through tsx), its stdout and stderr real
 * pipes to this process: for what only real pipes show (EPIPE, a slow reader).
 */
export function spawnCli(
  args: readonly string[],
  options: { cwd: string; env?: NodeJS.ProcessEnv; nodeOptions?: readonly string[] },
): ChildProcessByStdio<null, Readable, Readable> {
  const [node = process.execPath, ...rest] = cliArgv(args, options.nodeOptions)
  return spawn(node, rest, {
    cwd: options.cwd,
    env: options.env ?? { PATH: process.env.PATH ?? '' },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
}

/** Resolves with the exit code (or the signal name) once the process has ended. */
export function exited(child: {
  once(event: 'close', f: (code: number | null, signal: string | null) => void): unknown
}): Promise<number | string> {
  return new Promise((done) => child.once('close', (code, signal) => done(code ?? signal ?? -1)))
}

/** Is the process gone (no such pid, or a zombie waiting to be reaped)? */
export function isGone(pid: number): boolean {
  try {
    process.kill(pid, 0)
  } catch {
    return true
  }
  try {
    return /^\d+ \(.*\) Z/.test(readFileSync(`/proc/${pid}/stat`, 'utf8'))
  } catch {
    return true
  }
}
