/**
 * The Actions results service as the real `@actions/artifact` and `@actions/cache` (v2) clients
 * speak it: JSON Twirp on `POST /twirp/github.actions.results.api.v1.{ArtifactService,CacheService}/{Method}`,
 * authorised by the runtime token's `scp` claim, handing out service-SAS URLs of a {@link BlobStore}.
 *
 * Semantics kept from the real service: artifacts are scoped to a workflow run and their names
 * are unique within it (409 `already_exists`); caches are scoped by ref (a PR reads its base
 * branch's and the default branch's entries and writes its own scope), keys are immutable, and
 * the server matches keys (exact key, then key prefix, then each restore key, newest first).
 */
import { createHash, randomUUID } from 'node:crypto'
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import type { BlobStore } from './azurite.js'

const PREFIX = '/twirp/github.actions.results.api.v1.'
const ARTIFACT_CONTAINER = 'actions-results'
const CACHE_CONTAINER = 'actions-cache'

export type ArtifactMethod =
  | 'CreateArtifact'
  | 'FinalizeArtifact'
  | 'ListArtifacts'
  | 'GetSignedArtifactURL'
  | 'DeleteArtifact'
export type CacheMethod =
  'CreateCacheEntry' | 'FinalizeCacheEntryUpload' | 'GetCacheEntryDownloadURL'
export type TwirpMethod = ArtifactMethod | CacheMethod

const SERVICES: Record<TwirpMethod, 'ArtifactService' | 'CacheService'> = {
  CreateArtifact: 'ArtifactService',
  FinalizeArtifact: 'ArtifactService',
  ListArtifacts: 'ArtifactService',
  GetSignedArtifactURL: 'ArtifactService',
  DeleteArtifact: 'ArtifactService',
  CreateCacheEntry: 'CacheService',
  FinalizeCacheEntryUpload: 'CacheService',
  GetCacheEntryDownloadURL: 'CacheService',
}

/** Twirp error codes and their HTTP statuses. */
const TWIRP_CODES: Record<number, string> = {
  400: 'invalid_argument',
  401: 'unauthenticated',
  403: 'permission_denied',
  404: 'not_found',
  409: 'already_exists',
  412: 'failed_precondition',
  429: 'resource_exhausted',
  500: 'internal',
  501: 'unimplemented',
  502: 'unavailable',
  503: 'unavailable',
  504: 'deadline_exceeded',
}

// ---------------------------------------------------------------------------------------------
// Runtime token

export interface BackendIds {
  readonly runBackendId: string
  readonly jobBackendId: string
}

const base64url = (value: string) => Buffer.from(value, 'utf8').toString('base64url')

/**
 * An `ACTIONS_RUNTIME_TOKEN`: an unsigned-in-spirit JWT (the clients never check the signature)
 * whose `scp` holds `Actions.Results:<runBackendId>:<jobBackendId>` as the runner's does.
 */
export function runtimeToken(ids: BackendIds): string {
  const header = base64url(JSON.stringify({ alg: 'RS256', typ: 'JWT', x5t: 'local' }))
  const now = Math.floor(Date.now() / 1000)
  const payload = base64url(
    JSON.stringify({
      nameid: 'dddddddd-dddd-dddd-dddd-dddddddddddd',
      scp: `Actions.ExampleScope Actions.Results:${ids.runBackendId}:${ids.jobBackendId}`,
      iss: 'vstoken.actions.githubusercontent.com',
      aud: 'vso:local',
      nbf: now - 60,
      exp: now + 6 * 3600,
    }),
  )
  const signature = createHash('sha256').update(`${header}.${payload}`).digest('base64url')
  return `${header}.${payload}.${signature}`
}

/** The backend ids of a runtime token, or undefined when it has no `Actions.Results` scope. */
export function decodeRuntimeToken(token: string): BackendIds | undefined {
  const payload = token.split('.')[1]
  if (!payload) return undefined
  let claims: unknown
  try {
    claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'))
  } catch {
    return undefined
  }
  const scp = (claims as { scp?: unknown } | null)?.scp
  if (typeof scp !== 'string') return undefined
  for (const scope of scp.split(' ')) {
    const parts = scope.split(':')
    if (parts[0] !== 'Actions.Results') continue
    if (parts.length !== 3 || !parts[1] || !parts[2]) return undefined
    return { runBackendId: parts[1], jobBackendId: parts[2] }
  }
  return undefined
}

