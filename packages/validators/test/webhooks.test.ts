import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  ACTIONS,
  isPrivateAddress,
  nextWebhookAttemptDelay,
  parseWith,
  validateWebhookUrl,
  WEBHOOK_EVENT_BY_ACTION,
  WEBHOOK_EVENT_TYPES,
  WEBHOOK_MAX_ATTEMPTS,
  WEBHOOK_RETRY_SCHEDULE_S,
  WebhookEndpointInputSchema,
} from '../src/index.js';

describe('webhook event types', () => {
  test('one distinct type per lifecycle action and the creation', () => {
    for (const action of [...ACTIONS, 'create' as const]) assert.ok(WEBHOOK_EVENT_BY_ACTION[action], action);
    assert.equal(new Set(WEBHOOK_EVENT_TYPES).size, ACTIONS.length + 1);
  });

  test('the body names only known types', () => {
    assert.equal(
      parseWith(WebhookEndpointInputSchema, { url: 'https://x.example', events: ['complaint.closed'] }).ok,
      true,
    );
    const bad = parseWith(WebhookEndpointInputSchema, { url: 'https://x.example', events: ['complaint.deleted'] });
    assert.equal(bad.ok, false);
  });
});

describe('retries', () => {
  test('exponential back-off covering more than a day, then dead', () => {
    const total = WEBHOOK_RETRY_SCHEDULE_S.reduce((a, b) => a + b, 0);
    assert.ok(total >= 24 * 3600, `retries span ${total / 3600} h`);
    for (let i = 1; i < WEBHOOK_RETRY_SCHEDULE_S.length; i++)
      assert.ok(WEBHOOK_RETRY_SCHEDULE_S[i]! >= WEBHOOK_RETRY_SCHEDULE_S[i - 1]!, 'never shorter than the previous');
    assert.equal(nextWebhookAttemptDelay(1), 5000);
    assert.equal(nextWebhookAttemptDelay(WEBHOOK_MAX_ATTEMPTS - 1), 10 * 3600 * 1000);
    assert.equal(nextWebhookAttemptDelay(WEBHOOK_MAX_ATTEMPTS), null);
    assert.equal(nextWebhookAttemptDelay(3, [10, 20]), null);
    assert.equal(nextWebhookAttemptDelay(2, [10, 20]), 20);
  });
});

describe('private addresses (SSRF)', () => {
  const privateOnes = [
    '127.0.0.1',
    '127.8.9.10',
    '10.1.2.3',
    '172.16.0.1',
    '172.31.255.255',
    '192.168.1.1',
    '169.254.169.254',
    '100.64.0.1',
    '0.0.0.0',
    '::1',
    '::',
    'fe80::1',
    'fd00::1234',
    '::ffff:127.0.0.1',
    '::ffff:7f00:1',
    '[::1]',
  ];
  const publicOnes = ['8.8.8.8', '172.32.0.1', '192.169.0.1', '1.1.1.1', '2606:4700:4700::1111', '::ffff:8.8.8.8'];
  for (const a of privateOnes) test(`${a} is private`, () => assert.equal(isPrivateAddress(a), true));
  for (const a of publicOnes) test(`${a} is public`, () => assert.equal(isPrivateAddress(a), false));
});

describe('validateWebhookUrl', () => {
  const code = (v: unknown, allowPrivate = false) => {
    const r = validateWebhookUrl(v, { allowPrivate });
    return r.ok ? 'ok' : r.issues[0]!.code;
  };
  test('https to a public host', () => {
    assert.deepEqual(validateWebhookUrl(' https://partner.example/hooks/ipr#x '), {
      ok: true,
      value: 'https://partner.example/hooks/ipr',
    });
  });
  test('refusals, each with its code and the url path', () => {
    assert.equal(code(''), 'field.required');
    assert.equal(code(42), 'field.required');
    assert.equal(code('not a url'), 'webhook.url_invalid');
    assert.equal(code('https://user:pw@partner.example/'), 'webhook.url_invalid');
    assert.equal(code('ftp://partner.example/'), 'webhook.url_not_https');
    assert.equal(code('http://partner.example/'), 'webhook.url_not_https');
    assert.equal(code('https://127.0.0.1/'), 'webhook.url_private');
    assert.equal(code('https://[::1]:8443/'), 'webhook.url_private');
    assert.equal(code('https://localhost/'), 'webhook.url_private');
    assert.equal(code('https://db.internal/'), 'webhook.url_private');
    assert.equal(code('https://intranet/'), 'webhook.url_private');
    assert.equal(code('https://169.254.169.254/latest/meta-data'), 'webhook.url_private');
    assert.equal(code(`https://x.example/${'a'.repeat(2100)}`), 'field.too_long');
    const r = validateWebhookUrl('https://10.0.0.1/');
    assert.equal(r.ok, false);
    if (!r.ok) assert.deepEqual(r.issues[0]!.path, ['url']);
  });
  test('allowPrivate (tests, the local demo) admits loopback over http', () => {
    assert.equal(code('http://127.0.0.1:9999/hook', true), 'ok');
    assert.equal(code('ftp://127.0.0.1/', true), 'webhook.url_not_https');
  });
});
