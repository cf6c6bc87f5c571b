import { useEffect, useState } from 'preact/hooks';
import { useConsole } from '../console-context.js';

type DayReport = {
  date: string;
  chats: number;
  answered: number;
  missed: number;
  medianWaitMs: number | null;
  p90WaitMs: number | null;
  medianFirstResponseMs: number | null;
  serviceLevelMetPercent: number | null;
  medianDurationMs: number | null;
  results: Record<string, number>;
};

const seconds = (ms: number | null) =>
  ms === null ? 'none' : ms < 60_000 ? `${Math.round(ms / 1000)} s` : `${Math.floor(ms / 60_000)} min ${Math.round((ms % 60_000) / 1000)} s`;

/** Today's report of the room (chats that ended today, from the store), with its CSV to download. */
export function DayReportSection({ name, refreshMs }: { name: string; refreshMs: number }) {
  const { api } = useConsole();
  const [report, setReport] = useState<DayReport | null>(null);
  const path = `/api/admin/rooms/${encodeURIComponent(name)}/report`;
  useEffect(() => {
    const load = () => void api.get<DayReport>(path).then((result) => result.ok && setReport(result.body));
    load();
    const timer = setInterval(load, refreshMs);
    return () => clearInterval(timer);
  }, [name]);
  if (!report) return null;
  const download = async () => {
    const csv = await api.text(`${path}?date=${report.date}&format=csv`);
    if (csv === null) return;
    const link = document.createElement('a');
    link.href = URL.createObjectURL(new Blob([csv], { type: 'text/csv' }));
    link.download = `parley-${name}-${report.date}.csv`;
    link.click();
    URL.revokeObjectURL(link.href);
  };
  return (
    <section class="section">
      <h2>Report for {report.date}</h2>
      <dl class="figures">
        <dt>Chats ended</dt>
        <dd>{report.chats}</dd>
        <dt>Answered / missed</dt>
        <dd>
          {report.answered} / {report.missed}
        </dd>
        <dt>Wait: median, 90th percentile</dt>
        <dd>
          {seconds(report.medianWaitMs)}, {seconds(report.p90WaitMs)}
        </dd>
        <dt>Median first reply</dt>
        <dd>{seconds(report.medianFirstResponseMs)}</dd>
        <dt>Replies within target</dt>
        <dd>{report.serviceLevelMetPercent === null ? 'no target' : `${report.serviceLevelMetPercent} %`}</dd>
        <dt>Median length</dt>
        <dd>{seconds(report.medianDurationMs)}</dd>
        {Object.entries(report.results).map(([code, count]) => [<dt key={`c-${code}`}>Result: {code}</dt>, <dd key={`n-${code}`}>{count}</dd>])}
      </dl>
      <button type="button" onClick={() => void download()}>
        Download CSV
      </button>
    </section>
  );
}
