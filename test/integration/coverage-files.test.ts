import { spawnSync, type SpawnSyncReturns } from 'node:child_process'
import { mkdir, mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  loadCoverage,
  nodeCoverageFileSystem,
  readGoModulePath,
  type CoverageFileSystem,
  type LoadedCoverage,
} from '../../src/adapters/coverage-files.js'
import { diffCoverage, parseUnifiedDiff } from '../../src/core/coverage/diff.js'
import { CoverageMerger } from '../../src/core/coverage/merge.js'
import type { CoverageModel } from '../../src/core/coverage/model.js'
import { renderCobertura, renderLcov } from '../../src/core/coverage/render.js'
import { summarizeCoverage } from '../../src/core/coverage/summary.js'
import { parseCobertura, parseLcov } from '../support/coverage.js'
import { UsageError } from '../../src/core/errors.js'

const PROJECT = resolve(import.meta.dirname, '../..')

let scratch = ''

beforeAll(async () => {
  scratch = await mkdtemp(join(tmpdir(), 'shardwise-coverage-'))
})

afterAll(async () => {
  await rm(scratch, { recursive: true, force: true })
})

/** Writes files (relative path → content) under a fresh directory and returns it. */
async function tree(name: string, files: Record<string, string | Uint8Array>): Promise<string> {
  const root = join(scratch, name)
  for (const [path, content] of Object.entries(files)) {
    const full = join(root, path)
    await mkdir(dirname(full), { recursive: true })
    await writeFile(full, content)
  }
  await mkdir(root, { recursive: true })
  return root
}

function run(
  command: string,
  args: readonly string[],
  cwd: string,
  env: NodeJS.ProcessEnv = process.env,
): SpawnSyncReturns<string> {
  const result = spawnSync(command, args, { cwd, env, encoding: 'utf8', timeout: 120_000 })
  if (result.status !== 0) {
    throw new Error(
      `${command} ${args.join(' ')} exited ${String(result.status)}:\n${result.stdout}\n${result.stderr}`,
    )
  }
  return result
}

/** The environment for a child Node process, without the coverage hooks of this one. */
function childEnv(): NodeJS.ProcessEnv {
  const env = { ...process.env }
  delete env.NODE_OPTIONS
  delete env.NODE_V8_COVERAGE
  return env
}

function lines(loaded: { readonly coverage: CoverageModel }, path: string): [number, number][] {
  const file = loaded.coverage.get(path)
  if (!file)
    throw new Error(`no coverage for ${path}; have ${[...loaded.coverage.keys()].join(', ')}`)
  return [...file.lines].sort((a, b) => a[0] - b[0])
}

function statuses(loaded: LoadedCoverage, root: string): [string, string][] {
  return loaded.sources.map((s) => [s.path.slice(root.length + 1), s.status])
}

const LCOV_OK = 'TN:\nSF:src/a.js\nFN:1,main\nFNDA:1,main\nDA:1,1\nDA:2,0\nend_of_record\n'

