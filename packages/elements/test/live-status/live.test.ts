import { expect, fixture, fixtureCleanup, html, oneEvent } from '@open-wc/testing';
import { createIprClient } from '@ipr/client';
import '../../src/define.js';
import type { IprComplaintDetail, IprComplaintList, IprComplaintUpdatedEvent, IprClient } from '../../src/index.js';
import { TOKENS, clientFor, deep, fileComplaint, ok, text, until } from '../support/helpers.js';

const platform = clientFor(TOKENS.platform);

/** A real client whose `events.subscribe` and `complaints.list` calls are counted (requests still go to the API). */
function counted(token: string = TOKENS.complainantA) {
  const real = clientFor(token);
  const counts = { subscribe: 0, unsubscribe: 0, list: 0 };
  const client: IprClient = {
    ...real,
    complaints: {
      ...real.complaints,
      list: (query, opts) => {
        counts.list++;
        return real.complaints.list(query, opts);
      },
    },
    events: {
      subscribe: (onEvent, opts) => {
        counts.subscribe++;
        const stop = real.events!.subscribe(onEvent, opts);
        return () => {
          counts.unsubscribe++;
          stop();
        };
      },
    },
  };
  return { client, counts };
}

const liveState = (el: Element) => el.shadowRoot?.querySelector<HTMLElement>('[part=live]')?.dataset.state;
const rowOf = (el: IprComplaintList, id: string) =>
  el.shadowRoot!.querySelector<HTMLTableRowElement>(`tr.data[data-id="${id}"]`);

/** Collects ipr-complaint-updated events of `el`. */
function updates(el: HTMLElement) {
  const seen: IprComplaintUpdatedEvent['detail'][] = [];
  el.addEventListener('ipr-complaint-updated', (e) => seen.push(e.detail));
  return seen;
}

