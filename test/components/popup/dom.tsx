// The popup's component tests share one way to mount it and look at what it shows.
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { domRoot } from '../../support/dom-root';
import { PopupApp } from '../../../components/popup/PopupApp';
import { LAST, type FakeApi } from './fake-api';

/** Registers a fresh root per test; returns helpers bound to it. */
export function popupDom() {
  const { root, flush, $, $$ } = domRoot();
  const text = () => root().textContent ?? '';
  async function mount(api: FakeApi) {
    await act(() => render(<PopupApp api={api} />, root()));
    await flush();
  }
  async function submit() {
    await act(() => void $('form.search-form')!.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true })));
    await flush();
  }
  /** Opens the popup on the remembered search (or LAST) and searches it. */
  async function searchLast(api: FakeApi) {
    api.last ??= LAST;
    await mount(api);
    await submit();
  }
  return { root, flush, $, $$, text, mount, submit, searchLast };
}
