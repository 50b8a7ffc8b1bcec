// Builds dist/: TypeScript to JavaScript (tsc), then one self-contained file per entry (ncc).
import { execFileSync } from 'node:child_process'
import { cpSync, mkdirSync, rmSync, readdirSync, statSync } from 'node:fs'
import { join } from 'node:path'

const run = (cmd, args) => execFileSync(cmd, args, { stdio: 'inherit' })
rmSync('build', { recursive: true, force: true })
rmSync('dist', { recursive: true, force: true })
run(process.execPath, ['node_modules/typescript/bin/tsc', '-p', 'tsconfig.build.json'])
const ncc = 'node_modules/@vercel/ncc/dist/ncc/cli.js'
for (const [entry, out] of [
  ['build/action/index.js', 'dist'],
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
