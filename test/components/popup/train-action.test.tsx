// The end of a train's row: 预订 only where seats can be bought, the waiting list with its own
// link, and otherwise what stands in the way, in one language.
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { beforeEach, describe, expect, it } from 'vitest';
import { TrainAction } from '../../../components/popup/TrainAction';
import { SearchProblemNote } from '../../../components/popup/SearchProblem';
import type { ChinaDate, RailOption } from '../../../lib/model';
import { chinaInstant } from '../../../lib/time';
import type { RailRowSpec } from '../../support/rail-rows';
import { oneTrain } from '../../support/one-train';
import { domRoot } from '../../support/dom-root';
import { useTestLanguage } from '../../support/i18n';

const DATE: ChinaDate = '2026-12-01';
const NOW = chinaInstant(DATE, 6 * 60);
const BUY = 'https://kyfw.12306.cn/otn/leftTicket/init?linktypeid=dc&fs=%E5%8C%97%E4%BA%AC,BJP&ts=%E4%B8%8A%E6%B5%B7,SHH&date=2026-12-01&flag=N,N,Y';

const train = (spec: Partial<RailRowSpec>): RailOption => oneTrain(DATE, spec);

describe('TrainAction', () => {
  const { root, $ } = domRoot();
  beforeEach(() => void useTestLanguage('zh-CN'));
  const show = (t: RailOption, now = NOW) => act(() => render(<TrainAction train={t} buyUrl={BUY} now={now} />, root()));

  it('links 预订 to 12306 with the train named, only when seats are left', async () => {
    await show(train({}));
    const a = $<HTMLAnchorElement>('[data-testid=buy]')!;
    expect(a.textContent).toBe('预订');
    expect(a.href).toBe(`${BUY}#railair=G7`);
    await show(train({ seats: { ze: { cell: '无', price: 55300 } } }));
    expect($('[data-testid=buy]')).toBeNull();
    expect(root().textContent).toBe('已售完');
  });

  it('shows the waiting list as its own state, with the way to join it', async () => {
    await show(train({ seats: { ze: { cell: '候补', price: 55300 } } }));
    expect($('[data-state=waitlist]')!.textContent).toContain('仅可候补');
    expect($<HTMLAnchorElement>('[data-testid=waitlist-link]')!.href).toBe(`${BUY}#railair=G7`);
    expect($('[data-testid=buy]')).toBeNull();
  });

  it('says what stands in the way otherwise, in English too', async () => {
    useTestLanguage('en');
    await show(train({ canWebBuy: 'N', button: '列车停运', seats: { ze: { cell: '--' } } }));
    expect(root().textContent).toBe('Not running');
    await show(train({}), chinaInstant(DATE, 10 * 60));
    expect(root().textContent).toBe('Departed');
    await show(train({ seats: { ze: { cell: '有', price: 55300 } } }));
    expect(root().textContent).toBe('Book on 12306');
    expect(root().textContent).not.toMatch(/[\u4e00-\u9fff]/);
  });
});

describe('SearchProblemNote', () => {
  const { root, $ } = domRoot();
  it('puts the problem in a sentence, one language at a time', async () => {
    useTestLanguage('zh-CN');
    await act(() => render(<SearchProblemNote problem={{ kind: 'same-city', city: '北京' }} />, root()));
    expect($('[data-testid=search-problem]')!.textContent).toBe('出发和到达都在北京，请换一个城市');
    useTestLanguage('en');
    await act(() => render(<SearchProblemNote problem={{ kind: 'too-far', last: '2027-01-24' as ChinaDate }} />, root()));
    expect($('[data-testid=search-problem]')!.textContent).toBe('Searches go up to 2027-01-24');
  });
});
