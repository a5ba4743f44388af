// `npm run decode -- FILE` (or `-` for stdin): detects which format FILE holds (12306 left-ticket
// query incl. a bare JSON array of rows, station_name.js, Taobao flight search JSON/XML, Fliggy
// search JSONP), decodes it and prints the normalized JSON on stdout.
// On failure: exit 1 and ONE line on stderr, `decode: FILE: <format tried>: <code>: <message>`.
import { readFileSync } from 'node:fs';
import { decodeAny } from '../lib/decode-any';

/** UTF-8, unless the bytes only make sense as GB18030 (12306 pages saved by Chinese tools often are). */
function decodeBytes(bytes: Uint8Array): { text: string; encoding: 'utf-8' | 'gb18030' } {
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    // Not valid UTF-8: GB18030 when it reads cleanly, else UTF-8 with replacement characters
    // (the decoders report those as issues).
    try {
      return { text: new TextDecoder('gb18030', { fatal: true }).decode(bytes), encoding: 'gb18030' };
    } catch {
      return { text: new TextDecoder('utf-8').decode(bytes), encoding: 'utf-8' };
    }
  }
}

function main(argv: string[]): number {
  const args = argv.filter((a) => a !== '--');
  const file = args[0];
  if (!file || args.length > 1) {
    process.stderr.write('decode: usage: npm run decode -- FILE   (FILE "-" reads stdin)\n');
    return 1;
  }
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(file === '-' ? 0 : file);
  } catch (e) {
    const why = e instanceof Error ? e.message : String(e);
    process.stderr.write(`decode: ${file}: read: bad-input: ${why.split('\n')[0]}\n`);
    return 1;
  }
  const { text, encoding } = decodeBytes(bytes);
  const { format, result } = decodeAny(text);
  if (!result.ok) {
    // Decoder messages start with their own name; the line already says which format was tried.
    let message = result.error.message.en.replace(/\s+/g, ' ').trim();
    if (message.startsWith(`${format}: `)) message = message.slice(format.length + 2);
    process.stderr.write(`decode: ${file}: ${format}: ${result.error.code}: ${message}\n`);
    return 1;
  }
  process.stdout.write(`${JSON.stringify({ format, encoding, value: result.value, issues: result.issues }, null, 2)}\n`);
  if (result.issues.length > 0) process.stderr.write(`decode: ${file}: ${format}: ${result.issues.length} issue(s), see "issues"\n`);
  return 0;
}

process.exitCode = main(process.argv.slice(2));
