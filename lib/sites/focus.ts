// A RailAir link to a site's search page names the train or flight the user picked, in the URL's
// fragment (`#railair=G101`): the fragment never reaches the site's server and the site's own
// form and scripts do not read it, so the page behaves exactly as for a typed search, while our
// content script reads it and scrolls to that row.
const PARAM = 'railair';
const CODE = /^[A-Z0-9]{2,8}$/;

/** `url` with the train or flight code in its fragment (any fragment it had is replaced). */
export function withFocus(url: string, code: string): string {
  const base = url.split('#')[0]!;
  const c = code.trim().toUpperCase();
  return CODE.test(c) ? `${base}#${PARAM}=${c}` : base;
}

/** The code a RailAir link names, if the URL carries a well-formed one. */
export function focusFromUrl(url: string): string | undefined {
  const hash = url.split('#')[1];
  if (!hash) return undefined;
  const v = new URLSearchParams(hash).get(PARAM)?.trim().toUpperCase();
  return v && CODE.test(v) ? v : undefined;
}
