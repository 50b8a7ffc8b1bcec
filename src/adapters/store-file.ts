import { hostname } from 'node:os'
import { mkdir, open, readFile, readdir, realpath, rm, stat } from 'node:fs/promises'
import { basename, dirname, join } from 'node:path'
import { randomUUID } from 'node:crypto'
import { describeError } from '../core/errors.js'
import {
  STORE_VERSION,
  encodeStore,
  readStoreDocument,
  type StoreDocument,
  type TimingStore,
} from '../core/contracts/store.js'
import { JsonFileError, readJsonFile } from './json-file.js'
import type { Log } from './log.js'
import { writeOutputFile } from './output-file.js'

/**
 * The timings store on disk (`.shardwise/timings.json`, `--store`): read, and updated by
 * several runs that may finish at the same moment (four `combine` jobs, two local `test`s).
 * An update takes a lock file beside the store, reads the store again under it, merges and
 * writes it whole (temporary file and rename), so no run's timings are lost to another's
 * write. A store written by a newer Shardwise, or a JSON file that is not a store at all, is
 * never overwritten. A store that cannot be written is a warning: timings are advice, and
 * the verdict and report never wait on them.
 */

export type StoreRead =
  | { readonly kind: 'missing' }
  | StoreDocument
  /** Not JSON, or a store too damaged to use: a new one replaces it. */
  | { readonly kind: 'corrupt'; readonly reason: string }

export async function readStoreFile(path: string): Promise<StoreRead> {
  try {
    return await readJsonFile('--store', path, readStoreDocument)
  } catch (error) {
    if (!(error instanceof JsonFileError)) throw error
    return error.problem === 'missing'
      ? { kind: 'missing' }
      : { kind: 'corrupt', reason: error.detail }
  }
}

/** Reads the store for planning and history: `undefined` (with a warning) when unusable. */
export async function readStore(path: string, log: Log): Promise<TimingStore | undefined> {
  const read = await readStoreFile(path)
  switch (read.kind) {
    case 'store':
      return read.store
    case 'missing':
      return undefined
    case 'newer':
      log.warning(
        `${path}: a timings store of version ${read.version}, written by a newer Shardwise; it is not read here, and not overwritten`,
      )
      return undefined
    case 'foreign':
      log.warning(`${path}: not a Shardwise timings store; it is not read, and not overwritten`)
      return undefined
    case 'corrupt':
      log.warning(`${path}: corrupt timings store (${read.reason}); a new one is started`)
      return undefined
  }
}

export interface UpdateOptions {
  /** How long to wait for another run's lock before giving up (default 60 s). */
  readonly lockTimeoutMs?: number
  /** A lock older than this is abandoned whoever holds it (default 10 min). */
  readonly staleLockMs?: number
}

/**
 * Folds one run into the store: under the store's lock, `update` gets the store as it is now
 * (another run may have written it since we first read it) and returns the new one. Returns
 * whether the store was written; every reason it was not is a warning, never an error.
 */
export async function updateStore(
  path: string,
  update: (current: TimingStore | undefined) => TimingStore,
  log: Log,
  options: UpdateOptions = {},
): Promise<boolean> {
  const target = await realpath(path).catch(() => path)
  let lock: Lock
  try {
    await mkdir(dirname(target), { recursive: true })
    lock = await acquireLock(`${target}.lock`, options)
  } catch (error) {
    log.warning(`timings not saved to ${path}: ${describeError(error)}`)
    return false
  }
  try {
    const current = await readStoreFile(path)
    if (current.kind === 'newer') {
      log.warning(
        `timings not saved: ${path} is a store of version ${current.version}, written by a newer Shardwise; this one (version ${STORE_VERSION}) leaves it as it is. Upgrade Shardwise, or give --store another file.`,
      )
      return false
    }
    if (current.kind === 'foreign') {
      log.warning(
        `timings not saved: ${path} is not a Shardwise timings store, and is left as it is; give --store another file`,
      )
      return false
    }
    await removeStaleTemporaries(target)
    const next = update(current.kind === 'store' ? current.store : undefined)
    await writeOutputFile('--store', path, `${encodeStore(next, 2)}\n`)
    return true
  } catch (error) {
    log.warning(`timings not saved to ${path}: ${describeError(error)}`)
    return false
  } finally {
    await lock.release()
  }
}