describe('loadCoverage on files and directories', () => {
  it('reads a directory of shard results, passing over JUnit and timings files silently', async () => {
    const root = await tree('shard-dir', {
      'coverage/lcov.info': LCOV_OK,
      'go/cover.out': 'mode: set\nexample.com/m/pkg/x.go:1.1,2.2 1 1\n',
      'junit.xml': '<testsuites><testsuite name="a"/></testsuites>',
      'timings.json': '{"version": 1, "files": {}}',
      'README.md': '# not opened',
      'node_modules/dep/lcov.info': LCOV_OK.replace('src/a.js', 'dep.js'),
    })
    const loaded = await loadCoverage([root], { roots: [root], goModule: 'example.com/m' })
    expect(statuses(loaded, root)).toEqual([
      ['coverage/lcov.info', 'parsed'],
      ['go/cover.out', 'parsed'],
      ['junit.xml', 'not-coverage'],
      ['timings.json', 'not-coverage'],
    ])
    expect([...loaded.coverage.keys()]).toEqual(['pkg/x.go', 'src/a.js'])
    expect(loaded.warnings).toEqual([])
  })

  it('keeps the good records of malformed files and names each file in its warnings (THREATS E4)', async () => {
    const root = await tree('malformed', {
      'a/lcov.info': 'SF:src/a.js\r\nDA:1,3\r\nDA:2,x\r\nDA:3,-2\r\n', // CRLF, bad counts, no end_of_record
      'b/coverage-final.json': '{"src/b.js": {"statementMap": ',
      'c/coverage.xml':
        '<?xml version="1.0"?><!DOCTYPE coverage [<!ENTITY x SYSTEM "file:///etc/passwd">]><coverage>&x;</coverage>',
      'd/coverage.xml':
        '<coverage><packages><package><classes><class filename="src/d.py"><lines><line number="1" hits="2"/></lines></class><class filename="src/e.py"><lines><line number="1"',
      'e/cover.out': 'mode: count\nm/f.go:1.1,1.9 1 4\nm/f.go:oops\n',
    })
    const loaded = await loadCoverage([root], { roots: [root], goModule: 'm' })
    expect(statuses(loaded, root)).toEqual([
      ['a/lcov.info', 'partial'],
      ['b/coverage-final.json', 'rejected'],
      ['c/coverage.xml', 'rejected'],
      ['d/coverage.xml', 'partial'],
      ['e/cover.out', 'partial'],
    ])
    expect(lines(loaded, 'src/a.js')).toEqual([[1, 3]])
    expect(lines(loaded, 'src/d.py')).toEqual([[1, 2]])
    expect(lines(loaded, 'f.go')).toEqual([[1, 4]])
    expect([...loaded.coverage.keys()]).toEqual(['f.go', 'src/a.js', 'src/d.py'])
    for (const source of loaded.sources) {
      expect(source.warnings.length).toBeGreaterThan(0)
      for (const warning of source.warnings) expect(warning).toContain(source.path)
    }
    const byFile = new Map(
      loaded.sources.map((s) => [s.path.slice(root.length + 1), s.warnings.join('\n')]),
    )
    expect(byFile.get('a/lcov.info')).toContain(
      `${join(root, 'a/lcov.info')}:3: DA count "x" is not a whole number`,
    )
    expect(byFile.get('b/coverage-final.json')).toMatch(/not valid JSON.*; the file is ignored$/)
    expect(byFile.get('c/coverage.xml')).toMatch(/internal subset/)
    expect(byFile.get('c/coverage.xml')).not.toContain('root:')
    expect(byFile.get('d/coverage.xml')).toMatch(/truncated/)
  })

  it('refuses a file over the size cap with a clear message and goes on', async () => {
    const big = `SF:big.js\n${'DA:1,1\n'.repeat(300)}end_of_record\n`
    const root = await tree('size-cap', { 'big.info': big, 'small.info': LCOV_OK })
    const loaded = await loadCoverage([root], { roots: [root], maxFileBytes: 1024 })
    expect(statuses(loaded, root)).toEqual([
      ['big.info', 'rejected'],
      ['small.info', 'parsed'],
    ])
    expect(loaded.sources[0]!.warnings[0]).toBe(
      `${join(root, 'big.info')}: ${Buffer.byteLength(big)} bytes is more than the 1024 bytes a coverage file may have; the file is ignored`,
    )
    expect([...loaded.coverage.keys()]).toEqual(['src/a.js'])
  })

  it('warns about an explicitly named file that is empty or of no known format', async () => {
    const root = await tree('explicit', { 'empty.info': '', 'notes.txt': 'hello' })
    const loaded = await loadCoverage([join(root, 'empty.info'), join(root, 'notes.txt')], {
      roots: [root],
    })
    expect(statuses(loaded, root)).toEqual([
      ['empty.info', 'rejected'],
      ['notes.txt', 'rejected'],
    ])
    expect(loaded.warnings[1]).toMatch(/notes\.txt: not a coverage report of a known format/)
  })

  it('reads UTF-16 reports with a byte-order mark', async () => {
    const text = LCOV_OK.replace('src/a.js', 'src/ü.js')
    const utf16 = new Uint8Array([0xff, 0xfe, ...new Uint8Array(Buffer.from(text, 'utf16le'))])
    const root = await tree('utf16', { 'lcov.info': utf16 })
    const loaded = await loadCoverage([root], { roots: [root] })
    expect([...loaded.coverage.keys()]).toEqual(['src/ü.js'])
  })

  it('does not follow symbolic links, and a nonexistent path is a usage error', async () => {
    const secret = await tree('secret', { 'lcov.info': LCOV_OK.replace('src/a.js', 'secret.js') })
    const root = await tree('links', { 'real.info': LCOV_OK })
    await symlink(join(secret, 'lcov.info'), join(root, 'linked.info'))
    const loaded = await loadCoverage([root], { roots: [root] })
    expect([...loaded.coverage.keys()]).toEqual(['src/a.js'])
    await expect(loadCoverage([join(root, 'linked.info')], { roots: [root] })).rejects.toThrow(
      UsageError,
    )
    await expect(loadCoverage([join(root, 'missing')], { roots: [root] })).rejects.toThrow(
      /coverage path .*missing: cannot read it/,
    )
  })

  it('never opens the source files a report names, and excludes those outside the repository (THREATS E1)', async () => {
    const outside = await tree('outside', { 'secret.js': 'const token = "s3cr3t"\n' })
    const root = join(scratch, 'e1/repo')
    await tree('e1/repo', {
      'src/inside.js': 'module.exports = 1\n',
      'coverage/lcov.info': [
        `SF:${join(outside, 'secret.js')}`,
        'DA:1,1',
        'end_of_record',
        'SF:../../outside/secret.js',
        'DA:1,1',
        'end_of_record',
        'SF:/etc/passwd',
        'DA:1,1',
        'end_of_record',
        `SF:${join(root, 'src/inside.js')}`,
        'DA:1,0',
        'end_of_record',
        '',
      ].join('\n'),
    })
    const report = join(root, 'coverage/lcov.info')
    const touched: string[] = []
    const recording: CoverageFileSystem = {
      lstat: (path) => (touched.push(path), nodeCoverageFileSystem.lstat(path)),
      readdir: (path) => (touched.push(path), nodeCoverageFileSystem.readdir(path)),
      open: (path, flags) => (touched.push(path), nodeCoverageFileSystem.open(path, flags)),
    }
    const loaded = await loadCoverage([join(root, 'coverage')], {
      roots: [root],
      fileSystem: recording,
    })
    expect([...new Set(touched)].sort()).toEqual([join(root, 'coverage'), report])
    expect([...loaded.coverage.keys()]).toEqual(['src/inside.js'])
    expect(summarizeCoverage(loaded.coverage).total.lines).toEqual({ found: 1, hit: 0 })
    expect(loaded.sources[0]!.outside).toBe(3)
    expect(loaded.warnings).toEqual([
      expect.stringContaining('3 file(s) outside the repository are excluded'),
    ])
    expect(loaded.warnings.join('\n')).not.toContain('s3cr3t')
  })

  it('reads one run written in several formats once, but adds up reports of one format', async () => {
    const istanbul = JSON.stringify({
      'src/a.js': {
        statementMap: { '0': { start: { line: 1 } }, '1': { start: { line: 2 } } },
        s: { '0': 1, '1': 0 },
      },
    })
    const root = await tree('same-run', {
      'jest/lcov.info': LCOV_OK,
      'jest/coverage-final.json': istanbul,
      'two-runs/lcov-unit.info': LCOV_OK,
      'two-runs/lcov-integration.info': LCOV_OK,
      'polyglot/lcov.info': LCOV_OK.replace('src/a.js', 'web/b.js'),
      'polyglot/cover.out': 'mode: set\nm/x.go:1.1,1.2 1 1\n',
    })
    const jest = await loadCoverage([join(root, 'jest')], { roots: [root] })
    expect(statuses(jest, root)).toEqual([
      ['jest/coverage-final.json', 'duplicate'],
      ['jest/lcov.info', 'parsed'],
    ])
    expect(lines(jest, 'src/a.js')).toEqual([
      [1, 1],
      [2, 0],
    ])
    expect(jest.warnings[0]).toMatch(
      /coverage-final\.json: covers the same files as .*lcov\.info in another format/,
    )

    const twoRuns = await loadCoverage([join(root, 'two-runs')], { roots: [root] })
    expect(lines(twoRuns, 'src/a.js')).toEqual([
      [1, 2],
      [2, 0],
    ])
    const polyglot = await loadCoverage([join(root, 'polyglot')], { roots: [root], goModule: 'm' })
    expect([...polyglot.coverage.keys()]).toEqual(['web/b.js', 'x.go'])
  })
})

