import { describe, expect, it } from 'vitest';
import { resolve } from 'node:path';
import type { ResolvedConfig } from 'vite';
import { overlayBrowserFromContentScript } from '../../scripts/vite-overlay-browser';

type Hooks = { configResolved(c: ResolvedConfig): void; resolveId(id: string): string | null };

function pluginFor(entry: unknown): Hooks {
  const plugin = overlayBrowserFromContentScript() as unknown as Hooks;
  plugin.configResolved({ root: '/repo', build: { lib: entry === undefined ? false : { entry } } } as unknown as ResolvedConfig);
  return plugin;
}

describe('overlay builds take the content script’s browser object', () => {
  it('resolves wxt/browser (as written and as the polyfill module aliased it) to the shared object in an overlay build', () => {
    const plugin = pluginFor('/repo/entrypoints/overlay-12306.ts');
    const shared = resolve('/repo', 'lib/browser/shared.ts');
    expect(plugin.resolveId('wxt/browser')).toBe(shared);
    expect(plugin.resolveId('@wxt-dev/webextension-polyfill/browser')).toBe(shared);
    expect(plugin.resolveId('preact')).toBeNull();
  });

  it('leaves every other build alone: content scripts, the worker, the pages', () => {
    for (const entry of ['/repo/entrypoints/12306.content/index.ts', '/repo/entrypoints/background.ts', { popup: '/repo/entrypoints/popup/index.html' }, undefined]) {
      const plugin = pluginFor(entry);
      expect(plugin.resolveId('wxt/browser')).toBeNull();
      expect(plugin.resolveId('@wxt-dev/webextension-polyfill/browser')).toBeNull();
    }
  });
});
