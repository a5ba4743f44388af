import { describe, expect, it } from 'vitest';
import { idleTurn, inIdleSlices, whenPage } from '../../../components/overlay/idle';

describe('idle-time work', () => {
  it('works through every item, a slice at a time, then says it is done', async () => {
    const seen: number[] = [];
    await new Promise<void>((done) => inIdleSlices([1, 2, 3, 4, 5], (n) => seen.push(n), done));
    expect(seen).toEqual([1, 2, 3, 4, 5]);
  });

  it('stops when cancelled', async () => {
    const seen: number[] = [];
    const items = Array.from({ length: 10_000 }, (_, i) => i);
    const cancel = inIdleSlices(items, (n) => {
      seen.push(n);
      const t = performance.now();
      while (performance.now() - t < 0.5); // each item takes time: several slices
    });
    await new Promise((r) => setTimeout(r, 20));
    cancel();
    const after = seen.length;
    await new Promise((r) => setTimeout(r, 30));
    expect(after).toBeGreaterThan(0);
    expect(after).toBeLessThan(items.length);
    expect(seen.length).toBe(after);
  });

  it('idleTurn resolves in a later task, not in the microtasks of this one', async () => {
    const order: string[] = [];
    const turned = idleTurn().then(() => order.push('idle'));
    setTimeout(() => order.push('task'), 0);
    await Promise.resolve();
    order.push('microtask');
    await turned;
    expect(order[0]).toBe('microtask');
    expect(order).toContain('idle');
  });

  it('waits for the page to show what we annotate, or for the fallback', async () => {
    const doc = document.implementation.createHTMLDocument('p');
    let ready = false;
    const shown = whenPage(doc, () => doc.querySelector('#rows tr') !== null, new Promise(() => {})).then(() => (ready = true));
    await new Promise((r) => setTimeout(r, 5));
    expect(ready).toBe(false);
    doc.body.innerHTML = '<table id="rows"><tr><td>G1</td></tr></table>';
    await shown;
    expect(ready).toBe(true);
    await whenPage(doc, () => false, Promise.resolve());
  });
});