describe('real coverage reports from real tools', () => {
  it('merges node:test lcov (node --experimental-test-coverage) from two shard workspaces', async () => {
    const project = {
      'lib.mjs': [
        'export function add(a, b) {',
        '  if (a > 0) {',
        '    return a + b',
        '  }',
        '  return b',
        '}',
        'export function sub(a, b) {',
        '  return a - b',
        '}',
        '',
      ].join('\n'),
      'test/add.test.mjs':
        "import test from 'node:test'\nimport assert from 'node:assert'\nimport { add } from '../lib.mjs'\ntest('add', () => assert.equal(add(1, 2), 3))\n",
      'test/sub.test.mjs':
        "import test from 'node:test'\nimport assert from 'node:assert'\nimport { sub } from '../lib.mjs'\ntest('sub', () => assert.equal(sub(3, 2), 1))\n",
    }
    const shards: LoadedCoverage[] = []
    for (const [index, testFile] of ['test/add.test.mjs', 'test/sub.test.mjs'].entries()) {
      const workspace = await tree(`node-shard-${index + 1}/r`, project)
      const report = join(workspace, 'lcov.info')
      run(
        process.execPath,
        [
          '--test',
          '--experimental-test-coverage',
          '--test-reporter=lcov',
          `--test-reporter-destination=${report}`,
          testFile,
        ],
        workspace,
        childEnv(),
      )
      const loaded = await loadCoverage([report], { workspace, roots: [] })
      expect(loaded.sources[0]!.status).toBe('parsed')
      expect(loaded.coverage.has('lib.mjs')).toBe(true)
      shards.push(loaded)
    }
    const merger = new CoverageMerger()
    for (const shard of shards) merger.add(shard.coverage)
    const merged = merger.result()
    const lib = merged.files.get('lib.mjs')!
    const [first, second] = shards.map((s) => s.coverage.get('lib.mjs')!)
    // Each shard ran one function; merged, both ran and every line's hits are the sums.
    expect(first!.functions.get('add')!.hits).toBeGreaterThan(0)
    expect(first!.functions.get('sub')!.hits).toBe(0)
    expect(second!.functions.get('sub')!.hits).toBeGreaterThan(0)
    expect(lib.functions.get('add')!.hits).toBe(
      first!.functions.get('add')!.hits + second!.functions.get('add')!.hits,
    )
    expect(lib.functions.get('sub')!.hits).toBeGreaterThan(0)
    for (const [line, hits] of lib.lines) {
      expect(hits).toBe((first!.lines.get(line) ?? 0) + (second!.lines.get(line) ?? 0))
    }
    expect(lib.lines.get(8)).toBeGreaterThan(0) // `return a - b`, run by shard 2 only
    expect(summarizeCoverage(new Map([['lib.mjs', lib]])).total.lines.hit).toBeGreaterThan(
      Math.max(
        ...shards.map(
          (s) =>
            summarizeCoverage(new Map([['lib.mjs', s.coverage.get('lib.mjs')!]])).total.lines.hit,
        ),
      ),
    )
    // The merged lcov re-parses to the same model.
    expect(renderLcov(parseLcov(renderLcov(merged.files), { roots: [] }).files)).toBe(
      renderLcov(merged.files),
    )
  })

  it('reads a go test -coverprofile and maps import paths with the go.mod module', async () => {
    const workspace = await tree('go-shard/r', {
      'go.mod': 'module example.com/shardwise/fixture\n\ngo 1.19\n',
      'calc/calc.go': [
        'package calc',
        '',
        'func Add(a, b int) int {',
        '\tif a > 0 {',
        '\t\treturn a + b',
        '\t}',
        '\treturn b',
        '}',
        '',
      ].join('\n'),
      'calc/calc_test.go': [
        'package calc',
        '',
        'import "testing"',
        '',
        'func TestAdd(t *testing.T) {',
        '\tif Add(1, 2) != 3 {',
        '\t\tt.Fatal("bad")',
        '\t}',
        '}',
        '',
      ].join('\n'),
    })
    const profile = join(workspace, 'cover.out')
    run('go', ['test', '-covermode=count', `-coverprofile=${profile}`, './...'], workspace, {
      ...process.env,
      GOFLAGS: '-mod=mod',
      GOPROXY: 'off',
      GOTOOLCHAIN: 'local',
    })
    const goModule = await readGoModulePath(workspace)
    expect(goModule).toBe('example.com/shardwise/fixture')
    const loaded = await loadCoverage([profile], {
      workspace,
      roots: [],
      ...(goModule ? { goModule } : {}),
    })
    expect(loaded.sources[0]).toMatchObject({ format: 'go', status: 'parsed' })
    expect(lines(loaded, 'calc/calc.go')).toEqual([
      [3, 1],
      [4, 1],
      [5, 1],
      [6, 1],
      [7, 0],
    ])
    expect(await readGoModulePath(scratch)).toBeUndefined()
  })

  it('reads jest --coverage as lcov, coverage-final.json and Cobertura (with its DOCTYPE) to the same totals', async () => {
    const workspace = await tree('jest-shard/r', {
      'jest.config.json': '{}',
      'src/math.js': [
        'function add(a, b) {',
        '  if (a > 0 && b > 0) {',
        '    return a + b',
        '  }',
        '  return b',
        '}',
        'const twice = (x) => x * 2',
        'module.exports = { add, twice }',
        '',
      ].join('\n'),
      'src/math.test.js':
        "const { add } = require('./math')\ntest('add', () => { expect(add(1, 2)).toBe(3) })\n",
    })
    run(
      process.execPath,
      [
        join(PROJECT, 'node_modules/jest/bin/jest.js'),
        '--rootDir',
        workspace,
        '--coverage',
        '--coverageReporters=json',
        '--coverageReporters=lcovonly',
        '--coverageReporters=cobertura',
        '--coverageDirectory',
        join(workspace, 'coverage'),
      ],
      workspace,
      childEnv(),
    )
    const coverage = join(workspace, 'coverage')
    const cobertura = await readFile(join(coverage, 'cobertura-coverage.xml'), 'utf8')
    expect(cobertura).toContain('<!DOCTYPE coverage SYSTEM')
    const each = await Promise.all(
      ['lcov.info', 'coverage-final.json', 'cobertura-coverage.xml'].map((name) =>
        loadCoverage([join(coverage, name)], { workspace, roots: [] }),
      ),
    )
    const totals = each.map((loaded) => {
      expect(loaded.warnings).toEqual([])
      expect([...loaded.coverage.keys()]).toEqual(['src/math.js'])
      return summarizeCoverage(loaded.coverage).total
    })
    expect(totals[0]!.lines).toEqual({ found: 5, hit: 4 })
    expect(totals[1]).toEqual(totals[0])
    expect(totals[2]).toEqual(totals[0])
    expect(renderLcov(each[1]!.coverage)).toBe(renderLcov(each[0]!.coverage))

    // The whole directory: the same run in three formats is read once.
    const directory = await loadCoverage([coverage], { workspace, roots: [] })
    expect(directory.sources.map((s) => [s.format, s.status])).toEqual([
      ['cobertura', 'duplicate'],
      ['istanbul', 'duplicate'],
      ['lcov', 'parsed'],
    ])
    expect(summarizeCoverage(directory.coverage).total).toEqual(totals[0])
  })

  it('writes Cobertura that an independent XML parser (Python minidom) reads with the same totals', async () => {
    const model = new Map([
      [
        'src/a&b <c>.js',
        parseLcov(
          'SF:x\nFN:1,f"1"\nFNDA:2,f"1"\nBRDA:2,0,0,1\nBRDA:2,0,1,0\nDA:1,2\nDA:2,1\nDA:3,0\nend_of_record\n',
          { roots: [] },
        ).files.get('x')!,
      ],
      ['top.py', parseLcov('SF:y\nDA:1,1\nend_of_record\n', { roots: [] }).files.get('y')!],
    ])
    const path = join(await tree('cobertura-out', {}), 'coverage.xml')
    await writeFile(path, renderCobertura(model, { sources: [scratch] }))
    const script = [
      'import sys, json, xml.dom.minidom as m',
      'd = m.parse(sys.argv[1]).documentElement',
      'cls = [(c.getAttribute("filename"), len([l for l in c.getElementsByTagName("line") if l.parentNode.parentNode is c])) for c in d.getElementsByTagName("class")]',
      'print(json.dumps({"root": d.tagName, "valid": d.getAttribute("lines-valid"), "covered": d.getAttribute("lines-covered"), "bvalid": d.getAttribute("branches-valid"), "classes": cls}))',
    ].join('\n')
    const result = run('python3', ['-c', script, path], scratch)
    expect(JSON.parse(result.stdout)).toEqual({
      root: 'coverage',
      valid: '4',
      covered: '3',
      bvalid: '2',
      // Packages by directory, sorted: the root package "." comes first.
      classes: [
        ['top.py', 1],
        ['src/a&b <c>.js', 3],
      ],
    })
    const reparsed = parseCobertura(await readFile(path, 'utf8'), { roots: [scratch] })
    expect(summarizeCoverage(reparsed.files).total).toEqual(summarizeCoverage(model).total)
  })

  it('reads the added lines of a real git diff --unified=0, with a rename and quoted Unicode names', async () => {
    const repo = await tree('git-diff', {
      'src/app.js': 'a\nb\nc\n',
      'docs/old name.js': 'x\ny\n',
      'gone.js': 'bye\n',
    })
    const git = (...args: string[]): string =>
      run(
        'git',
        [
          '-c',
          'user.name=t',
          '-c',
          'user.email=t@example.com',
          '-c',
          'core.quotePath=true',
          ...args,
        ],
        repo,
      ).stdout
    git('init', '-q')
    git('add', '-A')
    git('commit', '-q', '-m', 'base')
    await writeFile(join(repo, 'src/app.js'), 'a\nB\nc\nd\n')
    await rm(join(repo, 'docs/old name.js'))
    await writeFile(join(repo, 'docs/new näme.js'), 'x\ny\nz\n')
    await rm(join(repo, 'gone.js'))
    await writeFile(join(repo, 'café x.js'), '1\n2\n')
    git('add', '-A')
    const diff = git('diff', '--cached', '--unified=0', '--find-renames', 'HEAD')
    expect(diff).toContain('"b/caf\\303\\251 x.js"')
    const changed = parseUnifiedDiff(diff)
    expect(
      [...changed]
        .map(([path, set]) => [path, [...set].sort((a, b) => a - b)])
        .sort((a, b) => (String(a[0]) < String(b[0]) ? -1 : 1)),
    ).toEqual([
      ['café x.js', [1, 2]],
      ['docs/new näme.js', [3]],
      ['src/app.js', [2, 4]],
    ])
    const model = parseLcov(
      'SF:src/app.js\nDA:2,1\nDA:4,0\nend_of_record\nSF:café x.js\nDA:1,3\nend_of_record\n',
      {
        roots: [],
      },
    ).files
    expect(diffCoverage(model, changed).total).toEqual({
      changedLines: 5,
      instrumented: 3,
      hit: 2,
      percent: (2 * 100) / 3,
    })
  })
})

