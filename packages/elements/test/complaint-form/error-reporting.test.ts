import { expect, fixture, fixtureCleanup, html } from '@open-wc/testing';
import { createDraftStore } from '@ipr/client';
import '../../src/define.js';
import type { IprComplaintForm, IprDraftErrorEvent, IprErrorEvent } from '../../src/index.js';
import { IprApiError, type ApiError, type IprClient } from '../../src/api.js';
import { TOKENS, check, clientFor, deep, freshProducts, ok, text, type, uniqueKey, until } from '../support/helpers.js';
import { profilesOf } from '../support/profiles.js';

const client = clientFor(TOKENS.complainantA);

/** Every `ipr-draft-error` and `ipr-error` that reaches the document, handled (no console warning). */
function collect() {
  const draft: IprDraftErrorEvent[] = [];
  const other: IprErrorEvent[] = [];
  const onDraft = (e: IprDraftErrorEvent) => {
    e.preventDefault();
    draft.push(e);
  };
  const onOther = (e: IprErrorEvent) => {
    e.preventDefault();
    other.push(e);
  };
  document.addEventListener('ipr-draft-error', onDraft);
  document.addEventListener('ipr-error', onOther);
  return {
    draft,
    other,
    stop: () => {
      document.removeEventListener('ipr-draft-error', onDraft);
      document.removeEventListener('ipr-error', onOther);
    },
  };
}

async function makeForm(key: string, storage: string, formClient: IprClient = client) {
  const el = await fixture<IprComplaintForm>(
    html`<ipr-complaint-form .client=${formClient} draft-key=${key} draft-storage=${storage}></ipr-complaint-form>`,
  );
  await el.draftReady;
  await el.updateComplete;
  return el;
}

/** Replaces a method for one test; the returned function puts the original back. */
function replace<T extends object, K extends keyof T>(target: T, name: K, value: T[K]): () => void {
  const own = Object.getOwnPropertyDescriptor(target, name);
  Object.defineProperty(target, name, { value, configurable: true, writable: true });
  return () => {
    if (own) Object.defineProperty(target, name, own);
    else Reflect.deleteProperty(target, name);
  };
}

const refusal: ApiError = { code: 'server.error', message: 'The server failed.', status: 500, issues: [] };

