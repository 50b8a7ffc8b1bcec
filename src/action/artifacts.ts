import { mkdir } from 'node:fs/promises'
import { UsageError } from '../core/errors.js'
import type { Log } from '../adapters/log.js'
import { parseArtifactName, type ArtifactKind, type ArtifactStore } from '../adapters/artifacts.js'

export interface FoundArtifact {
  readonly id: number
  readonly name: string
  readonly size: number
  readonly what: ArtifactKind & { attempt: number }
}

/** The listed artifacts of this invocation, with names of our scheme only. */
export async function ourArtifacts(
  store: ArtifactStore,
  invocation: string,
  log: Log,
): Promise<FoundArtifact[]> {
  const listed = await store.list()
  if (listed.length >= 1000) {
    log.warning(
      `the run lists ${listed.length} artifacts; the artifact service stops listing at 1,000, so some shard results may be unseen`,
    )
  }
  const out: FoundArtifact[] = []
  for (const artifact of listed) {
    const what = parseArtifactName(invocation, artifact.name)
    if (what) out.push({ ...artifact, what })
  }
  return out.sort((a, b) => a.id - b.id)
}

/**
 * Downloads the newest plan artifact of this invocation up to `attempt`: "re-run failed jobs"
 * does not re-run the plan job, so a re-run shard reads the first attempt's plan — the same
 * split as before.
 */
export async function downloadPlan(
  store: ArtifactStore,
  found: readonly FoundArtifact[],
  attempt: number,
  dest: string,
): Promise<string> {
  const plans = found
    .filter((a) => a.what.kind === 'plan' && a.what.attempt <= attempt)
    .sort((a, b) => b.what.attempt - a.what.attempt)
  const newest = plans[0]
  if (!newest) {
    throw new UsageError(
      'no plan artifact found for this run: the plan job (`mode: plan`) must run first, with the same `name`',
    )
  }
  await mkdir(dest, { recursive: true })
  return store.download(newest.id, dest)
}

/** Downloads every shard result artifact (all attempts) into `dest/<id>/`. */
export async function downloadShards(
  store: ArtifactStore,
  found: readonly FoundArtifact[],
  dest: string,
): Promise<void> {
  await mkdir(dest, { recursive: true })
  for (const artifact of found.filter((a) => a.what.kind === 'shard')) {
    await store.download(artifact.id, dest)
  }
}