describe('volume (THREATS E6)', () => {
  const SHARDS = 64
  const FILES = 5000
  const LINES = 20
  const WORKSPACES = [
    '/home/runner/work/r/r',
    '/Users/runner/work/r/r',
    'D:\\a\\r\\r',
    '/srv/agent/_work/9/s',
  ]

  /** Hits of a line in a shard; every tenth line never runs. */
  function hits(shard: number, file: number, line: number): number {
    return line % 10 === 0 ? 0 : (shard + file + line) % 4
  }

  function shardReport(shard: number): string {
    const workspace = WORKSPACES[shard % WORKSPACES.length]!
    const separator = workspace.includes('\\') ? '\\' : '/'
    const out: string[] = []
    for (let f = 0; f < FILES; f++) {
      out.push(
        'TN:',
        `SF:${workspace}${separator}src${separator}m${Math.floor(f / 100)}${separator}f${f}.js`,
      )
      out.push(
        `FN:1,a${f}`,
        `FN:11,b${f}`,
        `FNDA:${shard % 2},a${f}`,
        `FNDA:0,b${f}`,
        'FNF:2',
        `FNH:${shard % 2}`,
      )
      out.push(`BRDA:5,0,0,${shard % 3 === 0 ? 1 : 0}`, 'BRDA:5,0,1,0', 'BRF:2')
      for (let line = 1; line <= LINES; line++) out.push(`DA:${line},${hits(shard, f, line)}`)
      out.push(`LF:${LINES}`, 'end_of_record')
    }
    out.push('')
    return out.join('\n')
  }

  it(`merges ${SHARDS} shards × lcov of ${FILES} files from four workspaces into the right totals`, async () => {
    const directory = await tree('volume', {})
    let bytes = 0
    for (let shard = 0; shard < SHARDS; shard++) {
      const text = shardReport(shard)
      bytes += Buffer.byteLength(text)
      await writeFile(join(directory, `shard-${shard}.info`), text)
    }
    const rssBefore = process.memoryUsage().rss
    let parseMs = 0
    let mergeMs = 0
    const merger = new CoverageMerger()
    for (let shard = 0; shard < SHARDS; shard++) {
      const started = performance.now()
      const loaded = await loadCoverage([join(directory, `shard-${shard}.info`)], {
        workspace: WORKSPACES[shard % WORKSPACES.length]!,
        roots: [],
      })
      const parsed = performance.now()
      expect(loaded.warnings).toEqual([])
      expect(loaded.coverage.size).toBe(FILES)
      merger.add(loaded.coverage)
      parseMs += parsed - started
      mergeMs += performance.now() - parsed
    }
    const resultStarted = performance.now()
    const merged = merger.result()
    const { total } = summarizeCoverage(merged.files)
    const summaryMs = performance.now() - resultStarted
    const renderStarted = performance.now()
    const lcov = renderLcov(merged.files)
    const renderMs = performance.now() - renderStarted
    const rssAfter = process.memoryUsage().rss

    expect(merged.warnings).toEqual([])
    expect(merged.files.size).toBe(FILES)
    expect(total.lines).toEqual({ found: FILES * LINES, hit: FILES * (LINES - 2) })
    expect(total.functions).toEqual({ found: FILES * 2, hit: FILES })
    expect(total.branches).toEqual({ found: FILES * 2, hit: FILES })
    for (const [f, line] of [
      [0, 1],
      [1234, 7],
      [4999, 19],
    ] as const) {
      let expected = 0
      for (let shard = 0; shard < SHARDS; shard++) expected += hits(shard, f, line)
      const path = `src/m${Math.floor(f / 100)}/f${f}.js`
      expect(merged.files.get(path)!.lines.get(line)).toBe(expected)
    }
    expect(merged.files.get('src/m0/f0.js')!.functions.get('a0')).toEqual({
      line: 1,
      hits: SHARDS / 2,
    })
    expect(lcov.startsWith('TN:\nSF:src/m0/f0.js\n')).toBe(true)

    console.log(
      `coverage volume: ${SHARDS} shards × ${FILES} files (${(bytes / 2 ** 20).toFixed(0)} MiB of lcov): ` +
        `read+parse ${parseMs.toFixed(0)} ms, merge ${mergeMs.toFixed(0)} ms, result+summary ${summaryMs.toFixed(0)} ms, ` +
        `render lcov ${renderMs.toFixed(0)} ms, RSS +${((rssAfter - rssBefore) / 2 ** 20).toFixed(0)} MiB`,
    )
  })
})