interface Lock {
  release(): Promise<void>
}

interface LockOwner {
  readonly pid: number
  readonly host: string
  readonly token: string
  readonly since: string
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    // EPERM: it exists, under another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
}

const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms))

/**
 * An exclusive lock: a file created with O_EXCL holding its owner. A lock whose owner died on
 * this host, or that is older than `staleLockMs`, is taken over (a `kill -9` leaves one).
 */
async function acquireLock(path: string, options: UpdateOptions): Promise<Lock> {
  const owner: LockOwner = {
    pid: process.pid,
    host: hostname(),
    token: randomUUID(),
    since: new Date().toISOString(),
  }
  const deadline = Date.now() + (options.lockTimeoutMs ?? 60_000)
  const staleMs = options.staleLockMs ?? 10 * 60_000
  for (let attempt = 0; ; attempt++) {
    try {
      const handle = await open(path, 'wx')
      try {
        await handle.writeFile(`${JSON.stringify(owner)}\n`)
      } finally {
        await handle.close()
      }
      return {
        release: async () => {
          // Only our own lock: a run that took over a lock it judged stale has its own.
          const now = await readFile(path, 'utf8').catch(() => '')
          if (now.includes(owner.token)) await rm(path, { force: true })
        },
      }
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error
    }
    const holder = await readLockOwner(path)
    if (holder.stale(staleMs)) {
      await rm(path, { force: true })
      continue
    }
    if (Date.now() > deadline) {
      throw new Error(
        `${path} is held by ${holder.describe()}; if no Shardwise is running, remove it`,
      )
    }
    await sleep(Math.min(500, 20 * 2 ** Math.min(attempt, 5)) * (0.5 + Math.random()))
  }
}

async function readLockOwner(
  path: string,
): Promise<{ stale(ms: number): boolean; describe(): string }> {
  let owner: Partial<LockOwner> = {}
  let ageMs = 0
  try {
    ageMs = Date.now() - (await stat(path)).mtimeMs
    owner = JSON.parse(await readFile(path, 'utf8')) as Partial<LockOwner>
  } catch {
    // Gone already, or being written: judged by its age alone.
  }
  const pid = typeof owner.pid === 'number' ? owner.pid : undefined
  return {
    stale: (ms) =>
      ageMs > ms ||
      (pid !== undefined && owner.host === hostname() && pid !== process.pid && !isAlive(pid)),
    describe: () =>
      pid === undefined
        ? 'another run'
        : `process ${pid} on ${String(owner.host)} since ${String(owner.since)}`,
  }
}

/**
 * Temporary files of writes that never finished (`timings.json.<pid>.tmp` of a process killed
 * mid-write): removed once their process is gone, or after an hour whatever the pid says.
 */
async function removeStaleTemporaries(target: string): Promise<void> {
  const dir = dirname(target)
  const prefix = `${basename(target)}.`
  let names: string[]
  try {
    names = await readdir(dir)
  } catch {
    return
  }
  for (const name of names) {
    if (!name.startsWith(prefix)) continue
    const pid = /^(\d+)\.tmp$/.exec(name.slice(prefix.length))?.[1]
    if (pid === undefined || Number(pid) === process.pid) continue
    const path = join(dir, name)
    const old = await stat(path)
      .then((info) => Date.now() - info.mtimeMs > 60 * 60_000)
      .catch(() => false)
    if (old || !isAlive(Number(pid))) await rm(path, { force: true }).catch(() => undefined)
  }
}
