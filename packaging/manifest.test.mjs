// The custom-elements manifest is the source of every partner-facing description (React and Vue
// typings, IDE data, Storybook's docs pages): each element, attribute, public property and method,
// event, CSS part, slot and design token has a description; every event names its class; module
// paths name shipped files; the generated framework files match it.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';

const PKG = fileURLToPath(new URL('../packages/elements/', import.meta.url));
const manifest = JSON.parse(readFileSync(join(PKG, 'custom-elements.json'), 'utf8'));
const elements = manifest.modules.flatMap((m) =>
  (m.declarations ?? []).filter((d) => d.customElement && d.tagName).map((d) => ({ ...d, path: m.path })),
);

describe('custom-elements.json', () => {
  test('lists the nine elements', () => {
    assert.deepEqual(elements.map((e) => e.tagName).sort(), [
      'ipr-complaint-detail',
      'ipr-complaint-form',
      'ipr-complaint-list',
      'ipr-evidence-picker',
      'ipr-holder-profiles',
      'ipr-product-picker',
      'ipr-provider',
      'ipr-transparency-report',
      'ipr-webhooks',
    ]);
  });

  for (const el of elements) {
    test(`<${el.tagName}>: everything public is described`, () => {
      const missing = [];
      if (!el.description?.trim()) missing.push('the element');
      for (const kind of ['attributes', 'events', 'cssProperties', 'cssParts', 'slots'])
        for (const item of el[kind] ?? []) if (!item.description?.trim()) missing.push(`${kind} ${item.name}`);
      for (const m of el.members ?? [])
        if ((m.kind === 'field' || m.kind === 'method') && !m.static && !m.description?.trim())
          missing.push(`${m.kind} ${m.name}`);
      assert.deepEqual(missing, []);
    });

    test(`<${el.tagName}>: only public API, typed events, shipped paths`, () => {
      for (const m of el.members ?? []) {
        assert.ok(m.privacy !== 'private' && m.privacy !== 'protected', `${m.name} is ${m.privacy}`);
        assert.ok(!m.name.startsWith('_'), m.name);
      }
      for (const e of el.events ?? []) assert.ok(e.type?.text, `event ${e.name} has a type`);
      assert.match(el.path, /^dist\/.+\.js$/);
      if (el.tagName !== 'ipr-provider') {
        const tokens = (el.cssProperties ?? []).map((p) => p.name);
        for (const token of ['--ipr-color-primary', '--ipr-color-background', '--ipr-font-family', '--ipr-radius'])
          assert.ok(tokens.includes(token), `${token} on <${el.tagName}>`);
      }
    });
  }

  test('the React, Vue and IDE files are what the manifest gives (npm run manifest -w @ipr/elements)', () => {
    const r = spawnSync(process.execPath, [join(PKG, 'scripts/frameworks.mjs'), '--check'], { encoding: 'utf8' });
    assert.equal(r.status, 0, r.stderr);
  });
});
