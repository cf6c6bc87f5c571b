import type { AgentStatus, SupervisorView } from '@parley/shared';
import { useEffect, useState } from 'preact/hooks';
import { useConsole } from '../console-context.js';
import { DayReportSection } from './day-report-section.js';

/** How often the view is fetched again while it is shown. */
const EVERY_MS = 5000;

const STATUS_WORDS: Record<AgentStatus, string> = {
  WAITING_NEW_CALL: 'Ready',
  SERVING_CUSTOMER: 'Serving a visitor',
  TAKING_BREAK: 'On a break',
  HANG_UP: 'Ended a chat',
  REMOTE_CUSTOMER_HANGUP: 'Visitor ended a chat',
};

const status = (value: AgentStatus | null) => (value ? STATUS_WORDS[value] : 'Signed out');
const duration = (ms: number | null) =>
  ms === null ? 'none yet' : ms < 60_000 ? `${Math.round(ms / 1000)} s` : `${Math.floor(ms / 60_000)} min ${Math.round((ms % 60_000) / 1000)} s`;

/** Chats past a response target, and agents quiet past the room's time to tell the supervisor. */
function NeedsAttention({ view }: { view: SupervisorView }) {
  const rows = [
    ...view.breaches.map((breach) => ({
      id: `b-${breach.conversationId}`,
      agent: breach.agentName ?? 'Agent',
      what: `${breach.kind === 'first' ? 'First' : 'Next'} reply overdue by ${duration(view.now - breach.dueAt)}`,
    })),
    ...view.quietAgents.map((quiet) => ({
      id: `q-${quiet.conversationId}`,
      agent: quiet.agentName ?? 'Agent',
      what: `No reply to the visitor for ${duration(view.now - quiet.since)}`,
    })),
  ];
  return (
    <section class="section">
      <h2>Needs attention ({rows.length})</h2>
      {rows.length === 0 ? (
        <p>Every chat is within its targets.</p>
      ) : (
        <table>
          <caption class="sr-only">Chats past a response target or with a quiet agent</caption>
          <thead>
            <tr>
              <th scope="col">Agent</th>
              <th scope="col">What</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.id}>
                <td>{row.agent}</td>
                <td>{row.what}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

/** The room live: who waits and since when, each agent on each client, and today's figures. */
export function SupervisorTab({ name }: { name: string }) {
  const { api } = useConsole();
  const [view, setView] = useState<SupervisorView | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

  useEffect(() => {
    const load = () =>
      void api.get<SupervisorView>(`/api/admin/rooms/${encodeURIComponent(name)}/supervisor`).then((result) => {
        if (result.ok) {
          setView(result.body);
          setProblem(null);
        } else setProblem(result.message);
      });
    load();
    const timer = setInterval(load, EVERY_MS);
    return () => clearInterval(timer);
  }, [name]);

  if (problem) return <p role="alert">{problem}</p>;
  if (!view) return <p role="status">Loading…</p>;
  return (
    <>
      <section class="section">
        <h2>Today</h2>
        <dl class="figures">
          <dt>Chats started</dt>
          <dd>{view.today.chats}</dd>
          <dt>Median wait before an agent accepted</dt>
          <dd>{duration(view.today.medianWaitMs)}</dd>
          <dt>Median time to the agent's first reply</dt>
          <dd>{duration(view.today.medianFirstResponseMs)}</dd>
        </dl>
      </section>
      <NeedsAttention view={view} />
      <DayReportSection name={name} refreshMs={EVERY_MS * 6} />
      <section class="section">
        <h2>Waiting ({view.waiting.length})</h2>
        {view.waiting.length === 0 ? (
          <p>Nobody is waiting.</p>
        ) : (
          <table>
            <caption class="sr-only">Visitors waiting</caption>
            <thead>
              <tr>
                <th scope="col">Visitor</th>
                <th scope="col">Waiting for</th>
              </tr>
            </thead>
            <tbody>
              {view.waiting.map((entry) => (
                <tr key={entry.conversationId}>
                  <td>{entry.visitorName ?? 'Visitor'}</td>
                  <td>{duration(view.now - entry.waitingSince)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      <section class="section">
        <h2>Agents</h2>
        <table>
          <caption class="sr-only">Agents of the room and their statuses</caption>
          <thead>
            <tr>
              <th scope="col">Agent</th>
              <th scope="col">Browser</th>
              <th scope="col">Phone</th>
            </tr>
          </thead>
          <tbody>
            {view.agents.map((agent) => (
              <tr key={agent.id}>
                <td>{agent.name}</td>
                <td>{status(agent.browser)}</td>
                <td>{status(agent.mobile)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </>
  );
}
