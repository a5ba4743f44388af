// The popup's component tests share one way to mount it and look at what it shows.
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach } from 'vitest';
import { PopupApp } from '../../../components/popup/PopupApp';
import { LAST, type FakeApi } from './fake-api';

/** Registers a fresh root per test; returns helpers bound to it. */
export function popupDom() {
  let root!: HTMLElement;
  beforeEach(() => {
    root = document.createElement('div');
    document.body.append(root);
  });
  afterEach(() => {
    render(null, root);
    root.remove();
  });
  const flush = async (n = 4) => {
    for (let i = 0; i < n; i++) await act(async () => void (await new Promise((r) => setTimeout(r, 0))));
  };
  const $ = <T extends Element = HTMLElement>(sel: string) => root.querySelector<T>(sel);
  const $$ = (sel: string) => [...root.querySelectorAll<HTMLElement>(sel)];
  const text = () => root.textContent ?? '';
  async function mount(api: FakeApi) {
    await act(() => render(<PopupApp api={api} />, root));
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
  return { root: () => root, flush, $, $$, text, mount, submit, searchLast };
}
