// The Theming guide's tables, read from what ships: the `--ipr-*` custom properties and CSS parts
// of the manifest, and the light and dark defaults of the elements' own style sheets.
import { themeStyles } from '@ipr/elements';
import { warningToken } from '../../packages/elements/src/styles/warning';
import { declarationOf, manifest } from './manifest';

export interface ThemeToken {
  name: string;
  description: string;
  /** The tags that honour it. */
  tags: string[];
  light?: string;
  dark?: string;
}

/** `--ipr-x` → its default in each block of a style sheet (`--_y: var(--ipr-x, default)`), in order. */
function defaultsIn(cssText: string): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const m of cssText.matchAll(/--_[\w-]+:\s*var\((--ipr-[\w-]+),\s*([^;]+?)\)\s*;/g)) {
    const [, name, value] = m;
    if (!name || !value) continue;
    out.set(name, [...(out.get(name) ?? []), value.trim()]);
  }
  return out;
}

const elementTags = (): string[] =>
  manifest.modules.flatMap((m) => m.declarations ?? []).flatMap((d) => (d.tagName ? [d.tagName] : []));

/** Every `--ipr-*` token of the manifest with its light and dark defaults (first and second occurrence in the styles). */
export function themeTokens(): ThemeToken[] {
  const defaults = defaultsIn(`${themeStyles.cssText}\n${warningToken.cssText}`);
  const tokens = new Map<string, ThemeToken>();
  for (const tag of elementTags()) {
    for (const c of declarationOf(tag)?.cssProperties ?? []) {
      const token = tokens.get(c.name) ?? {
        name: c.name,
        description: c.description ?? '',
        tags: [],
        light: defaults.get(c.name)?.[0],
        dark: defaults.get(c.name)?.[1],
      };
      token.tags.push(tag);
      tokens.set(c.name, token);
    }
  }
  return [...tokens.values()].sort((a, b) => a.name.localeCompare(b.name));
}

/** The CSS parts of each element (`::part(name)`), from the manifest. */
export function partsByElement(): Array<{ tag: string; parts: Array<{ name: string; description: string }> }> {
  return elementTags()
    .map((tag) => ({
      tag,
      parts: (declarationOf(tag)?.cssParts ?? []).map((p) => ({ name: p.name, description: p.description ?? '' })),
    }))
    .filter((e) => e.parts.length > 0);
}
