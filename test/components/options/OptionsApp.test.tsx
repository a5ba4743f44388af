import { render } from 'preact';
import { act } from 'preact/test-utils';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { OptionsApp } from '../../../components/options/OptionsApp';
import type { CredentialsView, OptionsApi } from '../../../components/options/api';
import type { Diagnostics } from '../../../lib/store/diagnostics';
import { DEFAULT_SETTINGS, type Settings } from '../../../lib/settings';
import { settingsItem, topCredentialsItem } from '../../../lib/storage';
import { chinaInstant } from '../../../lib/time';
import { optionsApi } from '../../../entrypoints/options/api';
import { domRoot } from '../../support/dom-root';
import { createPushService } from '../../../lib/background/push';
import type { PushStore } from '../../../lib/store/push';
import { useTestLanguage } from '../../support/i18n';

const NOW = chinaInstant('2026-03-04', 600);
const SECRET = 'super-secret-value-42';

function fakeApi(over: Partial<OptionsApi> = {}) {
  const state = {
    settings: structuredClone(DEFAULT_SETTINGS) as Settings,
    creds: null as (CredentialsView & { secret?: string }) | null,
    permission: false,
    grant: true,
    downloads: [] as { name: string; text: string }[],
    diagnostics: { entries: [], undecodable: 0, unrecognised: 0 } as Diagnostics,
    origins: [] as string[],
    pushStore: null as PushStore | null,
    pushed: [] as string[],
  };
  // The real push service over an in-memory store; the push services answer like Bark does.
  const push = createPushService({
    store: { getValue: async () => state.pushStore, setValue: async (v) => void (state.pushStore = v) },
    now: () => NOW,
    permitted: async (o) => state.origins.includes(o),
    fetch: async (url) => {
      state.pushed.push(url);
      return new Response('{"code":200,"message":"success"}', { status: 200 });
    },
  });
  const api: OptionsApi = {
    loadSettings: async () => structuredClone(state.settings),
    applyLanguage: async (setting) => void useTestLanguage(setting),
    saveSettings: vi.fn(async (s: Settings) => void (state.settings = structuredClone(s))),
    loadCredentials: async () => (state.creds ? { appKey: state.creds.appKey, signMethod: state.creds.signMethod, hasSecret: !!state.creds.secret } : null),
    saveCredentials: vi.fn(async (c) => {
      state.creds = { appKey: c.appKey, signMethod: c.signMethod, hasSecret: true, secret: c.secret ?? state.creds?.secret };
    }),
    clearCredentials: vi.fn(async () => void (state.creds = null)),
    requestTopPermission: vi.fn(async () => (state.permission = state.grant)),
    hasTopPermission: async () => state.permission,
    diagnostics: async () => state.diagnostics,
    status: async () => ({ endpoint: { name: 'leftTicket/queryG', source: 'init', at: NOW }, stations: { count: 3364, version: '1.9383' } }),
    clearAll: vi.fn(async () => {
      state.settings = structuredClone(DEFAULT_SETTINGS);
      state.creds = null;
    }),
    download: (name, text) => void state.downloads.push({ name, text }),
    pushList: () => push.list(),
    pushSave: ({ enabled, channel }) => push.save({ enabled, channel: channel as never }),
    pushEnable: async (id, enabled) => void (await push.enable({ id, enabled })),
    pushRemove: async (id) => void (await push.remove({ id })),
    pushTest: (id) => push.test({ id }),
    requestOrigin: vi.fn(async (o: string) => {
      if (state.grant) state.origins.push(o);
      return state.grant;
    }),
    now: () => NOW,
    ...over,
  };
  return { api, state };
}

const { root: rootOf, flush, $ } = domRoot();
const HAN = /[\u4e00-\u9fff]/;
/** Every word on the page a user reads or hears: text, tooltips, placeholders and labels. */
const everything = () =>
  [rootOf().textContent ?? '', ...Array.from(rootOf().querySelectorAll('*')).flatMap((e) => ['title', 'aria-label', 'placeholder', 'alt'].map((a) => e.getAttribute(a) ?? ''))].join('\n');
