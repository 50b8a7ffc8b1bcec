// Fails when dist/ is not what `npm run bundle` makes from src/ — changed, missing or extra
// (untracked) files alike — so the action never runs code that src/ does not say.
import { execFileSync } from 'node:child_process'

execFileSync(process.execPath, ['scripts/bundle.mjs'], { stdio: 'inherit' })
const status = execFileSync(
  'git',
  ['status', '--porcelain', '--untracked-files=all', '--', 'dist'],
  {
    encoding: 'utf8',
  },
)
if (status.trim() !== '') {
  process.stderr.write(
    `dist/ is stale: 'npm run bundle' changed these files:\n${status}\nRun 'npm run bundle' and commit dist/.\n`,
  )
  execFileSync('git', ['diff', '--stat', '--', 'dist'], { stdio: 'inherit' })
  process.exit(1)
}
process.stdout.write('dist/ is up to date with src/\n')
