// Builds dist/: TypeScript to JavaScript (tsc), then one self-contained file per entry (ncc).
import { execFileSync } from 'node:child_process'
import {
  cpSync,
  mkdirSync,
  readFileSync,
  rmSync,
  readdirSync,
  statSync,
  writeFileSync,
} from 'node:fs'
import { join } from 'node:path'
import { parse } from 'yaml'

const run = (cmd, args) => execFileSync(cmd, args, { stdio: 'inherit' })
rmSync('build', { recursive: true, force: true })
rmSync('dist', { recursive: true, force: true })
run(process.execPath, ['node_modules/typescript/bin/tsc', '-p', 'tsconfig.build.json'])
// action.yml's inputs go into the bundle (src/adapters/action-io.ts): the defaults the runner
// applies have one source, and a step without some INPUT_* variable still gets them.
const ioModule = 'build/adapters/action-io.js'
const placeholder = "'__SHARDWISE_ACTION_INPUTS__'"
const compiled = readFileSync(ioModule, 'utf8')
if (compiled.split(placeholder).length !== 2)
  throw new Error(`${ioModule}: expected the inputs placeholder ${placeholder} exactly once`)
const declared = Object.fromEntries(
  Object.entries(parse(readFileSync('action.yml', 'utf8')).inputs ?? {}).map(([name, input]) => [
    name,
    { description: input.description ?? '', default: input.default ?? '' },
  ]),
)
writeFileSync(
  ioModule,
  compiled.replace(placeholder, () => JSON.stringify(JSON.stringify(declared))),
)
const ncc = 'node_modules/@vercel/ncc/dist/ncc/cli.js'
for (const [entry, out] of [
  ['build/action.js', 'dist'],
  ['build/cli-main.js', 'dist/cli'],
]) {
  run(process.execPath, [
    ncc,
    'build',
    entry,
    '-o',
    out,
    '--license',
    'licenses.txt',
    '--quiet',
    '--target',
    'es2022',
  ])
}
// Source maps from ncc embed absolute paths of this machine; they would make dist/ differ by checkout.
for (const dir of ['dist', 'dist/cli']) {
  for (const name of readdirSync(dir)) {
    if (name.endsWith('.map') && statSync(join(dir, name)).isFile()) rmSync(join(dir, name))
  }
}
// Files runners load by path at run time (not bundled): the node:test and Vitest reporters.
mkdirSync('dist/reporters', { recursive: true })
for (const name of readdirSync('src/reporters')) {
  cpSync(join('src/reporters', name), join('dist/reporters', name))
}