async function mount(api: OptionsApi) {
  await act(() => render(<OptionsApp api={api} />, rootOf()));
  await flush();
}
async function setValue(sel: string, v: string, ev: 'input' | 'change' = 'input') {
  await act(() => {
    const el = $<HTMLInputElement>(sel)!;
    el.value = v;
    el.dispatchEvent(new Event(ev, { bubbles: true }));
  });
  await flush(1);
}
async function submitFormOf(sel: string) {
  await act(() => void $(sel)!.closest('form')!.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true })));
  await flush();
}

describe('OptionsApp', () => {
  beforeEach(() => void useTestLanguage('zh-CN'));
  it('switches the language and applies it at once', async () => {
    const { api, state } = fakeApi();
    await mount(api);
    expect($('h1')!.textContent).toBe('RailAir 设置');
    expect(document.title).toBe('RailAir 设置');
    await setValue('#language', 'en', 'change');
    await flush();
    expect(state.settings.language).toBe('en');
    expect($('#buffers h2')!.textContent).toBe('Door to door');
    expect($('h1')!.textContent).toBe('RailAir settings');
    expect(document.title).toBe('RailAir settings');
    expect(document.documentElement.lang).toBe('en');
    // One language: nothing Chinese is left but the other language's own name in the picker.
    expect(everything().replace('简体中文', '')).not.toMatch(HAN);
  });

  it('speaks English in every note and status once English is chosen', async () => {
    useTestLanguage('en');
    const { api, state } = fakeApi();
    state.settings.language = 'en';
    state.grant = false;
    state.diagnostics = { entries: [], undecodable: 2, unrecognised: 3 };
    await mount(api);
    expect($('#about-me h2')!.textContent).toBe('About me');
    expect($('[data-testid=top-needs-app]')!.textContent).toBe('Needs an approved Taobao Open Platform app; flights work without it (live Fliggy search)');
    expect($('#diagnostics')!.textContent).toContain('2 undecodable captures, 3 unrecognised rows so far.');
    expect($<HTMLInputElement>('input[name="rail.accessMin"]')!.getAttribute('aria-label')).toBe('Door to terminal (train)');
    await setValue('input[name="rail.egressMin"]', '-5');
    await submitFormOf('input[name="rail.egressMin"]');
    expect($('#buffers [data-testid=save-note]')!.textContent).toBe('Enter whole minutes, 0–600');
    await act(() => $<HTMLInputElement>('#top-enabled')!.click());
    await flush();
    expect($('#top [data-testid=save-note]')!.textContent).toBe('Permission for the Taobao gateway was not granted');
    await setValue('[data-testid=push-add] input[name=deviceKey]', 'bad key with spaces');
    await act(() => void $<HTMLFormElement>('[data-testid=push-add]')!.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true })));
    await flush();
    expect($('[data-testid=push-note]')!.textContent).toBe('Please check: Device key');
    state.grant = true;
    await setValue('[data-testid=push-add] input[name=deviceKey]', 'abcdefgh1234WXYZ');
    await act(() => void $<HTMLFormElement>('[data-testid=push-add]')!.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true })));
    await flush();
    expect($('[data-testid=push-note]')!.textContent).toBe('Added');
    await act(() => $('[data-testid=push-channel]')!.querySelector<HTMLButtonElement>('button')!.click());
    await flush();
    expect($('[data-testid=push-test-result]')!.textContent).toBe('Test push sent');
    expect($('[data-testid=push-status]')!.textContent).toContain('Last sent: ');
    await act(() => $<HTMLButtonElement>('#clear-all')!.click());
    expect($('#clear-confirm')!.textContent).toBe('Yes, clear everything');
    expect(everything().replace('简体中文', '')).not.toMatch(HAN);
  });

  it('saves door-to-door buffers and refuses impossible ones', async () => {
    const { api, state } = fakeApi();
    await mount(api);
    await setValue('input[name="rail.accessMin"]', '55');
    await setValue('input[name="air.beforeMin"]', '120');
    await submitFormOf('input[name="rail.accessMin"]');
    expect(state.settings.buffers.rail.accessMin).toBe(55);
    expect(state.settings.buffers.air.beforeMin).toBe(120);
    expect($('#buffers [data-testid=save-note]')!.textContent).toContain('已保存');
    await setValue('input[name="rail.egressMin"]', '-5');
    await submitFormOf('input[name="rail.egressMin"]');
    expect(state.settings.buffers.rail.egressMin).toBe(DEFAULT_SETTINGS.buffers.rail.egressMin);
    expect($('#buffers [data-testid=save-note]')!.textContent).toContain('0–600');
  });

  it('asks for the gateway permission when Taobao is turned on, and stays off without it', async () => {
    const { api, state } = fakeApi();
    state.grant = false;
    await mount(api);
    await act(() => $<HTMLInputElement>('#top-enabled')!.click());
    await flush();
    expect(api.requestTopPermission).toHaveBeenCalledTimes(1);
    expect(state.settings.topEnabled).toBe(false);
    expect($('#top [data-testid=save-note]')!.textContent).toContain('未获得');
    state.grant = true;
    await act(() => $<HTMLInputElement>('#top-enabled')!.click());
    await flush();
    expect(state.settings.topEnabled).toBe(true);
    expect($<HTMLInputElement>('#top-enabled')!.checked).toBe(true);
  });

  it('stores the app key and secret, never shows the secret again, and keeps it when left empty', async () => {
    const { api, state } = fakeApi();
    await mount(api);
    await setValue('#app-key', '12345678');
    await setValue('#app-secret', SECRET);
    await setValue('#sign-method', 'hmac-sha256', 'change');
    await submitFormOf('#app-key');
    expect(api.saveCredentials).toHaveBeenCalledWith({ appKey: '12345678', secret: SECRET, signMethod: 'hmac-sha256' });
    expect($<HTMLInputElement>('#app-secret')!.value).toBe('');
    expect($<HTMLInputElement>('#app-secret')!.type).toBe('password');
    expect($<HTMLInputElement>('#app-secret')!.placeholder).toContain('已保存');
    expect(rootOf().innerHTML).not.toContain(SECRET);

    render(null, rootOf());
    await mount(api); // reopened: the secret is not loaded into the page
    expect(rootOf().innerHTML).not.toContain(SECRET);
    expect($<HTMLInputElement>('#app-key')!.value).toBe('12345678');
    await submitFormOf('#app-key');
    expect(api.saveCredentials).toHaveBeenLastCalledWith({ appKey: '12345678', signMethod: 'hmac-sha256' });
    expect(state.creds?.secret).toBe(SECRET);
  });

  it('saves the watch interval and quiet hours, refusing an interval under 30 s', async () => {
    const { api, state } = fakeApi();
    await mount(api);
    await setValue('#interval', '20');
    await submitFormOf('#interval');
    expect(state.settings.watch.intervalSec).toBe(60);
    await setValue('#interval', '120');
    await setValue('#quiet-start', '22:30');
    await setValue('#quiet-end', '07:00');
    await submitFormOf('#interval');
    expect(state.settings.watch).toMatchObject({ intervalSec: 120, quietStart: '22:30', quietEnd: '07:00' });
  });

  it('lists undecodable captures and exports them as JSON', async () => {
    const { api, state } = fakeApi();
    state.diagnostics = {
      entries: [{ at: NOW, kind: 'left-ticket', url: 'https://kyfw.12306.cn/otn/leftTicket/queryG?x', status: 200, code: 'schema', message: 'data.result missing', sample: '{"httpstatus":200}' }],
      undecodable: 1,
      unrecognised: 3,
    };
    await mount(api);
    expect($('[data-testid=diag-table]')!.textContent).toContain('data.result missing');
    expect($('[data-testid=client-status]')!.textContent).toContain('leftTicket/queryG');
    await act(() => $<HTMLButtonElement>('#export-diagnostics')!.click());
    expect(state.downloads).toHaveLength(1);
    expect(state.downloads[0]!.name).toBe('railair-diagnostics-2026-03-04.json');
    expect(JSON.parse(state.downloads[0]!.text)).toMatchObject({ undecodable: 1, unrecognised: 3, entries: [{ code: 'schema' }] });
  });

  it('clears all data after a confirmation', async () => {
    const { api } = fakeApi();
    await mount(api);
    await act(() => $<HTMLButtonElement>('#clear-all')!.click());
    expect(api.clearAll).not.toHaveBeenCalled();
    await act(() => $<HTMLButtonElement>('#clear-confirm')!.click());
    await flush();
    expect(api.clearAll).toHaveBeenCalledTimes(1);
    expect($('[data-testid=cleared]')!.textContent).toBe('已清除全部数据');
  });

  it('adds a push channel after asking for its host only, shows its key masked, and sends a test', async () => {
    const { api, state } = fakeApi();
    await mount(api);
    const form = $<HTMLFormElement>('[data-testid=push-add]')!;
    await setValue('[data-testid=push-add] input[name=deviceKey]', 'abcdefgh1234WXYZ');
    await act(() => void form.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true })));
    await flush();
    expect(api.requestOrigin).toHaveBeenCalledWith('https://api.day.app/*');
    const row = $('[data-testid=push-channel]')!;
    expect(row.textContent).toContain('••••••••WXYZ');
    expect(rootOf().textContent).not.toContain('abcdefgh');
    await act(() => row.querySelector<HTMLButtonElement>('button')!.click());
    await flush();
    expect(state.pushed).toEqual(['https://api.day.app/push']);
    expect($('[data-testid=push-test-result]')!.textContent).toContain('测试推送已发出');
    expect($('[data-testid=push-status]')!.textContent).toContain('上次成功');
  });

  it('adds no push channel when the host is refused, or when a key is malformed', async () => {
    const { api, state } = fakeApi();
    state.grant = false;
    await mount(api);
    const form = $<HTMLFormElement>('[data-testid=push-add]')!;
    await setValue('[data-testid=push-add] input[name=deviceKey]', 'good-key');
    await act(() => void form.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true })));
    await flush();
    expect($('[data-testid=push-note]')!.textContent).toContain('未获得');
    await setValue('[data-testid=push-add] input[name=deviceKey]', 'bad key with spaces');
    await act(() => void form.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true })));
    await flush();
    expect($('[data-testid=push-note]')!.textContent).toContain('请检查：设备 Key');
    expect($('[data-testid=push-channel]')).toBeNull();
  });
});

