// A captured 12306 query says whom it asked for (purpose_codes): the filed result carries it, so a
// student search's prices are shown with "学生票价以 12306 为准" (issue 9).
import { describe, expect, it } from 'vitest';
import { decodeRailCapture } from '../../../lib/background/capture-decode';
import { QUERY, capture, railBody } from './capture-fixtures';

const noStations = async () => undefined;

describe('captured left-ticket queries carry their purpose', () => {
  it.each([
    ['0X00', 'student'],
    ['ADULT', 'adult'],
  ])('purpose_codes=%s → %s', async (code, purpose) => {
    const url = QUERY.replace('purpose_codes=ADULT', `purpose_codes=${code}`);
    const d = await decodeRailCapture(capture('left-ticket', url, railBody()), undefined, noStations);
    expect(d.kind).toBe('file');
    if (d.kind === 'file') expect(d.filing.rail?.purpose).toBe(purpose);
  });

  it('a query URL without purpose_codes files no purpose', async () => {
    const d = await decodeRailCapture(capture('left-ticket', QUERY.replace('&purpose_codes=ADULT', ''), railBody()), undefined, noStations);
    expect(d.kind === 'file' && d.filing.rail && 'purpose' in d.filing.rail).toBe(false);
  });
});
