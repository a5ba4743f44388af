// Every storage item of the extension, declared once, in the `local:` area, versioned from the
// first release. Each feature owns one section below; add items there, with `version` and
// `migrations` when a shape changes.
import { storage } from 'wxt/utils/storage';
import { DEFAULT_SETTINGS, type Settings } from './settings';

// ── settings (shared) ──────────────────────────────────────────────────────
export const settingsItem = storage.defineItem<Settings>('local:settings', {
  fallback: DEFAULT_SETTINGS,
  version: 1,
});

// ── captures and overlay (issue 4) ─────────────────────────────────────────

// ── live clients, quick search, options (issue 5) ──────────────────────────

// ── watches (issue 6) ──────────────────────────────────────────────────────
