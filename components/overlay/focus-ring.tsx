// A RailAir link (popup, notification) opens a site's search with the train or flight named in
// the URL's fragment (lib/sites/focus.ts). Once the page shows its rows, we scroll that row into
// view once and draw a ring around it: a shadow host of ours laid over the row (pointer events
// pass through), so the site's table, form and handlers stay untouched. The sites replace their
// lists on every query, so the ring follows the row when it comes back, and the window when it
// resizes.
import { render } from 'preact';
import { t } from '../../lib/i18n/catalog';
import { isOwnMutation, OVERLAY_ATTR } from './host';
import { whenIdle } from './idle';

export interface RingTarget {
  /** The code the link named (G101, MU5101). */
  code: string;
  /** The site's list, watched for redraws. */
  list: () => Element | null;
  /** The row showing `code` now, if any. */
  find: () => Element | undefined;
}

export function ringRow(doc: Document, target: RingTarget, css: string): () => void {
  const { code } = target;
  const host = doc.createElement('railair-note');
  host.setAttribute(OVERLAY_ATTR, 'focus');
  host.setAttribute('data-testid', 'railair-focus');
  // Placed by overlay.css (`:host([data-focus])`) from custom properties: the shadow root's reset
  // (`all: initial !important`) would override plain inline styles.
  host.setAttribute('data-focus', '');
  // Closed, like every root of ours (slot.ts): nothing inside is the page's to read.
  const shadow = host.attachShadow({ mode: 'closed' });
  const style = doc.createElement('style');
  style.textContent = css;
  const box = doc.createElement('div');
  shadow.append(style, box);
  render(
    <div class="ra ra-focus" role="note">
      <span class="ra-focus-tag">{t('focus_label', code)}</span>
    </div>,
    box,
  );
  doc.body.append(host);
  let scrolled = false;

  const place = () => {
    const row = target.find();
    if (!row) {
      host.removeAttribute('data-shown');
      return;
    }
    if (!scrolled) {
      scrolled = true;
      row.scrollIntoView({ block: 'center' });
    }
    const r = row.getBoundingClientRect();
    const win = doc.defaultView!;
    host.style.setProperty('--ra-top', `${r.top + win.scrollY}px`);
    host.style.setProperty('--ra-left', `${r.left + win.scrollX}px`);
    host.style.setProperty('--ra-width', `${r.width}px`);
    host.style.setProperty('--ra-height', `${r.height}px`);
    host.setAttribute('data-shown', '');
    host.setAttribute('data-code', code);
  };
  const later = () => whenIdle(place, 100);

  const observer = new MutationObserver((records) => {
    if (!records.every(isOwnMutation)) later();
  });
  const list = target.list();
  if (list) observer.observe(list, { childList: true, subtree: true });
  doc.defaultView?.addEventListener('resize', later);
  later();
  return () => {
    observer.disconnect();
    doc.defaultView?.removeEventListener('resize', later);
    render(null, box);
    host.remove();
  };
}
