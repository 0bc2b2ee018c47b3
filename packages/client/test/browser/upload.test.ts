import { expect } from '@open-wc/testing';
import { createIprClient } from '../../src/index.js';

// The page is same-origin with the reference API (the wtr config proxies /v1 to it).
const client = () => createIprClient({ baseUrl: location.origin, token: 'demo-complainant-a' });

function png(bytes: number): File {
  const data = new Uint8Array(bytes);
  data.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  crypto.getRandomValues(data.subarray(8, Math.min(bytes, 65536)));
  return new File([data], 'screenshot.png', { type: 'image/png' });
}

describe('evidence upload in Chromium (XMLHttpRequest)', () => {
  it('reports upload progress against the real server and answers the descriptor', async () => {
    const file = png(4 * 1024 * 1024);
    const events: { loaded: number; total: number }[] = [];
    const started = performance.now();
    const result = await client().evidence.upload(file, { onProgress: (p) => events.push(p) });
    const ms = Math.round(performance.now() - started);
    expect(result.error, JSON.stringify(result.error)).to.equal(undefined);
    expect(result.data!.name).to.equal('screenshot.png');
    expect(result.data!.size).to.equal(file.size);
    expect(events.length).to.be.greaterThan(0);
    const last = events[events.length - 1]!;
    expect(last.loaded).to.equal(last.total);
    expect(last.total).to.be.at.least(file.size);
    console.log(`[measure] 4 MiB upload through XHR: ${ms} ms, ${events.length} progress events`);
  });

  it('uploads through a host-supplied fetch too (no streamed body over HTTP/1.1)', async () => {
    const events: { loaded: number; total: number }[] = [];
    const viaFetch = createIprClient({
      baseUrl: location.origin,
      token: 'demo-complainant-a',
      fetch: (input) => fetch(input),
    });
    const result = await viaFetch.evidence.upload(png(256 * 1024), {
      name: 'via-fetch.png',
      onProgress: (p) => events.push(p),
    });
    expect(result.error, JSON.stringify(result.error)).to.equal(undefined);
    expect(result.data!.name).to.equal('via-fetch.png');
    expect(events[events.length - 1]!.loaded).to.equal(events[events.length - 1]!.total);
  });

  it('refuses a mislabelled file before sending it', async () => {
    const result = await client().evidence.upload(new File(['%PDF-1.7'], 'photo.jpg'));
    expect(result.error?.code).to.equal('evidence.content_mismatch');
    expect(result.response).to.equal(undefined);
  });

  it('cancels an upload', async () => {
    const ac = new AbortController();
    const pending = client().evidence.upload(png(5 * 1024 * 1024), { signal: ac.signal });
    ac.abort();
    const result = await pending;
    expect(result.error?.code).to.equal('request.aborted');
    expect(result.error?.status).to.equal(0);
  });
});
