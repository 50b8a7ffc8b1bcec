import { constants, write as fsWrite } from 'node:fs'
import { chmod, lstat, mkdir, readlink, rename, rm, stat, writeFile } from 'node:fs/promises'
import { dirname, isAbsolute, resolve } from 'node:path'
import { UsageError, describeError } from '../core/errors.js'

/** Where a write goes, once links are followed. */
type Destination =
  /** A regular file (or none yet): written whole through a temporary file and a rename. */
  | { readonly kind: 'file'; readonly path: string; readonly mode: number | undefined }
  /** A character device, FIFO or `/dev/stdout`-like path: written to as it is, in place. */
  | { readonly kind: 'stream'; readonly path: string; readonly descriptor?: number | undefined }

const MAX_LINKS = 40

/** `/dev/stdout`, `/dev/fd/3`, `/proc/self/fd/1`: names of open files, not places to rename to. */
function isDescriptorPath(path: string): boolean {
  return /^\/(?:dev\/(?:stdin|stdout|stderr|fd\/\d+)|proc\/[^/]+\/fd\/\d+)$/.test(path)
}

/** The descriptor of this process a path names (`/dev/stdout` → 1), if it names one. */
function ownDescriptor(path: string): number | undefined {
  const named = { '/dev/stdin': 0, '/dev/stdout': 1, '/dev/stderr': 2 }[path]
  if (named !== undefined) return named
  const match = /^\/(?:dev\/fd|proc\/(?:self|thread-self|(\d+))\/fd)\/(\d+)$/.exec(path)
  if (!match || (match[1] !== undefined && Number(match[1]) !== process.pid)) return undefined
  return Number(match[2])
}

/** Writes all of `text` to an open descriptor, which stays open. */
async function writeToDescriptor(fd: number, text: string): Promise<void> {
  const data = Buffer.from(text)
  for (let done = 0; done < data.length;) {
    done += await new Promise<number>((resolve, reject) =>
      fsWrite(fd, data, done, data.length - done, null, (error, written) =>
        error ? reject(error) : resolve(written),
      ),
    )
  }
}

/**
 * Follows `path` to what a write would really change: through symbolic links (to their final
 * target, which may not exist yet), and to a stream for devices and FIFOs.
 */
async function destination(flag: string, path: string): Promise<Destination> {
  let current = path
  for (let hop = 0; hop <= MAX_LINKS; hop++) {
    if (isDescriptorPath(current))
      return { kind: 'stream', path, descriptor: ownDescriptor(current) }
    let info
    try {
      info = await lstat(current)
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT')
        return { kind: 'file', path: current, mode: undefined }
      throw error
    }
    if (info.isSymbolicLink()) {
      const target = await readlink(current)
      current = isAbsolute(target) ? target : resolve(dirname(current), target)
      continue
    }
    if (info.isFile()) return { kind: 'file', path: current, mode: info.mode & 0o7777 }
    if (info.isCharacterDevice() || info.isFIFO()) return { kind: 'stream', path }
    const what = info.isDirectory()
      ? 'a directory'
      : info.isBlockDevice()
        ? 'a block device'
        : info.isSocket()
          ? 'a socket'
          : 'not a regular file'
    throw new UsageError(`${flag} ${path}: ${current} is ${what}; give a file path`)
  }
  throw new UsageError(`${flag} ${path}: more than ${MAX_LINKS} symbolic links in a row (a loop?)`)
}

/**
 * Writes a file the user asked for (`--output`, `--store`, `--report-md`…). A regular file
 * is replaced through a temporary file and a rename, so that a reader never sees half a file
 * and an interrupted write leaves the old one; it keeps its permissions. A symbolic link is
 * written through to its target (the link stays). A device, FIFO or `/dev/stdout`-like path
 * is written to in place, never replaced. A path that cannot be written is the user's to
 * fix: a `UsageError` naming the flag, and no temporary file left behind.
 */
export async function writeOutputFile(flag: string, path: string, text: string): Promise<void> {
  let target: Destination
  try {
    target = await destination(flag, path)
  } catch (error) {
    if (error instanceof UsageError) throw error
    throw new UsageError(`${flag} ${path}: cannot write it (${describeError(error)})`)
  }
  if (target.kind === 'stream') {
    try {
      // Append: for /dev/stdout redirected to a file, truncating would wipe what came before.
      await writeFile(target.path, text, { flag: constants.O_WRONLY | constants.O_APPEND })
    } catch (error) {
      // A socket (how Node and some CI agents connect a child's stdout) cannot be opened by
      // name; one of our own descriptors can still be written to.
      if ((error as NodeJS.ErrnoException).code === 'ENXIO' && target.descriptor !== undefined) {
        try {
          await writeToDescriptor(target.descriptor, text)
          return
        } catch {
          // Fall through to the first error, which names the path.
        }
      }
      throw new UsageError(`${flag} ${path}: cannot write it (${describeError(error)})`)
    }
    return
  }
  const temporary = `${target.path}.${process.pid}.tmp`
  try {
    await mkdir(dirname(target.path), { recursive: true })
    await writeFile(temporary, text)
    if (target.mode !== undefined) await chmod(temporary, target.mode)
    // Checked again just before the rename: what is there now is what gets replaced.
    const now = await stat(target.path).catch(() => undefined)
    if (now !== undefined && !now.isFile())
      throw new UsageError(`${flag} ${path}: ${target.path} is no longer a regular file`)
    await rename(temporary, target.path)
  } catch (error) {
    await rm(temporary, { force: true }).catch(() => undefined)
    if (error instanceof UsageError) throw error
    throw new UsageError(`${flag} ${path}: cannot write it (${describeError(error)})`)
  }
}
