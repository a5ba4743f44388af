import { describe, expect, it } from 'vitest';
import { focusFromUrl, withFocus } from '../../../lib/sites/focus';
import { searchPageUrl } from '../../../lib/sites/12306-page';

describe('focus links', () => {
  const page = searchPageUrl({ date: '2026-12-01', from: { telecode: 'BJP', name: '北京' }, to: { telecode: 'SHH', name: '上海' } });

  it('names the train in the fragment only: the query 12306 sees is unchanged', () => {
    const url = withFocus(page, 'g101');
    expect(url).toBe(`${page}#railair=G101`);
    expect(new URL(url).search).toBe(new URL(page).search);
    expect(focusFromUrl(url)).toBe('G101');
  });
  it('replaces an old fragment and refuses codes that are not train or flight codes', () => {
    expect(withFocus(`${page}#x`, 'MU5101')).toBe(`${page}#railair=MU5101`);
    expect(withFocus(page, '<img>')).toBe(page);
    expect(focusFromUrl(`${page}#railair=%3Cscript%3E`)).toBeUndefined();
    expect(focusFromUrl(page)).toBeUndefined();
    expect(focusFromUrl(`${page}#other=1`)).toBeUndefined();
  });
});
