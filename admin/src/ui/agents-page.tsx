import type { AgentRecord, AgentStatus, InviteLink, RoomRecord } from '@parley/shared';
import { useEffect, useState } from 'preact/hooks';
import { routeHash } from '../state/route.js';
import { useConsole } from './console-context.js';
import { InviteNotice } from './invite-notice.js';

const online = (status: AgentStatus | null) =>
  status === null ? null : status === 'WAITING_NEW_CALL' ? 'ready' : status === 'SERVING_CUSTOMER' ? 'serving' : 'not ready';

/** Where the agent is signed in now, in words. */
export function presence({ online: statuses }: AgentRecord): string {
  const parts = [statuses.browser && `browser: ${online(statuses.browser)}`, statuses.mobile && `phone: ${online(statuses.mobile)}`].filter(Boolean);
  return parts.length > 0 ? parts.join(', ') : 'signed out';
}

/** Every agent, who is online now, and a new agent invited by a one-time link. */
export function AgentsPage() {
  const { api } = useConsole();
  const [agents, setAgents] = useState<AgentRecord[] | null>(null);
  const [rooms, setRooms] = useState<RoomRecord[]>([]);
  const [problem, setProblem] = useState<string | null>(null);
  const [id, setId] = useState('');
  const [name, setName] = useState('');
  const [chosen, setChosen] = useState<string[]>([]);
  const [invite, setInvite] = useState<{ name: string; link: InviteLink } | null>(null);

  const load = () =>
    void api.get<{ agents: AgentRecord[] }>('/api/admin/agents').then((result) => (result.ok ? setAgents(result.body.agents) : setProblem(result.message)));
  useEffect(() => {
    load();
    void api.get<{ rooms: RoomRecord[] }>('/api/admin/rooms').then((result) => result.ok && setRooms(result.body.rooms));
  }, [api]);

  const create = async (event: Event) => {
    event.preventDefault();
    const result = await api.post<AgentRecord & { invite: InviteLink }>('/api/admin/agents', { version: 0, agent: { id, name, rooms: chosen } });
    if (!result.ok) return setProblem(result.message);
    setProblem(null);
    setInvite({ name, link: result.body.invite });
    setId('');
    setName('');
    setChosen([]);
    load();
  };

  return (
    <>
      <h1>Agents</h1>
      {problem && <p role="alert">{problem}</p>}
      {invite && <InviteNotice who={invite.name} link={invite.link} />}
      {agents && (
        <table>
          <caption class="sr-only">Agents</caption>
          <thead>
            <tr>
              <th scope="col">Agent</th>
              <th scope="col">Rooms</th>
              <th scope="col">Now</th>
              <th scope="col">Account</th>
            </tr>
          </thead>
          <tbody>
            {agents.map((record) => (
              <tr key={record.agent.id}>
                <td>
                  <a href={routeHash({ page: 'agent', id: record.agent.id })}>{record.agent.name}</a> <span class="muted">{record.agent.id}</span>
                </td>
                <td>{record.agent.rooms.join(', ')}</td>
                <td>{presence(record)}</td>
                <td>{record.agent.disabled ? 'disabled' : record.agent.hasPassword ? 'active' : 'invited, no password yet'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <form class="inline-form" onSubmit={create} aria-labelledby="new-agent">
        <h2 id="new-agent">Invite an agent</h2>
        <label for="new-agent-id">Email</label>
        <input id="new-agent-id" type="email" required value={id} onInput={(e) => setId(e.currentTarget.value)} />
        <label for="new-agent-name">Name</label>
        <input id="new-agent-name" required value={name} onInput={(e) => setName(e.currentTarget.value)} />
        <fieldset>
          <legend>Rooms they answer</legend>
          {rooms.map(({ room }) => (
            <label key={room.name}>
              <input
                type="checkbox"
                checked={chosen.includes(room.name)}
                onChange={(e) => setChosen(e.currentTarget.checked ? [...chosen, room.name] : chosen.filter((r) => r !== room.name))}
              />{' '}
              {room.label}
            </label>
          ))}
        </fieldset>
        <button type="submit" class="primary">
          Create and get an invite link
        </button>
      </form>
    </>
  );
}
