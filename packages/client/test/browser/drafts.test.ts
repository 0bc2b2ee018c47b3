import { expect } from '@open-wc/testing';
import { createDraftStore } from '../../src/index.js';

describe('IndexedDB drafts', () => {
  it('a draft survives a new store (as after a page reload) and keeps its idempotency key', async () => {
    const key = 'wtr-' + Math.random().toString(36).slice(2);
    const first = createDraftStore({ key });
    expect(first.kind).to.equal('indexeddb');
    const saved = await first.save({ draft: { description: '商标侵权 — our logo' }, evidence: [], step: 'evidence' });
    const reopened = createDraftStore({ key, storage: 'indexeddb' });
    const loaded = await reopened.load();
    expect(loaded).to.deep.equal(saved);
    const again = await reopened.save({ ...loaded!, idempotencyKey: undefined, step: 'review' });
    expect(again.idempotencyKey).to.equal(saved.idempotencyKey);
    await reopened.clear();
    expect(await createDraftStore({ key }).load()).to.equal(null);
  });
});
