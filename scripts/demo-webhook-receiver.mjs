// The demo's stand-in for a partner's backend (`/demo-receiver/*` on the demo origin): it receives
// the API's webhooks on loopback and verifies each with `verifyWebhook`, as a partner would. The
// secret arrives from demo/webhooks.html (a partner keeps it in its own configuration). In memory.
import { verifyWebhook } from '@ipr/validators';

/** A request handler for `/demo-receiver/…`; returns false for other paths. */
export function createDemoReceiver() {
  let secret = '';
  const log = [];
  const read = async (req) => {
    let body = '';
    for await (const chunk of req) {
      body += chunk;
      if (body.length > 1_000_000) break;
    }
    return body;
  };
  const json = (res, status, value) => {
    res.writeHead(status, { 'content-type': 'application/json', 'cache-control': 'no-store' });
    res.end(JSON.stringify(value));
    return true;
  };
  return async function handle(req, res, path) {
    if (path === '/demo-receiver/secret' && req.method === 'POST') {
      const value = String(JSON.parse((await read(req)) || '{}').secret ?? '');
      if (!value.startsWith('whsec_')) return json(res, 422, { error: 'a whsec_ secret' });
      secret = value;
      return json(res, 200, { ok: true });
    }
    if (path === '/demo-receiver/hook' && req.method === 'POST') {
      const body = await read(req);
      const result = secret ? await verifyWebhook(body, req.headers, secret) : { ok: false, reason: 'no_secret' };
      log.unshift({
        at: new Date().toISOString(),
        id: String(req.headers['webhook-id'] ?? ''),
        verified: result.ok,
        reason: result.ok ? null : result.reason,
        payload: result.ok ? result.payload : null,
      });
      log.length = Math.min(log.length, 50);
      res.writeHead(result.ok ? 204 : 400).end();
      return true;
    }
    if (path === '/demo-receiver/log' && req.method === 'GET') return json(res, 200, { items: log });
    return false;
  };
}
