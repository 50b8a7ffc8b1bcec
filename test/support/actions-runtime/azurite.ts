/**
 * The blob store behind the signed URLs of the local Actions runtime: Microsoft's Azure Storage
 * emulator (npm `azurite`) as a child process, which enforces service SAS signatures, or, only
 * when Azurite cannot start, a tiny in-process handler that checks none.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { randomUUID } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { resolve } from 'node:path'
import {
  BlobSASPermissions,
  BlobServiceClient,
  generateBlobSASQueryParameters,
  SASProtocol,
  StorageSharedKeyCredential,
} from '@azure/storage-blob'

const REPO_ROOT = resolve(import.meta.dirname, '../../..')
const AZURITE_DIR = resolve(REPO_ROOT, 'node_modules/azurite')
const AZURITE_MAIN = resolve(AZURITE_DIR, 'dist/src/blob/main.js')

/** The emulator's fixed development account. */
export const AZURITE_ACCOUNT = 'devstoreaccount1'

/** The well-known development key, read from Azurite's own package (not retyped). */
export function azuriteAccountKey(): string {
  const source = readFileSync(resolve(AZURITE_DIR, 'dist/src/blob/utils/constants.js'), 'utf8')
  const match = /EMULATOR_ACCOUNT_KEY_STR\s*=\s*"([A-Za-z0-9+/=]+)"/.exec(source)
  if (!match?.[1]) throw new Error('EMULATOR_ACCOUNT_KEY_STR not found in the azurite package')
  return match[1]
}

export type BlobStoreKind = 'azurite' | 'in-process'

export interface BlobProperties {
  readonly size: number
  readonly contentType: string | undefined
}

/** A running blob store addressed path-style: `http://127.0.0.1:<port>/devstoreaccount1/<container>/<blob>`. */
export interface BlobStore {
  readonly kind: BlobStoreKind
  /** Whether SAS signatures are enforced (true for Azurite only). */
  readonly checksSignatures: boolean
  /** `http://127.0.0.1:<port>/devstoreaccount1` */
  readonly accountUrl: string
  readonly accountName: string
  readonly accountKey: string
  /** Creates a container if it is missing. */
  ensureContainer(container: string): Promise<void>
  /** A service SAS URL for one blob: `cw` to upload, `r` to download. */
  signedUrl(
    container: string,
    blob: string,
    permissions: 'cw' | 'r',
    options?: { expiresInSeconds?: number; contentDisposition?: string },
  ): string
  /** Size and content type of a blob, or undefined when it does not exist. */
  properties(container: string, blob: string): Promise<BlobProperties | undefined>
  /** Writes a blob directly (with the account key), e.g. to plant content. */
  put(container: string, blob: string, data: Buffer, contentType?: string): Promise<void>
  delete(container: string, blob: string): Promise<void>
  stop(): Promise<void>
}

type Log = (line: string) => void
const defaultLog: Log = (line) => console.log(`[actions-runtime] ${line}`)

// Every Azurite child is killed when this process exits, however the tests end.
const liveChildren = new Set<ChildProcess>()
let exitHookInstalled = false
function killOnExit(child: ChildProcess): void {
  liveChildren.add(child)
  child.once('exit', () => liveChildren.delete(child))
  if (exitHookInstalled) return
  exitHookInstalled = true
  process.once('exit', () => {
    for (const c of liveChildren) c.kill('SIGKILL')
  })
}

/** A free TCP port on 127.0.0.1 (released before it is returned). */
export async function freePort(): Promise<number> {
  const server = createServer()
  await new Promise<void>((done, fail) => {
    server.once('error', fail)
    server.listen(0, '127.0.0.1', done)
  })
  const { port } = server.address() as AddressInfo
  await new Promise<void>((done) => server.close(() => done()))
  return port
}

function makeStore(
  kind: BlobStoreKind,
  accountUrl: string,
  stopServer: () => Promise<void>,
): BlobStore {
  const accountName = AZURITE_ACCOUNT
  const accountKey = azuriteAccountKey()
  const credential = new StorageSharedKeyCredential(accountName, accountKey)
  const service = new BlobServiceClient(accountUrl, credential, {
    retryOptions: { maxTries: 1 },
  })
  const blob = (container: string, name: string) =>
    service.getContainerClient(container).getBlockBlobClient(name)
  return {
    kind,
    checksSignatures: kind === 'azurite',
    accountUrl,
    accountName,
    accountKey,
    async ensureContainer(container) {
      await service.getContainerClient(container).createIfNotExists()
    },
    signedUrl(container, name, permissions, options = {}) {
      const sas = generateBlobSASQueryParameters(
        {
          containerName: container,
          blobName: name,
          permissions: BlobSASPermissions.parse(permissions),
          expiresOn: new Date(Date.now() + (options.expiresInSeconds ?? 3600) * 1000),
          protocol: SASProtocol.HttpsAndHttp,
          ...(options.contentDisposition === undefined
            ? {}
            : { contentDisposition: options.contentDisposition }),
        },
        credential,
      )
      const path = name
        .split('/')
        .map((segment) => encodeURIComponent(segment))
        .join('/')
      return `${accountUrl}/${container}/${path}?${sas.toString()}`
    },
    async properties(container, name) {
      try {
        const props = await blob(container, name).getProperties()
        return { size: props.contentLength ?? 0, contentType: props.contentType }
      } catch (error) {
        if ((error as { statusCode?: number }).statusCode === 404) return undefined
        throw error
      }
    },
    async put(container, name, data, contentType) {
      await blob(container, name).uploadData(data, {
        ...(contentType === undefined ? {} : { blobHTTPHeaders: { blobContentType: contentType } }),
      })
    },
    async delete(container, name) {
      await blob(container, name).deleteIfExists()
    },
    stop: stopServer,
  }
}

