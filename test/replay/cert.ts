// A throwaway self-signed certificate for the replay server, made with the system's openssl
// (Debian ships it) so no certificate is ever committed and no npm package is needed.
// Chromium is started with --ignore-certificate-errors, so the certificate only has to exist.

import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PUSH_HOSTS } from './push';

export interface Certificate {
  key: Buffer;
  cert: Buffer;
}

export const REPLAY_HOSTS = [
  'kyfw.12306.cn',
  'www.12306.cn',
  'sjipiao.fliggy.com',
  'gw.api.taobao.com',
  'eco.taobao.com',
  // The push services a watch alert may go to (test/replay/push.ts).
  ...PUSH_HOSTS,
] as const;

let cached: Certificate | undefined;

/** One certificate per process (generation costs ~100 ms of RSA key making). */
export function selfSignedCertificate(): Certificate {
  if (cached) return cached;
  const dir = mkdtempSync(join(tmpdir(), 'railair-cert-'));
  try {
    const keyPath = join(dir, 'key.pem');
    const certPath = join(dir, 'cert.pem');
    const san = ['localhost', ...REPLAY_HOSTS].map((h) => `DNS:${h}`).join(',') + ',IP:127.0.0.1';
    execFileSync(
      'openssl',
      [
        'req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-sha256', '-days', '2',
        '-keyout', keyPath, '-out', certPath,
        '-subj', '/CN=railair-replay',
        '-addext', `subjectAltName=${san}`,
      ],
      { stdio: ['ignore', 'ignore', 'pipe'] },
    );
    cached = { key: readFileSync(keyPath), cert: readFileSync(certPath) };
    return cached;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
