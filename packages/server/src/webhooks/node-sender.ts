// Node-only: sends a webhook over node:http(s) with a DNS lookup that refuses private, loopback and
// link-local addresses at connect time. Checking at registration is not enough: a public name can
// resolve inside later (DNS rebinding), so the address actually dialled is the one checked.
import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { LookupFunction } from 'node:net';
import { isPrivateAddress } from '@ipr/validators';
import type { WebhookSender } from './worker.js';

const guardedLookup: LookupFunction = (hostname, options, callback) => {
  dnsLookup(hostname, { ...options, all: true }, (error, addresses: LookupAddress[]) => {
    if (error) return callback(error, '', 0);
    const open = addresses.filter((a) => !isPrivateAddress(a.address));
    if (!open.length) {
      const refused = Object.assign(new Error(`${hostname} resolves to a private address`), { code: 'EPRIVATE' });
      return callback(refused, '', 0);
    }
    if (options.all) return (callback as (e: null, a: LookupAddress[]) => void)(null, open);
    return callback(null, open[0]!.address, open[0]!.family);
  });
};

/**
 * A sender for `createWebhookWorker`. `allowPrivate` (tests, the local demo) skips the address
 * check; a literal private IP in the URL is refused too, since no lookup happens for it.
 */
export function nodeWebhookSender(options: { allowPrivate?: boolean } = {}): WebhookSender {
  return ({ url, headers, body, timeoutMs }) =>
    new Promise((resolve) => {
      let target: URL;
      try {
        target = new URL(url);
      } catch {
        return resolve({ status: null, error: 'invalid URL' });
      }
      const host = target.hostname.replace(/^\[|\]$/g, '');
      if (!options.allowPrivate && isPrivateAddress(host))
        return resolve({ status: null, error: `${host} is a private address` });
      const send = target.protocol === 'https:' ? httpsRequest : httpRequest;
      const req = send(
        target,
        {
          method: 'POST',
          headers: { ...headers, 'content-length': String(Buffer.byteLength(body)) },
          timeout: timeoutMs,
          ...(options.allowPrivate ? {} : { lookup: guardedLookup }),
        },
        (res) => {
          // The body is not needed (and a receiver must not make us read megabytes): drop it.
          res.resume();
          res.on('end', () => resolve({ status: res.statusCode ?? null, error: null }));
          res.on('error', () => resolve({ status: res.statusCode ?? null, error: null }));
        },
      );
      req.on('timeout', () => req.destroy(new Error(`no answer within ${timeoutMs} ms`)));
      req.on('error', (error) => resolve({ status: null, error: error.message.slice(0, 200) }));
      req.end(body);
    });
}
