import { DefaultArtifactClient } from '@actions/artifact'
import { copyFile, lstat, mkdir, mkdtemp, readdir, realpath, rm } from 'node:fs/promises'
import { join, relative, sep } from 'node:path'
import { describeError } from '../core/errors.js'
import type { Log } from './log.js'

/**
 * Artifacts that cross jobs: the plan (plan job → shards, combine), one result per shard and
 * attempt (shards → combine), and the serial fallback's result; and the full JSON report,
 * which combine leaves for people (the job summary and the comment link to it). Names follow one scheme so
 * that anything else in the run is ignored, and each is downloaded into its own directory
 * named by the artifact's numeric id — never by a name a job chose.
 */

export type ArtifactKind =
  { kind: 'plan' } | { kind: 'shard'; index: number } | { kind: 'fallback' } | { kind: 'report' }

const NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/

export function validateInvocationName(name: string): string {
  if (!NAME.test(name)) {
    throw new Error(
      `\`name\` must be 1–64 letters, digits, '.', '_' or '-', starting with a letter or digit; got \`${name}\`.`,
    )
  }
  return name
}

export function artifactName(invocation: string, what: ArtifactKind, attempt: number): string {
  const middle = what.kind === 'shard' ? `shard-${what.index}` : what.kind
  return `${invocation}-${middle}-attempt-${attempt}`
}

/** Reads our own names back; anything that is not of our scheme (or of another invocation) is `undefined`. */
export function parseArtifactName(
  invocation: string,
  name: string,
): (ArtifactKind & { attempt: number }) | undefined {
  if (!name.startsWith(`${invocation}-`)) return undefined
  const rest = name.slice(invocation.length + 1)
  const match = /^(plan|fallback|report|shard-(\d{1,3}))-attempt-(\d{1,4})$/.exec(rest)
  if (!match) return undefined
  const attempt = Number(match[3])
  if (match[1] === 'plan') return { kind: 'plan', attempt }
  if (match[1] === 'fallback') return { kind: 'fallback', attempt }
  if (match[1] === 'report') return { kind: 'report', attempt }
  return { kind: 'shard', index: Number(match[2]), attempt }
}

/**
 * Where people download an artifact: `<server>/<owner>/<repo>/actions/runs/<run id>/artifacts/<id>`,
 * the link upload-artifact gives as `artifact-url`.
 */
export function artifactUrl(
  env: Readonly<Record<string, string | undefined>>,
  id: number,
): string | undefined {
  const server = (env.GITHUB_SERVER_URL ?? 'https://github.com').replace(/\/+$/, '')
  const repository = env.GITHUB_REPOSITORY ?? ''
  const runId = env.GITHUB_RUN_ID ?? ''
  if (!/^[\w.-]+\/[\w.-]+$/.test(repository) || !/^\d+$/.test(runId)) return undefined
  return `${server}/${repository}/actions/runs/${runId}/artifacts/${id}`
}

/** Files bigger than this are not uploaded (a results directory is small). */
const MAX_FILE_BYTES = 512 * 1024 * 1024

/**
 * Copies the regular files under `dir` into a fresh staging directory: symbolic links (which
 * could point at credentials) and special files are skipped with a warning.
 */
export async function stageFiles(
  dir: string,
  temp: string,
  log: Log,
): Promise<{ root: string; files: string[] }> {
  const root = await mkdtemp(join(temp, 'shardwise-stage-'))
  const files: string[] = []
  const walk = async (current: string): Promise<void> => {
    for (const entry of (await readdir(current, { withFileTypes: true })).sort((a, b) =>
      a.name < b.name ? -1 : 1,
    )) {
      const from = join(current, entry.name)
      const rel = relative(dir, from)
      const info = await lstat(from)
      if (info.isSymbolicLink()) {
        log.warning(`${rel}: a symbolic link; not uploaded`)
        continue
      }
      if (info.isDirectory()) {
        await mkdir(join(root, rel), { recursive: true })
        await walk(from)
        continue
      }
      if (!info.isFile()) {
        log.warning(`${rel}: not a regular file; not uploaded`)
        continue
      }
      if (info.size > MAX_FILE_BYTES) {
        log.warning(
          `${rel}: ${info.size} bytes is over the ${MAX_FILE_BYTES}-byte limit; not uploaded`,
        )
        continue
      }
      await copyFile(from, join(root, rel))
      files.push(join(root, rel))
    }
  }
  await walk(dir)
  return { root, files }
}

export interface ArtifactStore {
  /** Uploads the regular files under `dir`; the artifact's id. */
  upload(name: string, dir: string): Promise<number>
  list(): Promise<{ id: number; name: string; size: number }[]>
  /** Downloads into `dest/<id>/` and returns that directory, checked to hold only regular files inside it. */
  download(id: number, dest: string): Promise<string>
}

/**
 * Walks an extracted artifact: anything that is not a regular file or directory, or whose real
 * path leaves the directory, is removed and reported (zip-slip, symlink entries).
 */
export async function sanitizeTree(dir: string, log: Log): Promise<number> {
  const root = await realpath(dir)
  let removed = 0
  const walk = async (current: string): Promise<void> => {
    for (const entry of await readdir(current, { withFileTypes: true })) {
      const path = join(current, entry.name)
      const info = await lstat(path)
      const real = info.isSymbolicLink() ? undefined : await realpath(path)
      const inside = real !== undefined && (real === root || real.startsWith(root + sep))
      if (!inside || (!info.isFile() && !info.isDirectory())) {
        log.warning(
          `artifact entry ${relative(root, path)} is not a plain file inside the artifact; removed`,
        )
        await rm(path, { recursive: true, force: true })
        removed++
        continue
      }
      if (info.isDirectory()) await walk(path)
    }
  }
  await walk(root)
  return removed
}

/** The Actions artifact service through `@actions/artifact`. */
export function actionsArtifactStore(temp: string, log: Log): ArtifactStore {
  const client = new DefaultArtifactClient()
  return {
    async upload(name, dir) {
      const staged = await stageFiles(dir, temp, log)
      if (staged.files.length === 0) throw new Error(`nothing to upload in ${dir}`)
      const { id } = await client.uploadArtifact(name, staged.files, staged.root, {
        retentionDays: 7,
      })
      await rm(staged.root, { recursive: true, force: true })
      if (id === undefined) throw new Error(`artifact ${name}: the service returned no id`)
      return id
    },
    async list() {
      const { artifacts } = await client.listArtifacts()
      return artifacts.map((a) => ({ id: a.id, name: a.name, size: a.size }))
    },
    async download(id, dest) {
      const dir = join(dest, String(id))
      await mkdir(dir, { recursive: true })
      try {
        await client.downloadArtifact(id, { path: dir })
      } catch (error) {
        throw new Error(`artifact ${id} could not be downloaded: ${describeError(error)}`, {
          cause: error,
        })
      }
      await sanitizeTree(dir, log)
      return dir
    },
  }
}
