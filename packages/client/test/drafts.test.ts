import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createDraftStore, createStoredDraft } from '../src/index.js';

const sample = {
  draft: { type: 'trademark_infringement' as const, description: 'Copies our logo' },
  evidence: [],
  step: 'evidence' as const,
};

describe('createDraftStore', () => {
  test('memory: save, load, keep the key across saves, clear', async () => {
    const store = createDraftStore({ key: 'mem-' + Math.random(), storage: 'memory' });
    assert.equal(store.kind, 'memory');
    assert.equal(await store.load(), null);
    const first = await store.save(sample);
    assert.match(first.idempotencyKey, /^[0-9a-f-]{36}$/);
    const second = await store.save({ ...sample, step: 'review' });
    assert.equal(second.idempotencyKey, first.idempotencyKey, 'a retried submit reuses the key');
    const loaded = await store.load();
    assert.equal(loaded?.step, 'review');
    assert.equal(loaded?.draft.description, 'Copies our logo');
    await store.clear();
    assert.equal(await store.load(), null);
    const after = await store.save(sample);
    assert.notEqual(after.idempotencyKey, first.idempotencyKey, 'a new draft after success gets a new key');
  });

  test('auto in Node without IndexedDB falls back to memory', () => {
    assert.equal(createDraftStore({}).kind, 'memory');
  });

  test('file: survives a new store (a restart), written atomically, keys side by side', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'ipr-drafts-'));
    const file = join(dir, 'drafts.json');
    try {
      const a = createDraftStore({ key: 'a', storage: { file } });
      const b = createDraftStore({ key: 'b', storage: { file } });
      const saved = await a.save(createStoredDraft(sample));
      await b.save({ ...sample, step: 'basics' });
      const reopened = createDraftStore({ key: 'a', storage: { file } });
      const loaded = await reopened.load();
      assert.deepEqual(loaded, saved);
      assert.equal((await createDraftStore({ key: 'b', storage: { file } }).load())?.step, 'basics');
      assert.deepEqual(
        (await readdir(dir)).filter((f) => f.endsWith('.tmp')),
        [],
        'no temp file left behind',
      );
      assert.deepEqual(Object.keys(JSON.parse(await readFile(file, 'utf8'))).sort(), ['a', 'b']);
      await reopened.clear();
      assert.equal(await a.load(), null);
      assert.ok(await b.load());
      // A damaged file does not throw: the draft is simply absent.
      await writeFile(file, '{ not json');
      assert.equal(await a.load(), null);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  test('quick saves land in order', async () => {
    const store = createDraftStore({ key: 'order-' + Math.random(), storage: 'memory' });
    await Promise.all(
      ['basics', 'evidence', 'review'].map((step) => store.save({ ...sample, step: step as 'basics' })),
    );
    assert.equal((await store.load())?.step, 'review');
  });
});
