// The fare-watch form's city field takes 北京, 大兴, BJS…, asks the worker, and shows what it resolved.
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { describe, expect, it } from 'vitest';
import { AirCityInput, type AirCity } from '../../../components/watch/AirCityInput';
import { resolveAirCity } from '../../../lib/air/city-input';
import { domRoot } from '../../support/dom-root';
import { useTestLanguage } from '../../support/i18n';

describe('AirCityInput', () => {
  const { root, $, flush } = domRoot();

  it('resolves what is typed and says when nothing matches', async () => {
    useTestLanguage('zh-CN');
    const seen: (AirCity | null)[] = [];
    const asked: string[] = [];
    await act(() =>
      render(
        <AirCityInput name="fromCity" label="出发" placeholder="北京" resolve={async (q) => (asked.push(q), resolveAirCity(q) ?? null)} onResolved={(c) => seen.push(c)} />,
        root(),
      ),
    );
    const input = $<HTMLInputElement>('input[name=fromCity]')!;
    const type = async (v: string) => {
      input.value = v;
      await act(() => void input.dispatchEvent(new Event('input', { bubbles: true })));
      await new Promise((r) => setTimeout(r, 200));
      await flush();
    };
    await type('大兴机场');
    expect($('[data-testid=fromCity-resolved]')!.textContent).toBe('北京 · BJS');
    expect(seen.at(-1)).toEqual({ code: 'BJS', name: '北京' });
    await type('火星');
    expect($('[data-testid=fromCity-resolved]')!.textContent).toBe('找不到这个城市或机场');
    expect(input.getAttribute('aria-invalid')).toBe('true');
    expect(seen.at(-1)).toBeNull();
    expect(asked).toEqual(['大兴机场', '火星']);
  });
});
