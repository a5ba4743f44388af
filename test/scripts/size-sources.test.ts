import { describe, expect, it } from 'vitest';
import { spans } from '../../scripts/size-sources';

describe('size-sources: a bundle’s bytes by source', () => {
  it('decodes a source map’s segments into spans of the generated text, each with its source', () => {
    // Line 1: "ab" from source 0, "c" from source 1 (+1); line 2: "def" from source 0 (−1), then a
    // segment with no source field from column 3 on.
    expect(spans('abc\ndef', 'AAAA,ECAA;ADAA,G')).toEqual([
      [0, 2, 0],
      [2, 4, 1],
      [4, 7, 0],
      [7, 7, -1],
    ]);
  });

  it('reads multi-digit values (continuation bits) and negative column steps within a line', () => {
    // Column 20 ("oB" = 20) from source 0, then back to column 0 ("pB" = −20) from source 1.
    const code = 'x'.repeat(30);
    expect(spans(code, 'oBAAA,pBCAA')).toEqual([
      [0, 20, 1],
      [20, 30, 0],
    ]);
  });
});
