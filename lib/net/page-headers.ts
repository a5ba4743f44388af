// What a live client needs so that its requests look like the site's own page sent them: a
// worker's fetch cannot set a cross-site Referer (a forbidden header), and it carries the
// extension's Origin. The worker's implementation (declarativeNetRequest session rules scoped to
// the extension's own requests) lives in lib/background; clients only see this interface, so
// they stay testable under Node, where `send` is called as is.

export interface PageHeaders {
  /**
   * Runs `send` while requests to exactly `url` go out with `Referer: referer` and without the
   * extension's Origin. The rule is removed when `send` settles, whatever its outcome.
   */
  around<T>(url: string, referer: string, send: () => Promise<T>): Promise<T>;
}

/** No header rewriting (Node, tests, or a browser without declarativeNetRequest). */
export const plainHeaders: PageHeaders = { around: (_url, _referer, send) => send() };