/**
 * Starts Azurite's blob service on 127.0.0.1 as RUNTIME.md prescribes and resolves once it
 * prints "successfully listens on". The child is stopped by `stop()` and killed on process exit;
 * it also exits by itself when this process dies (its stdin pipe closes).
 */
export async function startAzurite(options: { timeoutMs?: number } = {}): Promise<BlobStore> {
  const port = await freePort()
  const args = [
    // Orphan guard: exit when the parent's end of the stdin pipe closes (parent killed).
    '--import',
    'data:text/javascript,process.stdin.on("end",()=>process.exit(0));process.stdin.on("error",()=>process.exit(0));process.stdin.resume()',
    AZURITE_MAIN,
    '--blobHost',
    '127.0.0.1',
    '--blobPort',
    String(port),
    '--inMemoryPersistence',
    '--skipApiVersionCheck',
    '--disableTelemetry',
    '--silent',
  ]
  // Only the development account: a caller's AZURITE_ACCOUNTS would replace it.
  const env = { ...process.env }
  delete env.AZURITE_ACCOUNTS
  const child = spawn(process.execPath, args, {
    cwd: REPO_ROOT,
    stdio: ['pipe', 'pipe', 'pipe'],
    env,
  })
  killOnExit(child)
  let output = ''
  const url = await new Promise<string>((done, fail) => {
    const timer = setTimeout(() => {
      fail(new Error(`Azurite did not listen within ${options.timeoutMs ?? 20_000} ms:\n${output}`))
    }, options.timeoutMs ?? 20_000)
    const onData = (chunk: Buffer) => {
      output += chunk.toString()
      const match = /successfully listens on (http:\/\/127\.0\.0\.1:\d+)/.exec(output)
      if (match?.[1]) {
        clearTimeout(timer)
        done(match[1])
      }
    }
    child.stdout.on('data', onData)
    child.stderr.on('data', onData)
    child.once('error', (error) => {
      clearTimeout(timer)
      fail(error)
    })
    child.once('exit', (code, signal) => {
      clearTimeout(timer)
      fail(new Error(`Azurite exited (${signal ?? String(code)}) before listening:\n${output}`))
    })
  }).catch((error: unknown) => {
    child.kill('SIGKILL')
    throw error
  })
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return
    const exited = new Promise<void>((done) => child.once('exit', () => done()))
    // In-memory persistence: nothing to flush. Azurite's graceful close waits for keep-alive
    // sockets, so give it a moment and then kill it.
    child.kill('SIGTERM')
    const timer = setTimeout(() => child.kill('SIGKILL'), 300)
    await exited
    clearTimeout(timer)
  }
  return makeStore('azurite', `${url}/${AZURITE_ACCOUNT}`, stop)
}

interface StoredBlob {
  data: Buffer
  contentType: string | undefined
  etag: string
  lastModified: Date
}

/**
 * A minimal in-process Blob REST handler (Put Blob, Put Block, Put Block List, Get Blob with
 * Range, Get Properties, Delete, Create Container). It checks NO signatures: only for machines
 * where Azurite cannot start.
 */
export async function startInProcessBlobStore(): Promise<BlobStore> {
  const blobs = new Map<string, StoredBlob>()
  const blocks = new Map<string, Map<string, Buffer>>()
  const containers = new Set<string>()
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = []
    req.on('data', (c: Buffer) => chunks.push(c))
    req.on('end', () => {
      try {
        handleBlobRequest(req, res, Buffer.concat(chunks), { blobs, blocks, containers })
      } catch (error) {
        res.writeHead(500).end(String(error))
      }
    })
  })
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done))
  const { port } = server.address() as AddressInfo
  const stop = () =>
    new Promise<void>((done) => {
      server.closeAllConnections()
      server.close(() => done())
    })
  return makeStore('in-process', `http://127.0.0.1:${port}/${AZURITE_ACCOUNT}`, stop)
}

