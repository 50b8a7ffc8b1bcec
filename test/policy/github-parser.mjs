// Runs GitHub's own parser (@actions/workflow-parser) on action and workflow files, in a plain
// Node process: the package imports its JSON schemas without `with { type: 'json' }`, which
// Node refuses and the test runner does not rewrite for node_modules. A loader hook adds the
// attribute. Reads `[{ "kind": "action" | "workflow", "name", "content" }]` on stdin and
// prints `[{ "name", "parsed", "errors": ["…"] }]`.
import { register } from 'node:module'

const hooks = `export async function load(url, context, nextLoad) {
  if (url.startsWith('file:') && url.endsWith('.json'))
    return nextLoad(url, { ...context, importAttributes: { ...context.importAttributes, type: 'json' } })
  return nextLoad(url, context)
}`
register(`data:text/javascript,${encodeURIComponent(hooks)}`)

const { NoOperationTraceWriter, parseWorkflow } = await import('@actions/workflow-parser')
const { parseAction } = await import('@actions/workflow-parser/actions/index')

let input = ''
for await (const chunk of process.stdin) input += chunk
const files = JSON.parse(input)
const out = files.map(({ kind, name, content }) => {
  const parse = kind === 'action' ? parseAction : parseWorkflow
  const result = parse({ name, content }, new NoOperationTraceWriter())
  return {
    name,
    parsed: result.value !== undefined,
    errors: result.context.errors.getErrors().map((e) => e.message),
  }
})
process.stdout.write(JSON.stringify(out))
