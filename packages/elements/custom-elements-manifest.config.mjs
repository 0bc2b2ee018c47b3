// `cem analyze` (npm run manifest) reads this. The manifest describes the public API of what is
// published: only public members, each event with its class, module paths of the shipped files
// (dist/*.js, not src/*.ts), modules sorted by path so the committed file does not change with the
// file system's glob order. React, Vue, VS Code and JetBrains data are generated from it
// (scripts/frameworks.mjs).
const toShipped = (path) => (typeof path === 'string' ? path.replace(/^src\//, 'dist/').replace(/\.ts$/, '.js') : path);

function rewriteModules(node) {
  if (Array.isArray(node)) {
    for (const item of node) rewriteModules(item);
    return;
  }
  if (typeof node !== 'object' || node === null) return;
  for (const [key, value] of Object.entries(node)) {
    if ((key === 'module' || key === 'path') && typeof value === 'string') node[key] = toShipped(value);
    else rewriteModules(value);
  }
}

/**
 * The design tokens every themed element honours (src/styles/theme.ts: each `--ipr-*` feeds a
 * private `--_*` copy with the light or dark default). Listed on every element but the provider,
 * beside the element's own `@cssprop`s.
 */
const THEME_TOKENS = [
  ['--ipr-color-background', 'Background of the element.'],
  ['--ipr-color-surface', 'Raised surfaces: table headers, cards, dialogs.'],
  ['--ipr-color-text', 'Text color.'],
  ['--ipr-color-muted', 'Secondary text: hints, dates, counters.'],
  ['--ipr-color-border', 'Borders and separators.'],
  ['--ipr-color-primary', 'Accent color: primary buttons, links, the current step.'],
  ['--ipr-color-on-primary', 'Text on the accent color.'],
  ['--ipr-color-danger', 'Errors and destructive actions.'],
  ['--ipr-color-success', 'Success messages and good states.'],
  ['--ipr-color-focus', 'The focus ring.'],
  ['--ipr-font-family', "Font family (default: the page's system font stack)."],
  ['--ipr-font-size', 'Base font size; layouts switch at widths in em, so they follow it.'],
  ['--ipr-spacing', 'Base spacing between controls.'],
  ['--ipr-radius', 'Corner radius of controls and surfaces.'],
];

export default {
  globs: ['src/**/*.ts'],
  // Generated framework bindings describe the elements; they are not elements themselves.
  exclude: ['src/react/**', 'src/vue/**', '**/*.test.ts', '**/*.d.ts'],
  litelement: true,
  // Never rewrite package.json's "customElements" (the drift test writes to a temporary folder).
  packagejson: false,
  plugins: [
    {
      name: 'ipr-public-api',
      packageLinkPhase({ customElementsManifest }) {
        const eventClasses = new Map();
        for (const mod of customElementsManifest.modules) {
          for (const d of mod.declarations ?? []) {
            const eventName = d.members?.find((m) => m.static && m.name === 'eventName')?.default;
            if (d.kind === 'class' && eventName) eventClasses.set(eventName.replace(/^['"]|['"]$/g, ''), d.name);
          }
        }
        for (const mod of customElementsManifest.modules) {
          for (const d of mod.declarations ?? []) {
            if (d.members) {
              d.members = d.members.filter(
                (m) =>
                  m.privacy !== 'private' &&
                  m.privacy !== 'protected' &&
                  !m.name.startsWith('_') &&
                  !m.name.startsWith('#'),
              );
            }
            for (const event of d.events ?? []) {
              if (!event.type?.text || event.type.text === 'Event') {
                const cls = eventClasses.get(event.name);
                if (cls) event.type = { text: cls };
                else if (!event.type) event.type = { text: 'Event' };
              }
            }
          }
        }
        for (const mod of customElementsManifest.modules) {
          for (const d of mod.declarations ?? []) {
            if (!d.customElement || !d.tagName || d.tagName === 'ipr-provider') continue;
            const own = d.cssProperties ?? [];
            const names = new Set(own.map((p) => p.name));
            d.cssProperties = [
              ...own,
              ...THEME_TOKENS.filter(([name]) => !names.has(name)).map(([name, description]) => ({
                name,
                description,
              })),
            ];
          }
        }
        rewriteModules(customElementsManifest.modules);
      },
    },
    {
      name: 'ipr-sort-modules',
      packageLinkPhase({ customElementsManifest }) {
        customElementsManifest.modules.sort((a, b) => a.path.localeCompare(b.path));
      },
    },
  ],
};
