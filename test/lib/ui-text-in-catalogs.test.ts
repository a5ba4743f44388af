// UI text lives in the catalogs (public/_locales), not in components: a Chinese literal in a
// component or entry point is UI text that the English UI would show untranslated. Comments,
// the language picker's endonym and the pattern that reads a client's own Chinese words are the
// only Chinese allowed there.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const ALLOWED = [/<option value="zh-CN">简体中文<\/option>/, /const OWN_COUNTDOWN = /];

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? files(p) : /\.tsx?$/.test(f) ? [p] : [];
  });
}

describe('UI text', () => {
  it('has no Chinese literal in components or entry points outside the catalogs', () => {
    const found: string[] = [];
    for (const file of [...files('components'), ...files('entrypoints')]) {
      readFileSync(file, 'utf8')
        .split('\n')
        .forEach((line, i) => {
          const code = line.replace(/^\s*(\/\/|\*|\/\*).*$/, '').replace(/\s\/\/\s.*$/, '').replace(/\{\/\*.*?\*\/\}/g, '');
          if (/[\u4e00-\u9fff]/.test(code) && !ALLOWED.some((a) => a.test(code))) found.push(`${file}:${i + 1}: ${line.trim()}`);
        });
    }
    expect(found).toEqual([]);
  });
});
