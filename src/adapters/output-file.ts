import { mkdir, rename, rm, writeFile } from 'node:fs/promises'
import { dirname } from 'node:path'
import { UsageError, describeError } from '../core/errors.js'

/**
 * Writes a file the user asked for (`--output`, `--store`, `--report-md`…) through a
 * temporary file and a rename, so that a reader never sees half a file and an interrupted
 * write leaves the old one. A path that cannot be written is the user's to fix: a
 * `UsageError` naming the flag, and no temporary file left behind.
 */
export async function writeOutputFile(flag: string, path: string, text: string): Promise<void> {
  const temporary = `${path}.${process.pid}.tmp`
  try {
    await mkdir(dirname(path), { recursive: true })
    await writeFile(temporary, text)
    await rename(temporary, path)
  } catch (error) {
    await rm(temporary, { force: true }).catch(() => undefined)
    throw new UsageError(`${flag} ${path}: cannot write it (${describeError(error)})`)
  }
}
