import { useTranslation } from 'react-i18next';
import { Bar, CartesianGrid, ComposedChart, Legend, Line, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { formatDateTime, formatNumber, localizeDigits } from '../../../../lib/format';
import { useRuns } from '../../api/get-runs';
import { useSources } from '../../api/get-sources';
import { sourceName } from '../../utils/labels';

const TREND_RUNS = 30;

function SourceTrend({ sourceId }: { sourceId: string }) {
  const { t, i18n } = useTranslation('sync');
  const lng = i18n.language;
  const runs = useRuns({ sourceId, pageSize: TREND_RUNS });
  const points = (runs.data?.items ?? [])
    .filter((run) => run.durationMs !== null)
    .reverse()
    .map((run) => ({ id: run.id, seconds: Math.round((run.durationMs ?? 0) / 100) / 10, records: run.counts.fetched, at: run.createdAt }));
  const title = t('history.trendTitle', { source: sourceName(t, sourceId) });

  return (
    <figure className="card trend">
      <figcaption className="section-title">{title}</figcaption>
      {points.length === 0 ? (
        <p className="muted">{t('recentRuns.empty')}</p>
      ) : (
        <div className="trend__chart" dir="ltr" role="img" aria-label={t('history.trendSummary', { source: sourceName(t, sourceId), count: points.length })}>
          <ResponsiveContainer width="100%" height={180}>
            <ComposedChart data={points} margin={{ top: 8, right: 8, bottom: 0, left: 0 }}>
              <CartesianGrid strokeDasharray="3 3" stroke="#e3e6ea" />
              <XAxis dataKey="id" tickFormatter={(id: string) => localizeDigits(id, lng)} fontSize={11} />
              <YAxis yAxisId="records" orientation="left" tickFormatter={(value: number) => formatNumber(value, lng)} fontSize={11} width={56} />
              <YAxis yAxisId="seconds" orientation="right" tickFormatter={(value: number) => formatNumber(value, lng)} fontSize={11} width={40} />
              <Tooltip
                labelFormatter={(id, payload) => {
                  const at = payload?.[0]?.payload?.at as string | undefined;
                  return `${t('recentRuns.run', { id: localizeDigits(String(id), lng) })}${at ? ` — ${formatDateTime(at, lng)}` : ''}`;
                }}
                formatter={(value) => formatNumber(Number(value), lng)}
              />
              {/* The series' colours stay on the legend's marks; its words in the text colour (the light bar colour was 1.8:1). */}
              <Legend formatter={(label: string) => <span className="trend__legend-text">{label}</span>} />
              <Bar yAxisId="records" dataKey="records" name={t('history.trendRecords')} fill="#9cc3e6" />
              <Line yAxisId="seconds" dataKey="seconds" name={t('history.trendSeconds')} stroke="#b4531a" strokeWidth={2} dot={false} type="monotone" />
            </ComposedChart>
          </ResponsiveContainer>
        </div>
      )}
    </figure>
  );
}

/** Per source, its last runs: records fetched (bars) and duration in seconds (line). */
export function SourceTrends() {
  const { t } = useTranslation('sync');
  const sources = useSources();
  if (!sources.data?.length) return null;
  return (
    <section className="trends" aria-labelledby="trends-title">
      <h2 id="trends-title" className="section-title">
        {t('history.trends')}
      </h2>
      <div className="trends__grid">
        {sources.data.map((source) => (
          <SourceTrend key={source.id} sourceId={source.id} />
        ))}
      </div>
    </section>
  );
}
