// The private channel between the MAIN-world tap and the isolated content script: the port is
// handed over once, whichever side starts first; captures arrive over it only, validated; nothing
// a page can dispatch is read.
import { describe, expect, it, vi } from 'vitest';
import { encodeTapDetail, HELLO_EVENT, MAX_BODY_CHARS, PORT_EVENT, portEmitter, type ChannelGlobals } from '../../../lib/capture/channel';
import { listenForCaptures } from '../../../lib/capture/receive';
import { SITE_KINDS } from '../../../lib/capture/urls';

const good = { v: 1, kind: 'left-ticket', url: 'https://kyfw.12306.cn/otn/leftTicket/queryZ?x=1', status: 200, body: '{}', at: 1 } as const;
// The test environment's global MessagePort is happy-dom's; the channel's ports are Node's.
const NodePort = Object.getPrototypeOf(new MessageChannel().port1).constructor as typeof MessagePort;
const globals: ChannelGlobals = { MessageChannel, MessageEvent, MessagePort: NodePort };
/** Port messages are delivered in a later task. */
const settle = () => new Promise((r) => setTimeout(r, 20));

describe('private capture channel', () => {
  it('tap first: the isolated script’s hello gets the port, and captures made meanwhile arrive', async () => {
    const doc = new EventTarget();
    const emit = portEmitter(doc, globals);
    emit(good); // before anyone listens: queued
    const got = vi.fn();
    const stop = listenForCaptures(doc, got);
    await settle();
    expect(got).toHaveBeenCalledWith(good);
    stop();
  });

  it('isolated script first: the tap’s offer is taken at once', async () => {
    const doc = new EventTarget();
    const got = vi.fn();
    const stop = listenForCaptures(doc, got);
    const emit = portEmitter(doc, globals);
    emit(good);
    await settle();
    expect(got).toHaveBeenCalledWith(good);
    stop();
  });

  it('reads a capture only when the given schedule runs it (content scripts: idle time), in arrival order', async () => {
    const doc = new EventTarget();
    const got = vi.fn();
    const later: Array<() => void> = [];
    const stop = listenForCaptures(doc, got, () => {}, undefined, (read) => void later.push(read));
    const emit = portEmitter(doc, globals);
    emit(good);
    emit({ ...good, at: 2 });
    await settle();
    expect(got).not.toHaveBeenCalled();
    expect(later).toHaveLength(2);
    for (const read of later) read();
    expect(got.mock.calls.map(([c]) => c.at)).toEqual([1, 2]);
    stop();
  });

  it('ignores what a page dispatches: a second port, a hello asking for the port, old-style events', async () => {
    const doc = new EventTarget();
    const got = vi.fn();
    const stop = listenForCaptures(doc, got);
    portEmitter(doc, globals)(good);
    // A page script, later: offers its own port with a forged capture…
    const forged = new MessageChannel();
    const taken = !doc.dispatchEvent(new MessageEvent(PORT_EVENT, { cancelable: true, ports: [forged.port2] }));
    forged.port1.postMessage(encodeTapDetail({ ...good, body: '{"forged":true}' }));
    // …asks the tap for a port (it has handed its one over already)…
    const asked = vi.fn((e: Event) => e.preventDefault());
    doc.addEventListener(PORT_EVENT, asked);
    doc.dispatchEvent(new Event(HELLO_EVENT));
    // …and uses the channel of the first version.
    doc.dispatchEvent(new CustomEvent('railair:capture:v1', { detail: encodeTapDetail({ ...good, body: '{"forged":2}' }) }));
    await settle();
    expect(taken).toBe(false);
    expect(asked).not.toHaveBeenCalled();
    expect(got).toHaveBeenCalledTimes(1);
    expect(got).toHaveBeenCalledWith(good);
    forged.port1.close();
    stop();
  });

  it('refuses malformed and oversized captures, and kinds from another site', async () => {
    const doc = new EventTarget();
    const got = vi.fn();
    const refused: string[] = [];
    const stop = listenForCaptures(doc, got, (why) => refused.push(why), SITE_KINDS['12306']);
    // The test plays the tap, to send what a real tap never would.
    let port: MessagePort | undefined;
    const ch = new MessageChannel();
    doc.dispatchEvent(new MessageEvent(PORT_EVENT, { cancelable: true, ports: [ch.port2] }));
    port = ch.port1;
    const send = (data: unknown) => port!.postMessage(data);
    const forged = (m: object) => encodeTapDetail(m as never);
    send({ ...good }); // an object, not the string the tap sends
    send('not json\n{}');
    send(forged({ ...good, url: 'javascript:alert(1)' }));
    send(forged({ ...good, body: 'x'.repeat(MAX_BODY_CHARS + 1) }));
    send(forged({ ...good, kind: 'fliggy-search' }));
    send(forged({ ...good, status: 'ok' }));
    await settle();
    expect(got).not.toHaveBeenCalled();
    expect(refused).toHaveLength(6);
    expect(refused[4]).toContain('does not belong');
    stop();
    ch.port1.close();
  });

  it('hands the body on as the page received it, unparsed', async () => {
    const doc = new EventTarget();
    const got = vi.fn();
    const stop = listenForCaptures(doc, got);
    const body = '{"a":1}\n\n<html>not json</html>';
    portEmitter(doc, globals)({ ...good, body });
    await settle();
    expect(got).toHaveBeenCalledWith({ ...good, body });
    stop();
  });
});
