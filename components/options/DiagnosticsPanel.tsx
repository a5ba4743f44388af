// What the extension could not read: captures whose format we did not recognise (from the
// capture helper's store), the live client's endpoint and station list state; export as JSON.
import { useEffect, useState } from 'preact/hooks';
import type { Diagnostics } from '../../lib/store/diagnostics';
import { t } from '../../lib/i18n/catalog';
import { chinaDateOf, chinaHm } from '../../lib/time';
import type { ClientStatus, OptionsApi } from './api';
import { Section } from './Section';

const when = (t: number) => `${chinaDateOf(t)} ${chinaHm(t)}`;

export function DiagnosticsPanel({ api }: { api: OptionsApi }) {
  const [diag, setDiag] = useState<Diagnostics | undefined>();
  const [status, setStatus] = useState<ClientStatus | undefined>();
  useEffect(() => {
    void api.diagnostics().then(setDiag);
    void api.status().then(setStatus).catch(() => undefined);
  }, []);

  return (
    <Section id="diagnostics" title={t('options_diagnostics')}>
      {status && (
        <p class="hint" data-testid="client-status">
          {t('options_diagEndpoint')}: <code>{status.endpoint.name}</code> ({status.endpoint.source}) ·{' '}
          {t('options_diagStations')}: {status.stations.count}
          {status.stations.version ? ` v${status.stations.version}` : ''}
          {status.stations.lastError ? ` · ${status.stations.lastError}` : ''}
          {status.blockedUntil ? ` · ${t('options_diagPausedUntil', chinaHm(status.blockedUntil))}` : ''}
          {status.endpoint.lastPath && (
            <span data-testid="client-last-path" data-via={status.endpoint.lastPath.via}>
              {' · '}
              {t('options_diagLastAnswer')}: {t(status.endpoint.lastPath.via === 'tab' ? 'options_diagViaTab' : 'options_diagViaWorker')}{' '}
              {when(status.endpoint.lastPath.at)}
            </span>
          )}
        </p>
      )}
      {status?.fliggyBlockedUntil !== undefined && (
        <p class="hint" data-testid="fliggy-status">
          {t('options_diagFliggyPaused', chinaHm(status.fliggyBlockedUntil))}
        </p>
      )}
      {!diag ? (
        <p>…</p>
      ) : diag.entries.length === 0 ? (
        <p data-testid="diag-empty">{t('options_diagEmpty')}</p>
      ) : (
        <table class="diag" data-testid="diag-table">
          <thead>
            <tr>
              <th>{t('options_diagWhen')}</th>
              <th>{t('options_diagKind')}</th>
              <th>{t('options_diagError')}</th>
              <th>URL</th>
              <th>{t('options_diagSample')}</th>
            </tr>
          </thead>
          <tbody>
            {diag.entries.map((e, i) => (
              <tr key={i}>
                <td>{when(e.at)}</td>
                <td>{e.kind}</td>
                <td>
                  <code>{e.code}</code> {e.message}
                </td>
                <td class="url">{e.url}</td>
                <td>
                  <code class="sample">{e.sample}</code>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {diag && (
        <p>
          {t('options_diagCounts', diag.undecodable, diag.unrecognised)}{' '}
          <button
            type="button"
            id="export-diagnostics"
            onClick={() =>
              api.download(
                `railair-diagnostics-${chinaDateOf(api.now())}.json`,
                JSON.stringify({ exportedAt: new Date(api.now()).toISOString(), client: status, ...diag }, null, 2),
              )
            }
          >
            {t('options_diagExport')}
          </button>
        </p>
      )}
    </Section>
  );
}