function handleBlobRequest(
  req: IncomingMessage,
  res: ServerResponse,
  body: Buffer,
  state: {
    blobs: Map<string, StoredBlob>
    blocks: Map<string, Map<string, Buffer>>
    containers: Set<string>
  },
): ServerResponse {
  const url = new URL(req.url ?? '/', 'http://127.0.0.1')
  const [account, container, ...rest] = url.pathname.slice(1).split('/').map(decodeURIComponent)
  const common = {
    'x-ms-request-id': randomUUID(),
    'x-ms-version': '2025-11-05',
    date: new Date().toUTCString(),
  }
  const fail = (status: number, code: string) =>
    res
      .writeHead(status, { ...common, 'x-ms-error-code': code, 'content-type': 'application/xml' })
      .end(`<?xml version="1.0" encoding="utf-8"?><Error><Code>${code}</Code></Error>`)
  if (account !== AZURITE_ACCOUNT || !container) return fail(400, 'InvalidUri')
  const comp = url.searchParams.get('comp')
  if (url.searchParams.get('restype') === 'container') {
    if (req.method === 'PUT') {
      if (state.containers.has(container)) return fail(409, 'ContainerAlreadyExists')
      state.containers.add(container)
      return res.writeHead(201, { ...common, etag: `"${randomUUID()}"` }).end()
    }
    return fail(400, 'UnsupportedHttpVerb')
  }
  const key = `${container}/${rest.join('/')}`
  const stored = state.blobs.get(key)
  const commit = (data: Buffer) => {
    const blob: StoredBlob = {
      data,
      contentType: req.headers['x-ms-blob-content-type']?.toString(),
      etag: `"${randomUUID()}"`,
      lastModified: new Date(),
    }
    state.blobs.set(key, blob)
    state.blocks.delete(key)
    return res
      .writeHead(201, {
        ...common,
        etag: blob.etag,
        'last-modified': blob.lastModified.toUTCString(),
        'x-ms-request-server-encrypted': 'false',
      })
      .end()
  }
  switch (req.method) {
    case 'PUT': {
      if (!state.containers.has(container)) return fail(404, 'ContainerNotFound')
      if (comp === 'block') {
        const id = url.searchParams.get('blockid') ?? ''
        const pending = state.blocks.get(key) ?? new Map<string, Buffer>()
        pending.set(id, body)
        state.blocks.set(key, pending)
        return res.writeHead(201, common).end()
      }
      if (comp === 'blocklist') {
        const pending = state.blocks.get(key) ?? new Map<string, Buffer>()
        const ids = [
          ...body.toString('utf8').matchAll(/<(?:Latest|Uncommitted|Committed)>([^<]*)</g),
        ]
        const parts: Buffer[] = []
        for (const [, id = ''] of ids) {
          const block = pending.get(id)
          if (!block) return fail(400, 'InvalidBlockList')
          parts.push(block)
        }
        return commit(Buffer.concat(parts))
      }
      return commit(body)
    }
    case 'GET':
    case 'HEAD': {
      if (!stored) return fail(404, 'BlobNotFound')
      let data = stored.data
      let status = 200
      const headers: Record<string, string> = {
        ...common,
        etag: stored.etag,
        'last-modified': stored.lastModified.toUTCString(),
        'x-ms-blob-type': 'BlockBlob',
        'accept-ranges': 'bytes',
        'content-type': stored.contentType ?? 'application/octet-stream',
      }
      const range = /^bytes=(\d+)-(\d*)$/.exec(
        (req.headers['x-ms-range'] ?? req.headers.range)?.toString() ?? '',
      )
      if (range) {
        const start = Number(range[1])
        const end = range[2] ? Math.min(Number(range[2]), data.length - 1) : data.length - 1
        headers['content-range'] = `bytes ${start}-${end}/${data.length}`
        data = data.subarray(start, end + 1)
        status = 206
      }
      headers['content-length'] = String(data.length)
      res.writeHead(status, headers)
      return req.method === 'HEAD' ? res.end() : res.end(data)
    }
    case 'DELETE':
      if (!stored) return fail(404, 'BlobNotFound')
      state.blobs.delete(key)
      return res.writeHead(202, common).end()
    default:
      return fail(400, 'UnsupportedHttpVerb')
  }
}

/**
 * Azurite when it starts (the default), else the in-process handler with a clear log line.
 * `mode: 'azurite'` never falls back; `mode: 'in-process'` skips Azurite.
 */
export async function startBlobStore(
  options: { mode?: 'auto' | 'azurite' | 'in-process'; log?: Log; timeoutMs?: number } = {},
): Promise<BlobStore> {
  const mode = options.mode ?? 'auto'
  const log = options.log ?? defaultLog
  if (mode === 'in-process') {
    log('using the in-process blob store (requested): SAS signatures are NOT checked')
    return startInProcessBlobStore()
  }
  try {
    return await startAzurite(
      options.timeoutMs === undefined ? {} : { timeoutMs: options.timeoutMs },
    )
  } catch (error) {
    if (mode === 'azurite') throw error
    log(
      `Azurite could not start (${error instanceof Error ? (error.message.split('\n')[0] ?? '') : String(error)}); ` +
        'FALLING BACK to the in-process blob store: SAS signatures are NOT checked',
    )
    return startInProcessBlobStore()
  }
}
