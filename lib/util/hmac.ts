// HMAC-SHA256 over UTF-8 strings with WebCrypto (worker, pages and Node alike): the signature the
// Taobao Open Platform and the DingTalk / Feishu webhooks ask for, each encoding it its own way.
export async function hmacSha256(key: string, message: string): Promise<Uint8Array> {
  const enc = new TextEncoder();
  const k = await crypto.subtle.importKey('raw', enc.encode(key), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
  return new Uint8Array(await crypto.subtle.sign('HMAC', k, enc.encode(message)));
}
