import { test } from 'node:test'
import assert from 'node:assert/strict'
import { work } from '../work.js'

test('applies every migration', async () => {
  assert.equal(await work(1600), 1600)
})

test('rolls back the last one', async () => {
  assert.equal(await work(700), 700)
})
