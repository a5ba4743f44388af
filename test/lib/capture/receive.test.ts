import { describe, expect, it, vi } from 'vitest';
import { CAPTURE_EVENT, documentEmitter, encodeTapDetail, MAX_BODY_CHARS } from '../../../lib/capture/channel';
import { listenForCaptures } from '../../../lib/capture/receive';
import { SITE_KINDS } from '../../../lib/capture/urls';

const good = { v: 1, kind: 'left-ticket', url: 'https://kyfw.12306.cn/otn/leftTicket/queryZ?x=1', status: 200, body: '{}', at: 1 } as const;

describe('isolated side of the channel', () => {
  it('passes on what the tap emitted, validated', () => {
    const target = document.implementation.createHTMLDocument('p');
    const got = vi.fn();
    listenForCaptures(target, got);
    documentEmitter(target)(good);
    expect(got).toHaveBeenCalledWith(good);
  });

  it('refuses forged, malformed and oversized events, and kinds from another site', () => {
    const target = new EventTarget();
    const got = vi.fn();
    const refused: string[] = [];
    listenForCaptures(target, got, (why) => refused.push(why), SITE_KINDS['12306']);
    const send = (detail: unknown) => target.dispatchEvent(new CustomEvent(CAPTURE_EVENT, { detail }));
    const forged = (m: object) => encodeTapDetail(m as never);
    send({ ...good }); // an object, not the string the tap sends
    send('not json\n{}');
    send(forged({ ...good, url: 'javascript:alert(1)' }));
    send(forged({ ...good, body: 'x'.repeat(MAX_BODY_CHARS + 1) }));
    send(forged({ ...good, kind: 'fliggy-search' }));
    send(forged({ ...good, status: 'ok' }));
    expect(got).not.toHaveBeenCalled();
    expect(refused).toHaveLength(6);
    expect(refused[4]).toContain('does not belong');
  });

  it('hands the body on as the page received it, unparsed', () => {
    const target = new EventTarget();
    const got = vi.fn();
    listenForCaptures(target, got);
    const body = '{"a":1}\n\n<html>not json</html>';
    target.dispatchEvent(new CustomEvent(CAPTURE_EVENT, { detail: encodeTapDetail({ ...good, body }) }));
    expect(got).toHaveBeenCalledWith({ ...good, body });
  });
});
