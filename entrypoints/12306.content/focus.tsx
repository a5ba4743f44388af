// A RailAir link (popup, notification) opens 12306's search with the train named in the URL's
// fragment (lib/sites/focus.ts). Once the page shows its rows, we scroll that train into view
// once and draw a ring around its row: a shadow host of ours laid over the row (pointer events
// pass through), so 12306's table, form and handlers stay untouched. The page replaces its table
// on every query, so the ring follows the row when it comes back, and the window when it resizes.
import { render } from 'preact';
import { t } from '../../lib/i18n/catalog';
import { readTrainRows, SELECTORS } from '../../lib/sites/12306-page';
import { isOwnMutation, OVERLAY_ATTR } from '../../components/overlay/host';
import { whenIdle } from '../../components/overlay/idle';

export function focusTrain(doc: Document, code: string, css: string): () => void {
  const host = doc.createElement('railair-note');
  host.setAttribute(OVERLAY_ATTR, '12306-focus');
  host.setAttribute('data-testid', 'railair-focus');
  // Placed by overlay.css (`:host([data-focus])`) from custom properties: the shadow root's reset
  // (`all: initial !important`) would override plain inline styles.
  host.setAttribute('data-focus', '');
  const shadow = host.attachShadow({ mode: 'open' });
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
    const list = doc.querySelector(SELECTORS.resultList);
    const row = list && readTrainRows(list).find((r) => r.code.toUpperCase() === code);
    if (!row) {
      host.removeAttribute('data-shown');
      return;
    }
    if (!scrolled) {
      scrolled = true;
      row.row.scrollIntoView({ block: 'center' });
    }
    const r = row.row.getBoundingClientRect();
    const win = doc.defaultView!;
    host.style.setProperty('--ra-top', `${r.top + win.scrollY}px`);
    host.style.setProperty('--ra-left', `${r.left + win.scrollX}px`);
    host.style.setProperty('--ra-width', `${r.width}px`);
    host.style.setProperty('--ra-height', `${r.height}px`);
    host.setAttribute('data-shown', '');
    host.setAttribute('data-train', row.code);
  };
  const later = () => whenIdle(place, 100);

  const observer = new MutationObserver((records) => {
    if (!records.every(isOwnMutation)) later();
  });
  const list = doc.querySelector(SELECTORS.resultList);
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