describe('options storage adapter', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    useTestLanguage('zh-CN');
  });

  it('keeps the stored secret when saved without one, and never returns it', async () => {
    await optionsApi.saveCredentials({ appKey: '123456', secret: SECRET, signMethod: 'md5' });
    await optionsApi.saveCredentials({ appKey: '654321', signMethod: 'hmac-sha256' });
    expect(await topCredentialsItem.getValue()).toEqual({ appKey: '654321', secret: SECRET, signMethod: 'hmac-sha256' });
    const view = await optionsApi.loadCredentials();
    expect(view).toEqual({ appKey: '654321', signMethod: 'hmac-sha256', hasSecret: true });
    expect(JSON.stringify(view)).not.toContain(SECRET);
  });

  it('saves what the traveller says fits them (我是…) to settings.qualifications, and shows it again next time', async () => {
    await mount(optionsApi);
    const about = $('#about-me')!;
    expect(about.querySelector('h2')!.textContent).toBe('我是…');
    expect(about.textContent).toContain('只标明条件显示，从不参与比价');
    const tick = async (id: string) => {
      await act(() => void $<HTMLInputElement>(id)!.click());
      await flush();
    };
    await tick('#qualifies-youth');
    await tick('#qualifies-member');
    expect((await settingsItem.getValue())?.qualifications).toEqual({ youth: true, member: true });
    await tick('#qualifies-member');
    expect((await settingsItem.getValue())?.qualifications).toEqual({ youth: true });
    expect(about.querySelector('[data-testid=save-note]')!.textContent).toContain('已保存');
    render(null, rootOf());
    await mount(optionsApi);
    expect($<HTMLInputElement>('#qualifies-youth')!.checked).toBe(true);
    expect($<HTMLInputElement>('#qualifies-student')!.checked).toBe(false);
    expect($<HTMLInputElement>('#qualifies-premiumCabin')!.checked).toBe(false);
  });

  it('saves only valid settings', async () => {
    await optionsApi.saveSettings({ ...DEFAULT_SETTINGS, language: 'en' });
    expect((await optionsApi.loadSettings()).language).toBe('en');
    await expect(optionsApi.saveSettings({ ...DEFAULT_SETTINGS, watch: { ...DEFAULT_SETTINGS.watch, intervalSec: 5 } })).rejects.toThrow();
  });
});