// ---------------------------------------------------------------------------------------------
// State

/** The cache scope of a workflow run: `ref` is read and written; `baseRef` and the default branch are read. */
export interface RunScope {
  /** e.g. `refs/heads/feature` or `refs/pull/7/merge` */
  readonly ref: string
  /** A pull request's base, e.g. `refs/heads/main` */
  readonly baseRef?: string
  /** A read-only cache token: CreateCacheEntry answers `{ok:false, message:"cache write denied: …"}`. */
  readonly cacheReadOnly?: boolean
}

/** Bytes served instead of (or as) an artifact, straight from this server. */
export interface ForgedArtifact {
  readonly name: string
  readonly body: Buffer
  /** Default `application/zip`. */
  readonly contentType?: string
  readonly contentDisposition?: string
  /** Last path segment of the signed URL (a `.zip` suffix makes the client unzip). Default `<id>.zip`. */
  readonly fileName?: string
  /** `size` in ListArtifacts. Default: the body's length. */
  readonly size?: number
  readonly digest?: string
  readonly jobBackendId?: string
  readonly createdAt?: Date
  /** Send this many bytes (with the full Content-Length), then destroy the socket. */
  readonly truncateAfter?: number
  /** Send this many bytes, then hang until the server stops. */
  readonly stallAfter?: number
}

export interface ArtifactRecord {
  readonly id: number
  readonly runBackendId: string
  readonly jobBackendId: string
  readonly name: string
  /** The blob (`<run>/<job>/artifacts/<sha256(name)>[.zip]`), absent for forged artifacts. */
  readonly blob?: string
  readonly mimeType?: string
  readonly expiresAt?: string
  size: number
  /** What FinalizeArtifact reported, next to what the blob holds (`size`). */
  reportedSize?: number
  digest?: string
  createdAt: Date
  finalized: boolean
  forged?: ForgedArtifact
}

export interface CacheEntryRecord {
  readonly id: number
  readonly key: string
  readonly version: string
  readonly scope: string
  readonly blob: string
  readonly createdBy: BackendIds
  size: number
  createdAt: Date
  finalized: boolean
  lastAccessedAt?: Date
}

export interface TwirpRequestRecord {
  readonly service: 'ArtifactService' | 'CacheService' | 'unknown'
  readonly method: string
  readonly status: number
  readonly ids: BackendIds | undefined
  readonly request: unknown
  readonly response: unknown
  readonly fault: boolean
  readonly at: Date
}

export interface ForgedDownloadRecord {
  readonly artifactId: number
  readonly status: number
  readonly bytesSent: number
  readonly at: Date
}

/**
 * A scripted reply for the next `times` calls of a method (optionally only for one run):
 * `status` (with a Twirp error body unless `body` is given), or only `delayMs` to slow the
 * call down and then serve it normally. The clients retry 429/5xx five times with backoff
 * (about 30 s), so use 4xx, or `times: 1` for a 5xx that the retry absorbs.
 */
export interface TwirpFault {
  readonly status?: number
  readonly code?: string
  readonly msg?: string
  readonly body?: unknown
  readonly headers?: Readonly<Record<string, string>>
  readonly delayMs?: number
  readonly times?: number
  readonly runBackendId?: string
}

export interface TwirpServer {
  /** `http://127.0.0.1:<port>/` (ACTIONS_RESULTS_URL). */
  readonly url: string
  readonly blob: BlobStore
  /** Every call, in order, with request and response bodies. */
  readonly requests: readonly TwirpRequestRecord[]
  readonly forgedDownloads: readonly ForgedDownloadRecord[]
  /** Sets the cache scope of a run (unregistered runs use the default branch). */
  registerRun(runBackendId: string, scope: RunScope): void
  /** Queues a fault for the next `times` (default 1) calls of `method`. */
  fail(method: TwirpMethod, fault: TwirpFault): void
  /** Slows the next `times` (default 1) calls of `method` down by `ms`. */
  delay(method: TwirpMethod, ms: number, options?: { times?: number; runBackendId?: string }): void
  clearFaults(): void
  /**
   * Lists (or, when a finalized artifact of that name exists in the run, replaces the content
   * of) an artifact whose download is served by this server from `forged.body`.
   */
  forgeArtifact(runBackendId: string, forged: ForgedArtifact): ArtifactRecord
  artifacts(runBackendId?: string): readonly ArtifactRecord[]
  cacheEntries(): readonly CacheEntryRecord[]
  stop(): Promise<void>
}

class TwirpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message)
  }
}

const str = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined)
const sha256 = (value: string) => createHash('sha256').update(value).digest('hex')

export async function startTwirp(options: {
  blob: BlobStore
  /** Default `refs/heads/main`. */
  defaultRef?: string
}): Promise<TwirpServer> {
  const { blob } = options
  const defaultRef = options.defaultRef ?? 'refs/heads/main'
  await blob.ensureContainer(ARTIFACT_CONTAINER)
  await blob.ensureContainer(CACHE_CONTAINER)

  const runs = new Map<string, RunScope>()
  const artifacts: ArtifactRecord[] = []
  const caches: CacheEntryRecord[] = []
  const requests: TwirpRequestRecord[] = []
  const forgedDownloads: ForgedDownloadRecord[] = []
  const faults: { method: TwirpMethod; fault: TwirpFault; left: number }[] = []
  const stalled = new Set<ServerResponse>()
  let nextArtifactId = 1
  let nextCacheId = 1
  let origin = ''

  const scopeOf = (ids: BackendIds): RunScope => runs.get(ids.runBackendId) ?? { ref: defaultRef }
  const readableScopes = (ids: BackendIds): string[] => {
    const scope = scopeOf(ids)
    return [...new Set([scope.ref, ...(scope.baseRef ? [scope.baseRef] : []), defaultRef])]
  }

  const takeFault = (method: TwirpMethod, ids: BackendIds | undefined): TwirpFault | undefined => {
    const index = faults.findIndex(
      (f) =>
        f.method === method &&
        f.left > 0 &&
        (f.fault.runBackendId === undefined || f.fault.runBackendId === ids?.runBackendId),
    )
    const found = faults[index]
    if (!found) return undefined
    found.left--
    if (found.left === 0) faults.splice(index, 1)
    return found.fault
  }

  /**
   * The token must be scoped to the run in the request; creating and finalizing also need the
   * token's own job (reads name the uploading job, which may be another one of the run).
   */
  const checkRun = (ids: BackendIds, body: Record<string, unknown>, ownJob = false) => {
    const run = str(body.workflow_run_backend_id)
    const job = str(body.workflow_job_run_backend_id)
    if (!run || !job)
      throw new TwirpError(
        400,
        'invalid_argument',
        'workflow_run_backend_id and workflow_job_run_backend_id are required',
      )
    if (run !== ids.runBackendId) {
      throw new TwirpError(403, 'permission_denied', 'the token is not scoped to this workflow run')
    }
    if (ownJob && job !== ids.jobBackendId) {
      throw new TwirpError(403, 'permission_denied', 'the token is not scoped to this job')
    }
  }

  const artifactJson = (a: ArtifactRecord) => ({
    workflow_run_backend_id: a.runBackendId,
    workflow_job_run_backend_id: a.jobBackendId,
    database_id: String(a.id),
    name: a.name,
    size: String(a.size),
    created_at: a.createdAt.toISOString(),
    ...(a.digest === undefined ? {} : { digest: a.digest }),
  })

  const findArtifact = (runBackendId: string, name: string, finalized: boolean) =>
    artifacts.find(
      (a) => a.runBackendId === runBackendId && a.name === name && a.finalized === finalized,
    )

  // Handlers return a response body (or a promise of one) or throw a TwirpError.
  const handlers: Record<TwirpMethod, (ids: BackendIds, body: Record<string, unknown>) => unknown> =
    {
      CreateArtifact(ids, body) {
        checkRun(ids, body, true)
        const name = str(body.name) ?? ''
        if (!name) throw new TwirpError(400, 'invalid_argument', 'name is required')
        // v4 artifacts and later (the 6.x client sends 7).
        if (typeof body.version !== 'number' || body.version < 4) {
          throw new TwirpError(
            400,
            'invalid_argument',
            `unsupported artifact version ${String(body.version)}`,
          )
        }
        if (artifacts.some((a) => a.runBackendId === ids.runBackendId && a.name === name)) {
          throw new TwirpError(
            409,
            'already_exists',
            'an artifact with this name already exists on the workflow run',
          )
        }
        const mimeType = str(body.mime_type)
        const zip = mimeType === undefined || mimeType === 'application/zip'
        const record: ArtifactRecord = {
          id: nextArtifactId++,
          runBackendId: ids.runBackendId,
          jobBackendId: ids.jobBackendId,
          name,
          blob: `${ids.runBackendId}/${ids.jobBackendId}/artifacts/${sha256(name)}${zip ? '.zip' : ''}`,
          ...(mimeType === undefined ? {} : { mimeType }),
          ...(str(body.expires_at) === undefined ? {} : { expiresAt: str(body.expires_at) ?? '' }),
          size: 0,
          createdAt: new Date(),
          finalized: false,
        }
        artifacts.push(record)
        return {
          ok: true,
          signed_upload_url: blob.signedUrl(ARTIFACT_CONTAINER, record.blob ?? '', 'cw'),
        }
      },

      async FinalizeArtifact(ids, body) {
        checkRun(ids, body, true)
        const record = findArtifact(ids.runBackendId, str(body.name) ?? '', false)
        if (!record?.blob)
          throw new TwirpError(
            404,
            'not_found',
            'no pending artifact with this name on the workflow run',
          )
        const props = await blob.properties(ARTIFACT_CONTAINER, record.blob)
        if (!props)
          throw new TwirpError(412, 'failed_precondition', 'the artifact was not uploaded')
        record.size = props.size
        record.reportedSize = Number(str(body.size) ?? body.size ?? 0)
        const hash = str(body.hash)
        if (hash !== undefined) record.digest = hash
        record.createdAt = new Date()
        record.finalized = true
        return { ok: true, artifact_id: String(record.id) }
      },

      ListArtifacts(ids, body) {
        checkRun(ids, body)
        const nameFilter = str(body.name_filter)
        const idFilter = body.id_filter === undefined ? undefined : Number(body.id_filter)
        const list = artifacts.filter(
          (a) =>
            a.finalized &&
            a.runBackendId === ids.runBackendId &&
            (nameFilter === undefined || a.name === nameFilter) &&
            (idFilter === undefined || a.id === idFilter),
        )
        return { artifacts: list.map(artifactJson) }
      },

      GetSignedArtifactURL(ids, body) {
        checkRun(ids, body)
        const record = findArtifact(ids.runBackendId, str(body.name) ?? '', true)
        if (!record) throw new TwirpError(404, 'not_found', 'artifact not found')
        if (record.forged) {
          return {
            signed_url: `${origin}_forged/${record.id}/${record.forged.fileName ?? `${record.id}.zip`}`,
          }
        }
        const disposition =
          record.mimeType && record.mimeType !== 'application/zip' ? record.name : undefined
        return {
          signed_url: blob.signedUrl(ARTIFACT_CONTAINER, record.blob ?? '', 'r', {
            ...(disposition === undefined
              ? {}
              : { contentDisposition: `attachment; filename="${disposition}"` }),
          }),
        }
      },

      async DeleteArtifact(ids, body) {
        checkRun(ids, body)
        const record = findArtifact(ids.runBackendId, str(body.name) ?? '', true)
        if (!record) throw new TwirpError(404, 'not_found', 'artifact not found')
        artifacts.splice(artifacts.indexOf(record), 1)
        if (record.blob) await blob.delete(ARTIFACT_CONTAINER, record.blob)
        return { ok: true, artifact_id: String(record.id) }
      },

      CreateCacheEntry(ids, body) {
        const key = str(body.key) ?? ''
        const version = str(body.version) ?? ''
        if (!key || key.length > 512)
          throw new TwirpError(400, 'invalid_argument', 'key must be 1 to 512 characters')
        if (!version) throw new TwirpError(400, 'invalid_argument', 'version is required')
        const scope = scopeOf(ids)
        if (scope.cacheReadOnly) {
          return {
            ok: false,
            signed_upload_url: '',
            message: 'cache write denied: the token of this run is read-only',
          }
        }
        if (caches.some((c) => c.scope === scope.ref && c.key === key && c.version === version)) {
          throw new TwirpError(
            409,
            'already_exists',
            'cache entry with the same key, version, and scope already exists',
          )
        }
        const record: CacheEntryRecord = {
          id: nextCacheId++,
          key,
          version,
          scope: scope.ref,
          blob: `${sha256(scope.ref).slice(0, 16)}/${randomUUID()}`,
          createdBy: ids,
          size: 0,
          createdAt: new Date(),
          finalized: false,
        }
        caches.push(record)
        return { ok: true, signed_upload_url: blob.signedUrl(CACHE_CONTAINER, record.blob, 'cw') }
      },

      async FinalizeCacheEntryUpload(ids, body) {
        const key = str(body.key) ?? ''
        const version = str(body.version) ?? ''
        const scope = scopeOf(ids).ref
        const record = caches.find(
          (c) => c.scope === scope && c.key === key && c.version === version && !c.finalized,
        )
        if (!record)
          throw new TwirpError(404, 'not_found', 'no pending cache entry with this key and version')
        const props = await blob.properties(CACHE_CONTAINER, record.blob)
        if (!props)
          throw new TwirpError(412, 'failed_precondition', 'the cache archive was not uploaded')
        const reported = Number(str(body.size_bytes) ?? body.size_bytes)
        if (reported !== props.size) {
          throw new TwirpError(
            400,
            'invalid_argument',
            `size_bytes ${String(reported)} does not match the upload (${props.size})`,
          )
        }
        record.size = props.size
        record.createdAt = new Date()
        record.finalized = true
        return { ok: true, entry_id: String(record.id) }
      },

      GetCacheEntryDownloadURL(ids, body) {
        const key = str(body.key) ?? ''
        const version = str(body.version) ?? ''
        const restoreKeys = Array.isArray(body.restore_keys)
          ? body.restore_keys.filter((k) => typeof k === 'string')
          : []
        const newest = (list: CacheEntryRecord[]) =>
          list.sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime() || b.id - a.id)[0]
        let hit: CacheEntryRecord | undefined
        for (const scope of readableScopes(ids)) {
          const candidates = caches.filter(
            (c) => c.finalized && c.scope === scope && c.version === version,
          )
          hit =
            newest(candidates.filter((c) => c.key === key)) ??
            newest(candidates.filter((c) => c.key.startsWith(key)))
          for (const restoreKey of restoreKeys) {
            if (hit) break
            hit =
              newest(candidates.filter((c) => c.key === restoreKey)) ??
              newest(candidates.filter((c) => c.key.startsWith(restoreKey)))
          }
          if (hit) break
        }
        if (!hit) return { ok: false, signed_download_url: '', matched_key: '' }
        hit.lastAccessedAt = new Date()
        return {
          ok: true,
          signed_download_url: blob.signedUrl(CACHE_CONTAINER, hit.blob, 'r'),
          matched_key: hit.key,
        }
      },
    }

  const send = (
    res: ServerResponse,
    status: number,
    body: unknown,
    headers: Record<string, string> = {},
  ) => {
    res
      .writeHead(status, { 'content-type': 'application/json', ...headers })
      .end(JSON.stringify(body))
  }

  const serveTwirp = async (req: IncomingMessage, res: ServerResponse, raw: Buffer) => {
    const path = new URL(req.url ?? '/', 'http://127.0.0.1').pathname
    const [service = '', method = ''] = path.startsWith(PREFIX)
      ? path.slice(PREFIX.length).split('/')
      : []
    const known = Object.hasOwn(SERVICES, method) && SERVICES[method as TwirpMethod] === service
    const auth = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1]
    const ids = auth === undefined ? undefined : decodeRuntimeToken(auth)
    let request: unknown = undefined
    let status = 200
    let response: unknown
    let headers: Record<string, string> = {}
    let fault = false
    try {
      if (req.method !== 'POST' || !known)
        throw new TwirpError(404, 'bad_route', `no handler for ${req.method ?? ''} ${path}`)
      if (!(req.headers['content-type'] ?? '').startsWith('application/json')) {
        throw new TwirpError(404, 'bad_route', 'only the JSON protocol is served')
      }
      try {
        request = JSON.parse(raw.toString('utf8'))
      } catch {
        throw new TwirpError(400, 'malformed', 'the request body is not JSON')
      }
      if (request === null || typeof request !== 'object' || Array.isArray(request)) {
        throw new TwirpError(400, 'malformed', 'the request body is not a JSON object')
      }
      if (!ids)
        throw new TwirpError(
          401,
          'unauthenticated',
          'a runtime token with an Actions.Results scope is required',
        )
      const scripted = takeFault(method as TwirpMethod, ids)
      if (scripted?.delayMs) await new Promise((done) => setTimeout(done, scripted.delayMs))
      if (scripted?.status !== undefined) {
        fault = true
        status = scripted.status
        const code = scripted.code ?? TWIRP_CODES[status] ?? 'unknown'
        response = scripted.body ?? { code, msg: scripted.msg ?? `injected fault: ${code}` }
        headers = { ...scripted.headers }
      } else {
        response = await handlers[method as TwirpMethod](ids, request as Record<string, unknown>)
      }
    } catch (error) {
      if (!(error instanceof TwirpError)) throw error
      status = error.status
      response = { code: error.code, msg: error.message }
    }
    requests.push({
      service: known ? SERVICES[method as TwirpMethod] : 'unknown',
      method,
      status,
      ids,
      request,
      response,
      fault,
      at: new Date(),
    })
    send(res, status, response, headers)
  }

  const serveForged = (res: ServerResponse, id: number) => {
    const record = artifacts.find((a) => a.id === id && a.forged)
    const forged = record?.forged
    if (!forged) {
      forgedDownloads.push({ artifactId: id, status: 404, bytesSent: 0, at: new Date() })
      res.writeHead(404).end()
      return
    }
    const headers: Record<string, string> = {
      'content-type': forged.contentType ?? 'application/zip',
      'content-length': String(forged.body.length),
      ...(forged.contentDisposition === undefined
        ? {}
        : { 'content-disposition': forged.contentDisposition }),
    }
    res.writeHead(200, headers)
    const cut = forged.truncateAfter ?? forged.stallAfter
    const sent = cut === undefined ? forged.body : forged.body.subarray(0, cut)
    forgedDownloads.push({ artifactId: id, status: 200, bytesSent: sent.length, at: new Date() })
    if (cut === undefined) {
      res.end(sent)
    } else if (forged.truncateAfter !== undefined) {
      res.write(sent, () => res.destroy())
    } else {
      res.write(sent)
      stalled.add(res)
    }
  }

  const server = createServer((req, res) => {
    const chunks: Buffer[] = []
    req.on('data', (c: Buffer) => chunks.push(c))
    req.on('end', () => {
      const path = new URL(req.url ?? '/', 'http://127.0.0.1').pathname
      const forged = /^\/_forged\/(\d+)\//.exec(path)
      if (forged && req.method === 'GET') {
        serveForged(res, Number(forged[1]))
        return
      }
      serveTwirp(req, res, Buffer.concat(chunks)).catch((error: unknown) => {
        send(res, 500, { code: 'internal', msg: String(error) })
      })
    })
  })
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done))
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`

  return {
    url: origin,
    blob,
    requests,
    forgedDownloads,
    registerRun(runBackendId, scope) {
      runs.set(runBackendId, scope)
    },
    fail(method, fault) {
      faults.push({ method, fault, left: fault.times ?? 1 })
    },
    delay(method, ms, opts = {}) {
      faults.push({
        method,
        fault: {
          delayMs: ms,
          ...(opts.runBackendId === undefined ? {} : { runBackendId: opts.runBackendId }),
        },
        left: opts.times ?? 1,
      })
    },
    clearFaults() {
      faults.length = 0
    },
    forgeArtifact(runBackendId, forged) {
      const existing = findArtifact(runBackendId, forged.name, true)
      if (existing) {
        existing.forged = forged
        existing.size = forged.size ?? forged.body.length
        if (forged.digest !== undefined) existing.digest = forged.digest
        return existing
      }
      const record: ArtifactRecord = {
        id: nextArtifactId++,
        runBackendId,
        jobBackendId: forged.jobBackendId ?? randomUUID(),
        name: forged.name,
        size: forged.size ?? forged.body.length,
        ...(forged.digest === undefined ? {} : { digest: forged.digest }),
        createdAt: forged.createdAt ?? new Date(),
        finalized: true,
        forged,
      }
      artifacts.push(record)
      return record
    },
    artifacts(runBackendId) {
      return artifacts.filter((a) => runBackendId === undefined || a.runBackendId === runBackendId)
    },
    cacheEntries() {
      return [...caches]
    },
    async stop() {
      for (const res of stalled) res.destroy()
      server.closeAllConnections()
      await new Promise<void>((done) => server.close(() => done()))
    },
  }
}
