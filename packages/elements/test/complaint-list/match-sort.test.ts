import { expect, fixture, html } from '@open-wc/testing';
import '../../src/define.js';
import type { IprComplaintList } from '../../src/index.js';
import { createIprClient, type IprClient } from '@ipr/client';
import { TOKENS, until } from '../support/helpers.js';

describe('<ipr-complaint-list sort="match">', () => {
  it('asks for sort=match and renders the server order with each row’s band', async () => {
    const asked: URL[] = [];
    const client = createIprClient({
      baseUrl: location.origin,
      token: TOKENS.platform,
      fetch: (input, init) => {
        asked.push(new URL(input instanceof Request ? input.url : String(input), location.origin));
        return fetch(input, init);
      },
    }) as IprClient;
    const el = await fixture<IprComplaintList>(
      html`<ipr-complaint-list .client=${client} sort="match" viewer-role="platform"></ipr-complaint-list>`,
    );
    await until(() => el.shadowRoot?.querySelector('tr.data, .empty'), 15000, 'rows');
    await el.updateComplete;
    const lists = asked.filter((u) => u.pathname === '/v1/complaints');
    expect(lists.length).to.be.greaterThan(0);
    expect(lists.every((u) => u.searchParams.get('sort') === 'match')).to.equal(true);
    // The seeded picture complaints, strongest match first, as the server ordered them.
    expect(el.items.length).to.be.greaterThan(0);
    expect(el.items.every((s) => s.type === 'picture_embezzlement' && s.match)).to.equal(true);
    const distances = el.items.map((s) => s.match?.distance ?? 65);
    expect(distances).to.deep.equal([...distances].sort((a, b) => a - b));
    const rows = [...el.shadowRoot!.querySelectorAll<HTMLTableRowElement>('tr.data')];
    expect(rows.map((r) => r.dataset.id)).to.deep.equal(el.items.slice(0, rows.length).map((s) => s.id));
    const bands = rows.map((r) => r.querySelector<HTMLElement>('.match')?.dataset.band);
    expect(bands).to.deep.equal(el.items.slice(0, rows.length).map((s) => s.match!.band));

    // Back to newest first: the parameter goes, and so do the bands.
    asked.length = 0;
    el.sort = '';
    await until(() => asked.some((u) => u.pathname === '/v1/complaints'), 8000, 'the list again');
    expect(asked.find((u) => u.pathname === '/v1/complaints')!.searchParams.has('sort')).to.equal(false);
    await until(() => el.items.every((s) => !s.match), 8000, 'summaries without match');
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('.match')).to.equal(null);
  });
});
