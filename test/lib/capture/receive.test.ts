import { describe, expect, it, vi } from 'vitest';
import { CAPTURE_EVENT, documentEmitter, MAX_BODY_CHARS } from '../../../lib/capture/channel';
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
    send({ ...good }); // an object, not the JSON string the tap sends
    send('not json');
    send(JSON.stringify({ ...good, url: 'javascript:alert(1)' }));
    send(JSON.stringify({ ...good, body: 'x'.repeat(MAX_BODY_CHARS + 1) }));
    send(JSON.stringify({ ...good, kind: 'fliggy-search' }));
    send(JSON.stringify({ ...good, status: 'ok' }));
    expect(got).not.toHaveBeenCalled();
    expect(refused).toHaveLength(6);
    expect(refused[4]).toContain('does not belong');
  });
});
