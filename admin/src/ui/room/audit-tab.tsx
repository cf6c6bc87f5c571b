import type { AuditEntryView } from '@parley/shared';
import { useEffect, useState } from 'preact/hooks';
import { useConsole } from '../console-context.js';

const shown = (value: unknown) => (value === null || value === undefined ? '(unset)' : typeof value === 'string' ? value : JSON.stringify(value));

/** Who changed what and when, field by field, newest first. */
export function AuditTab({ path }: { path: string }) {
  const { api } = useConsole();
  const [entries, setEntries] = useState<AuditEntryView[] | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

  useEffect(() => {
    void api.get<{ entries: AuditEntryView[] }>(path).then((result) => (result.ok ? setEntries(result.body.entries) : setProblem(result.message)));
  }, [path]);

  if (problem) return <p role="alert">{problem}</p>;
  if (!entries) return <p role="status">Loading…</p>;
  if (entries.length === 0) return <p>No changes recorded yet.</p>;
  return (
    <ol class="audit">
      {entries.map((entry, index) => (
        <li key={index}>
          <p>
            <time dateTime={new Date(entry.at).toISOString()}>{new Date(entry.at).toLocaleString()}</time> — {entry.actor.replace(/^admin:/, '')} {entry.action}
          </p>
          {entry.changes.length > 0 && (
            <ul>
              {entry.changes.map((change) => (
                <li key={change.path}>
                  <code>{change.path}</code>: {shown(change.from)} → {shown(change.to)}
                </li>
              ))}
            </ul>
          )}
        </li>
      ))}
    </ol>
  );
}
