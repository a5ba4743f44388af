// Light and dark palettes of the popup, the options page and the overlays: every text colour is
// at least 4.5:1 (WCAG AA) on each background it is drawn on, in both themes, and no rule uses a
// colour outside the palettes (a stray hex would skip the dark theme and this check).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

type Palette = Record<string, string>;

function tokens(block: string): Palette {
  const out: Palette = {};
  for (const m of block.matchAll(/--([a-z0-9-]+):\s*(#[0-9a-fA-F]{3,8})\s*;/g)) out[m[1]!] = m[2]!;
  return out;
}

/** The light palette (the first block declaring tokens) and the dark one (inside the dark media query). */
function palettes(css: string): { light: Palette; dark: Palette; rest: string } {
  const dark = css.match(/@media \(prefers-color-scheme: dark\) \{([\s\S]*?\n)\}/);
  if (!dark) throw new Error('no dark theme');
  const withoutDark = css.replace(dark[0], '');
  const light = withoutDark.match(/(?::root|:host) \{([^}]*--[^}]*)\}/);
  if (!light) throw new Error('no light palette');
  return { light: tokens(light[1]!), dark: tokens(dark[1]!), rest: withoutDark.replace(light[0], '') };
}

function luminance(hex: string): number {
  let h = hex.slice(1);
  if (h.length === 3) h = [...h].map((c) => c + c).join('');
  const [r, g, b] = [0, 2, 4].map((i) => parseInt(h.slice(i, i + 2), 16) / 255).map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}
export function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi! + 0.05) / (lo! + 0.05);
}

const FILES: { file: string; texts: string[]; backgrounds: string[]; pairs: [string, string][] }[] = [
  {
    file: 'entrypoints/popup/style.css',
    texts: ['fg', 'muted', 'link', 'plenty', 'few', 'none', 'star', 'danger', 'waitlist'],
    backgrounds: ['bg', 'surface', 'rec-bg', 'info-bg', 'warn-bg', 'error-bg', 'busy-bg'],
    pairs: [['accent-fg', 'accent-bg']],
  },
  {
    file: 'entrypoints/options/style.css',
    texts: ['fg', 'muted', 'link', 'ok', 'danger'],
    backgrounds: ['bg', 'surface'],
    pairs: [['danger-fg', 'danger-bg']],
  },
  {
    file: 'components/overlay/overlay.css',
    texts: ['fg', 'strong', 'muted', 'link', 'price', 'plenty', 'few', 'none', 'cond', 'error'],
    backgrounds: ['bg', 'head-bg', 'soft-bg'],
    pairs: [
      ['plenty', 'plenty-bg'],
      ['few', 'few-bg'],
      ['link', 'fast-bg'],
      ['accent-fg', 'accent-bg'],
    ],
  },
];

describe.each(FILES)('$file', ({ file, texts, backgrounds, pairs }) => {
  const css = readFileSync(file, 'utf8');
  const { light, dark, rest } = palettes(css);

  it('declares every token in both themes', () => {
    expect(Object.keys(dark).sort()).toEqual(Object.keys(light).sort());
  });

  it('uses no colour outside its palettes', () => {
    expect(rest.match(/#[0-9a-fA-F]{3,8}\b/g) ?? []).toEqual([]);
  });

  for (const [theme, p] of [['light', light], ['dark', dark]] as const) {
    it(`keeps text at 4.5:1 or more in the ${theme} theme`, () => {
      const low: string[] = [];
      const all: [string, string][] = [...texts.flatMap((t) => backgrounds.map((b) => [t, b] as [string, string])), ...pairs];
      for (const [t, b] of all) {
        const ratio = contrast(p[t]!, p[b]!);
        if (!(ratio >= 4.5)) low.push(`${t} on ${b}: ${ratio.toFixed(2)}`);
      }
      expect(low).toEqual([]);
    });
  }
});
