// Stored watch documents written before errors carried one bilingual `message: { zh, en }`
// kept the two texts side by side (`message` English, `messageZh` Chinese). Those documents
// are still in users' storage, so they are upgraded on read instead of being set aside as
// unreadable; the next write stores the new shape.

type Obj = Record<string, unknown>;

const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

/** `{ message: en, messageZh: zh, … }` → `{ message: { zh, en }, … }`; anything else unchanged. */
function upgradeError(e: unknown): unknown {
  if (!isObj(e) || typeof e.message !== 'string') return e;
  const { messageZh, ...rest } = e;
  return { ...rest, message: { zh: typeof messageZh === 'string' ? messageZh : e.message, en: e.message } };
}

function upgradeWatch(w: unknown): unknown {
  return isObj(w) && 'lastError' in w ? { ...w, lastError: upgradeError(w.lastError) } : w;
}

/**
 * The stored document with every error in the current shape: watches' and routes' lastError and
 * the back-off. Returns a new object (never mutates `raw`); a value that is not a document is
 * returned as it is, for the parser to judge.
 */
export function upgradeStoredErrors(raw: unknown): unknown {
  if (!isObj(raw)) return raw;
  const out: Obj = { ...raw };
  if (Array.isArray(raw.watches)) out.watches = raw.watches.map(upgradeWatch);
  if (isObj(raw.routes)) {
    out.routes = Object.fromEntries(Object.entries(raw.routes).map(([k, r]) => [k, isObj(r) && 'lastError' in r ? { ...r, lastError: upgradeError(r.lastError) } : r]));
  }
  if ('backoff' in raw) out.backoff = upgradeError(raw.backoff);
  return out;
}