describe('live status (GET /v1/events)', () => {
  afterEach(() => fixtureCleanup());

  it('the list updates a row in place when the platform forwards the complaint from another client', async () => {
    const { client, counts } = counted();
    const complaint = await fileComplaint(client);
    const el = await fixture<IprComplaintList>(html`<ipr-complaint-list .client=${client}></ipr-complaint-list>`);
    const seen = updates(el);
    await until(() => rowOf(el, complaint.id), 8000, 'the row');
    await until(() => liveState(el) === 'open', 8000, 'the live stream');
    expect(text(el.shadowRoot!.querySelector('[part=live]'))).to.contain('Live');
    const listCalls = counts.list;
    const row = rowOf(el, complaint.id)!;
    expect(row.querySelector('[data-status]')!.getAttribute('data-status')).to.equal('submitted');

    await ok(platform.complaints.act(complaint.id, 'forward_to_supplier'));

    await until(
      () => rowOf(el, complaint.id)?.querySelector('[data-status=awaiting_supplier]'),
      8000,
      'the row to show the new status',
    );
    expect(text(rowOf(el, complaint.id)!.querySelector('.badge'))).to.equal('Awaiting supplier');
    const updated = el.items.find((s) => s.id === complaint.id)!;
    expect(Date.parse(updated.updatedAt)).to.be.greaterThan(Date.parse(complaint.updatedAt) - 1);
    expect(seen).to.deep.include({ id: complaint.id, status: 'awaiting_supplier', action: 'forward_to_supplier' });
    expect(counts.list).to.equal(listCalls, 'no reload for a row that is shown');
  });

  it('a new complaint matching the filters appears without a reload; one that does not match is ignored', async () => {
    const { client } = counted();
    const other = clientFor(TOKENS.complainantA);
    const el = await fixture<IprComplaintList>(
      html`<ipr-complaint-list .client=${client} status="submitted"></ipr-complaint-list>`,
    );
    await until(() => el.shadowRoot!.querySelector('tr.data, .empty'), 8000, 'the first page');
    await until(() => liveState(el) === 'open', 8000, 'the live stream');
    const total = el.total;
    const seen = updates(el);
    const viewport = deep(el, '.viewport');
    const fresh = await fileComplaint(other);
    await until(() => rowOf(el, fresh.id), 8000, 'the new complaint in the list');
    expect(el.items[0]!.id).to.equal(fresh.id, 'newest first');
    expect(el.total).to.equal(total + 1);
    expect(deep(el, '.viewport')).to.equal(viewport, 'the table was not rebuilt');
    await until(
      () => seen.some((d) => d.id === fresh.id && d.action === 'create'),
      4000,
      'ipr-complaint-updated for the new complaint',
    );

    // Forwarded: its status no longer matches the filter, but the row stays and shows the change.
    await ok(platform.complaints.act(fresh.id, 'forward_to_supplier'));
    await until(() => rowOf(el, fresh.id)?.querySelector('[data-status=awaiting_supplier]'), 8000, 'the row updated');
  });

  it('the detail view fetches the complaint again when it changes elsewhere', async () => {
    const { client } = counted();
    const complaint = await fileComplaint(client);
    const el = await fixture<IprComplaintDetail>(
      html`<ipr-complaint-detail .client=${client} complaint-id=${complaint.id}></ipr-complaint-detail>`,
    );
    await until(() => el.shadowRoot!.querySelector('[part=header]'), 8000, 'the complaint');
    await until(() => liveState(el) === 'open', 8000, 'the live stream');
    expect(el.shadowRoot!.querySelectorAll('ol.history li')).to.have.length(1);
    setTimeout(() => void platform.complaints.act(complaint.id, 'forward_to_supplier'));
    const event = await oneEvent(el, 'ipr-complaint-updated');
    expect(event.detail).to.deep.equal({
      id: complaint.id,
      status: 'awaiting_supplier',
      action: 'forward_to_supplier',
    });
    await until(() => el.shadowRoot!.querySelectorAll('ol.history li').length === 2, 8000, 'the refetched history');
    expect(text(deep(el, '.status'))).to.equal('Awaiting supplier');
    expect(deep(el, 'ol.history li:last-child').dataset.action).to.equal('forward_to_supplier');
  });

  it('a list and a detail on one client share one stream, closed when both leave', async () => {
    const { client, counts } = counted();
    const complaint = await fileComplaint(client);
    const host = await fixture<HTMLDivElement>(html`<div>
      <ipr-complaint-list .client=${client}></ipr-complaint-list>
      <ipr-complaint-detail .client=${client} complaint-id=${complaint.id}></ipr-complaint-detail>
    </div>`);
    const list = host.querySelector<IprComplaintList>('ipr-complaint-list')!;
    const detail = host.querySelector<IprComplaintDetail>('ipr-complaint-detail')!;
    await until(() => liveState(list) === 'open' && liveState(detail) === 'open', 8000, 'both live');
    expect(counts.subscribe).to.equal(1);
    list.remove();
    await new Promise((r) => setTimeout(r, 20));
    expect(counts.unsubscribe).to.equal(0, 'the detail still listens');
    detail.remove();
    await until(() => counts.unsubscribe === 1, 2000, 'the stream closed');
  });

  it('live="false" opens no stream; turning it on subscribes; a new client resubscribes', async () => {
    const first = counted();
    const el = await fixture<IprComplaintList>(
      html`<ipr-complaint-list .client=${first.client} live="false"></ipr-complaint-list>`,
    );
    await until(() => el.shadowRoot!.querySelector('tr.data, .empty'), 8000, 'the first page');
    expect(el.live).to.equal(false);
    expect(first.counts.subscribe).to.equal(0);
    expect(el.shadowRoot!.querySelector('[part=live]')).to.equal(null);
    el.setAttribute('live', '');
    await until(() => liveState(el) === 'open', 8000, 'live after the attribute');
    expect(first.counts.subscribe).to.equal(1);
    const second = counted();
    el.client = second.client;
    await until(() => second.counts.subscribe === 1, 4000, 'the new client subscribed');
    expect(first.counts.unsubscribe).to.equal(1);
    el.removeAttribute('live');
    await el.updateComplete;
    expect(el.live).to.equal(false);
    expect(second.counts.unsubscribe).to.equal(1);
  });

  it('shows "Reconnecting…" when the stream drops, then catches up with what happened meanwhile', async () => {
    // The first events stream is cut after a moment (as a proxy dropping an idle connection would);
    // the client reconnects with Last-Event-ID, so the forward made in between still arrives.
    let streams = 0;
    let cut: (() => void) | undefined;
    const fetchCutOnce: typeof fetch = async (input, init) => {
      const response = await fetch(input, init);
      const url = input instanceof Request ? input.url : String(input);
      if (!url.includes('/v1/events') || streams++ > 0 || !response.body) return response;
      const reader = response.body.getReader();
      const body = new ReadableStream<Uint8Array>({
        start(controller) {
          cut = () => {
            controller.error(new TypeError('network connection lost'));
            void reader.cancel();
          };
        },
        async pull(controller) {
          const { value, done } = await reader.read();
          if (done) controller.close();
          else controller.enqueue(value);
        },
      });
      return new Response(body, { status: response.status, headers: response.headers });
    };
    const client = createIprClient({
      baseUrl: location.origin,
      token: TOKENS.complainantA,
      fetch: fetchCutOnce,
    }) as IprClient;
    const complaint = await fileComplaint(client);
    const el = await fixture<IprComplaintList>(
      html`<ipr-complaint-list .client=${client} q=${complaint.number}></ipr-complaint-list>`,
    );
    await until(() => rowOf(el, complaint.id), 8000, 'the row');
    await until(() => liveState(el) === 'open' && cut, 8000, 'the live stream');
    cut!();
    await until(() => liveState(el) === 'retrying', 4000, 'the reconnecting state');
    expect(text(el.shadowRoot!.querySelector('[part=live]'))).to.contain('Reconnecting…');
    expect(el.shadowRoot!.querySelector('[part=live]')!.getAttribute('role')).to.equal('status');
    await ok(platform.complaints.act(complaint.id, 'forward_to_supplier'));
    await until(() => liveState(el) === 'open', 15_000, 'open again');
    expect(streams).to.equal(2);
    await until(
      () => rowOf(el, complaint.id)?.querySelector('[data-status=awaiting_supplier]'),
      8000,
      'the forward made while disconnected',
    );
  });

  it('shows the live indicator in Chinese and keeps axe clean', async () => {
    const { client } = counted();
    const el = await fixture<IprComplaintList>(
      html`<ipr-complaint-list .client=${client} locale="zh-CN"></ipr-complaint-list>`,
    );
    await until(() => liveState(el) === 'open', 8000, 'the live stream');
    await el.updateComplete;
    expect(text(el.shadowRoot!.querySelector('[part=live]'))).to.equal('实时更新 实时');
    await expect(el).to.be.accessible();
  });
});
