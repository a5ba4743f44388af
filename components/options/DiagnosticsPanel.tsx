// What the extension could not read: captures whose format we did not recognise (from the
// capture helper's store), the live client's endpoint and station list state; export as JSON.
import { useEffect, useState } from 'preact/hooks';
import type { Diagnostics } from '../../lib/store/diagnostics';
import type { Lang } from '../../lib/i18n';
import { tr } from '../../lib/i18n';
import { chinaDateOf, chinaHm } from '../../lib/time';
import type { ClientStatus, OptionsApi } from './api';
import { Section } from './Section';

const when = (t: number) => `${chinaDateOf(t)} ${chinaHm(t)}`;

export function DiagnosticsPanel({ api, lang }: { api: OptionsApi; lang: Lang }) {
  const [diag, setDiag] = useState<Diagnostics | undefined>();
  const [status, setStatus] = useState<ClientStatus | undefined>();
  useEffect(() => {
    void api.diagnostics().then(setDiag);
    void api.status().then(setStatus).catch(() => undefined);
  }, []);

  return (
    <Section id="diagnostics" title={tr(lang, '诊断', 'Diagnostics')}>
      {status && (
        <p class="hint" data-testid="client-status">
          12306 {tr(lang, '查询接口', 'endpoint')}: <code>{status.endpoint.name}</code> ({status.endpoint.source}) ·{' '}
          {tr(lang, '车站表', 'stations')}: {status.stations.count}
          {status.stations.version ? ` v${status.stations.version}` : ''}
          {status.stations.lastError ? ` · ${status.stations.lastError}` : ''}
          {status.blockedUntil ? ` · ${tr(lang, '暂停查询至', 'paused until')} ${chinaHm(status.blockedUntil)}` : ''}
          {status.endpoint.lastPath && (
            <span data-testid="client-last-path" data-via={status.endpoint.lastPath.via}>
              {' · '}
              {tr(lang, '上次应答', 'last answer')}:{' '}
              {status.endpoint.lastPath.via === 'tab'
                ? tr(lang, '12306 页面（标签页转查）', '12306 tab (relayed)')
                : tr(lang, '扩展后台直接查询', 'worker query')}{' '}
              {when(status.endpoint.lastPath.at)}
            </span>
          )}
        </p>
      )}
      {status?.fliggyBlockedUntil !== undefined && (
        <p class="hint" data-testid="fliggy-status">
          {tr(lang, `飞猪实时查询暂停至 ${chinaHm(status.fliggyBlockedUntil)}（验证或限流）`, `Fliggy live search paused until ${chinaHm(status.fliggyBlockedUntil)} (verification or a limit)`)}
        </p>
      )}
      {!diag ? (
        <p>…</p>
      ) : diag.entries.length === 0 ? (
        <p data-testid="diag-empty">{tr(lang, '没有无法识别的数据。', 'Nothing we could not read.')}</p>
      ) : (
        <table class="diag" data-testid="diag-table">
          <thead>
            <tr>
              <th>{tr(lang, '时间', 'When')}</th>
              <th>{tr(lang, '类型', 'Kind')}</th>
              <th>{tr(lang, '错误', 'Error')}</th>
              <th>URL</th>
              <th>{tr(lang, '开头', 'First bytes')}</th>
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
          {tr(lang, `累计无法解析 ${diag.undecodable} 次，未识别的行 ${diag.unrecognised} 条。`, `${diag.undecodable} undecodable captures, ${diag.unrecognised} unrecognised rows so far.`)}{' '}
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
            {tr(lang, '导出 JSON', 'Export JSON')}
          </button>
        </p>
      )}
    </Section>
  );
}