describe('<ipr-complaint-form> reports the errors it carries on after', () => {
  let events: ReturnType<typeof collect>;
  const restores: (() => void)[] = [];
  beforeEach(() => {
    events = collect();
  });
  afterEach(() => {
    events.stop();
    for (const restore of restores.splice(0).reverse()) restore();
    fixtureCleanup();
  });

  describe('draft storage', () => {
    it('a draft store that fails to open is reported, and the form keeps the draft in memory', async () => {
      const blocked = new DOMException('The database connection is blocked.', 'UnknownError');
      restores.push(
        replace(indexedDB, 'open', () => {
          throw blocked;
        }),
      );
      const key = uniqueKey();
      const el = await makeForm(key, 'indexeddb');
      await until(() => events.draft.length, 8000, 'the draft error');
      const [failure] = events.draft;
      expect(failure!.detail).to.include({ operation: 'load', storage: 'indexeddb', fallback: 'memory' });
      expect(failure!.detail.key).to.equal(el.draftStoreKey);
      expect(failure!.detail.cause).to.equal(blocked);
      expect(failure!.bubbles && failure!.composed).to.equal(true);

      // The form works: the draft is kept (in memory) and a new form on the same page restores it.
      type(deep<HTMLTextAreaElement>(el, '#f-description'), 'Kept in memory while IndexedDB is blocked.');
      await el.saveNow();
      expect(events.draft, 'the memory store saves without errors').to.have.length(1);
      fixtureCleanup();
      const again = await makeForm(key, 'indexeddb');
      await until(() => again.draft.description, 8000, 'the draft restored from memory');
      expect(again.draft.description).to.equal('Kept in memory while IndexedDB is blocked.');
      expect(text(deep(again, '.notice[role=status]'))).to.contain('restored');
      await again.reset();
    });

    it('IndexedDB missing altogether is reported as "open" and the form falls back to memory', async () => {
      restores.push(replace(window, 'indexedDB', undefined as unknown as IDBFactory));
      const el = await makeForm(uniqueKey(), 'indexeddb');
      await until(() => events.draft.length, 8000, 'the draft error');
      expect(events.draft[0]!.detail).to.include({ operation: 'open', fallback: 'memory' });
      expect(String(events.draft[0]!.detail.cause)).to.contain('IndexedDB is not available');
      type(deep<HTMLTextAreaElement>(el, '#f-description'), 'Still saved.');
      await el.saveNow();
      expect(events.draft).to.have.length(1);
    });

    it('a save that fails is reported with its cause; the form keeps what was entered', async () => {
      const el = await makeForm(uniqueKey(), 'indexeddb');
      const full = new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      restores.push(
        replace(IDBObjectStore.prototype, 'put', () => {
          throw full;
        }),
      );
      type(deep<HTMLTextAreaElement>(el, '#f-description'), 'Not kept on this device.');
      await el.saveNow();
      // (The debounced save of the same change may have failed too: each failure is reported.)
      expect(events.draft.length).to.be.greaterThan(0);
      expect(events.draft.map((e) => e.detail.operation)).to.satisfy((ops: string[]) => ops.every((o) => o === 'save'));
      expect(events.draft[0]!.detail).to.include({ cause: full, fallback: null, key: el.draftStoreKey });
      expect(el.draft.description).to.equal('Not kept on this device.');
    });

    it('a saved draft that cannot be cleared is reported; "start over" still empties the form', async () => {
      const el = await makeForm(uniqueKey(), 'indexeddb');
      type(deep<HTMLTextAreaElement>(el, '#f-description'), 'To be cleared.');
      await el.saveNow();
      restores.push(
        replace(IDBObjectStore.prototype, 'delete', () => {
          throw new DOMException('Read only.', 'ReadOnlyError');
        }),
      );
      await el.reset();
      expect(events.draft.map((e) => e.detail.operation)).to.deep.equal(['clear']);
      expect(el.draft.description).to.equal('');
    });

    it('an error no listener handles goes to the console', async () => {
      events.stop();
      const warned: unknown[][] = [];
      restores.push(replace(console, 'warn', (...args: unknown[]) => void warned.push(args)));
      restores.push(replace(window, 'indexedDB', undefined as unknown as IDBFactory));
      await makeForm(uniqueKey(), 'indexeddb');
      expect(warned.map((args) => String(args[0]))).to.include('[ipr] ipr-draft-error: open failed');
    });
  });

  describe('look-ups', () => {
    it('a token the API refuses is reported (account); the form works with its draft in memory only', async () => {
      const el = await makeForm(uniqueKey(), 'indexeddb', clientFor('not-a-valid-token'));
      await until(() => events.other.length, 8000, 'the account error');
      expect(events.other[0]!.detail.operation).to.equal('account');
      expect((events.other[0]!.detail.cause as ApiError).status).to.equal(401);
      expect(el.draftStoreKey).to.equal(undefined);
      type(deep<HTMLTextAreaElement>(el, '#f-description'), 'Typed without an account.');
      await el.updateComplete;
      expect(el.draft.description).to.equal('Typed without an account.');
    });

    it('saved holders that cannot be loaded are reported and shown at the select, with a retry', async () => {
      let fail = true;
      const profiles = profilesOf(client);
      const flaky: IprClient = {
        ...client,
        holderProfiles: {
          ...profiles,
          list: (opts) => (fail ? Promise.resolve({ error: refusal }) : profiles.list(opts)),
        },
      };
      const el = await makeForm(uniqueKey(), 'memory', flaky);
      check(deep<HTMLInputElement>(el, '#f-holder'), false);
      await until(() => events.other.some((e) => e.detail.operation === 'holder-profiles'), 8000, 'the error');
      await el.updateComplete;
      // The look-up's task got the refusal thrown as an IprApiError (an Error carrying its code and status).
      const cause = events.other.find((e) => e.detail.operation === 'holder-profiles')!.detail.cause;
      expect(cause).to.be.instanceOf(IprApiError).and.to.include({ code: refusal.code, status: refusal.status });
      expect(text(deep(el, '#profiles-error'))).to.contain('The server failed.');
      expect(deep(el, '#f-holder-profile').getAttribute('aria-describedby')).to.equal('profiles-error');
      await expect(el).to.be.accessible();
      fail = false;
      deep<HTMLButtonElement>(el, '#profiles-error button').click();
      await until(() => !deep<HTMLSelectElement>(el, '#f-holder-profile').disabled, 8000, 'the saved holders');
      await el.updateComplete;
      expect(el.shadowRoot!.querySelector('#profiles-error')).to.equal(null);
    });

    it('names for restored links that cannot be looked up are reported; the links are shown', async () => {
      const [product] = await freshProducts(client, 1);
      const key = uniqueKey();
      const { id } = await ok(client.account.get());
      await createDraftStore({ key: `${key}:${id}`, storage: 'memory' }).save({
        step: 'review',
        evidence: [],
        draft: { type: 'trademark_infringement', productLinks: [product!.url], description: 'Restored.' },
      });
      const noNames: IprClient = {
        ...client,
        products: { ...client.products, resolveLinks: () => Promise.resolve({ error: refusal }) },
      };
      const el = await makeForm(key, 'memory', noNames);
      await until(() => events.other.some((e) => e.detail.operation === 'product-names'), 8000, 'the error');
      await el.updateComplete;
      expect(el.step).to.equal('review');
      expect(text(deep(el, '.review'))).to.contain(product!.url);
      await el.reset();
    });
  });
});
