import type { AgentRecord, RoomRecord } from '@parley/shared';
import { defaultPrivateRoom, type RoomConfig } from '@parley/shared/settings';
import { useEffect, useState } from 'preact/hooks';
import { useConsole } from '../console-context.js';
import { CopyButton } from '../copy-button.js';

type Props = { room: RoomConfig; version: number; onKeyRotated: (record: RoomRecord) => void };

const attr = (text: string) => text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

/**
 * What a site owner pastes and shares: the script tag with its options (launcher side, opening
 * by itself after a while, a whisper line beside the launcher), a preview page with them, each
 * agent's private room link, and the statistics URLs with the room's key.
 */
export function EmbedTab({ room, version, onKeyRotated }: Props) {
  const { api, publicUrl } = useConsole();
  const [position, setPosition] = useState('');
  const [openAfter, setOpenAfter] = useState('');
  const [whisper, setWhisper] = useState('');
  const [whisperAfter, setWhisperAfter] = useState('15');
  const [agents, setAgents] = useState<AgentRecord[]>([]);
  const [rotation, setRotation] = useState<string | null>(null);

  useEffect(() => {
    void api
      .get<{ agents: AgentRecord[] }>('/api/admin/agents')
      .then((result) => result.ok && setAgents(result.body.agents.filter((a) => a.agent.rooms[0] === room.name)));
  }, [room.name]);

  const options: [string, string][] = [
    ['position', position],
    ['open-after', openAfter],
    ['whisper', whisper],
    ['whisper-after', whisper ? whisperAfter : ''],
  ];
  const chosen = options.filter(([, value]) => value.trim() !== '');
  const tag = `<script src="${publicUrl}/widget.js" data-room="${room.name}"${chosen.map(([key, value]) => ` data-${key}="${attr(value)}"`).join('')} async></script>`;
  const previewUrl = `${publicUrl}/preview/${encodeURIComponent(room.name)}${chosen.length ? `?${new URLSearchParams(chosen).toString()}` : ''}`;
  const stats = `${publicUrl}/api/rooms/${encodeURIComponent(room.name)}/stats`;
  const details = `${stats}/details?key=${encodeURIComponent(room.statsKey)}`;

  const rotate = async () => {
    const result = await api.post<RoomRecord>(`/api/admin/rooms/${encodeURIComponent(room.name)}/stats-key`, { version });
    if (result.ok) {
      onKeyRotated(result.body);
      setRotation('A new key is in force: the old one no longer works. Update the sites that used it.');
    } else setRotation(result.message);
  };

  return (
    <>
      <section class="section">
        <h2>Embed code</h2>
        <p class="description">Paste before &lt;/body&gt; on every page of the site.</p>
        <div class="field">
          <label for="embed-position">Launcher position</label>
          <select id="embed-position" value={position} onChange={(e) => setPosition(e.currentTarget.value)}>
            <option value="">As the room's theme says ({room.launcherPosition})</option>
            <option value="right">Bottom right</option>
            <option value="left">Bottom left</option>
          </select>
        </div>
        <div class="field">
          <label for="embed-open-after">Open the contact form by itself after this many seconds (empty: never)</label>
          <input id="embed-open-after" type="number" min={0} max={3600} value={openAfter} onInput={(e) => setOpenAfter(e.currentTarget.value)} />
        </div>
        <div class="field">
          <label for="embed-whisper">Whisper text beside the launcher (empty: none)</label>
          <input id="embed-whisper" maxLength={140} value={whisper} onInput={(e) => setWhisper(e.currentTarget.value)} />
        </div>
        <div class="field">
          <label for="embed-whisper-after">Show the whisper after the visitor has stayed this many seconds</label>
          <input id="embed-whisper-after" type="number" min={0} max={3600} value={whisperAfter} onInput={(e) => setWhisperAfter(e.currentTarget.value)} />
        </div>
        <label for="embed-code">The code</label>
        <textarea id="embed-code" class="code" readOnly rows={3} value={tag} />
        <CopyButton text={tag} label="Copy the embed code" />{' '}
        <a href={previewUrl} target="_blank" rel="noopener noreferrer">
          Open a preview page with this code
        </a>
      </section>
      <section class="section">
        <h2>Links</h2>
        <p>
          The room as a page of its own: <a href={`${publicUrl}/chat/${encodeURIComponent(room.name)}`}>{`${publicUrl}/chat/${room.name}`}</a>
        </p>
        {agents.length > 0 && (
          <>
            <h3>Private rooms of its agents (chats there go to that agent only)</h3>
            <ul>
              {agents.map(({ agent }) => {
                const url = `${publicUrl}/chat/${encodeURIComponent(agent.privateRoom ?? defaultPrivateRoom(agent.id))}`;
                return (
                  <li key={agent.id}>
                    {agent.name}: <a href={url}>{url}</a>
                  </li>
                );
              })}
            </ul>
          </>
        )}
      </section>
      <section class="section">
        <h2>Staff statistics</h2>
        <p>Sites poll these for the agents' statuses. The summary is public; the details name agents and need the key.</p>
        <label for="stats-summary">Summary</label>
        <input id="stats-summary" class="code" readOnly value={stats} />
        <label for="stats-details">Details</label>
        <input id="stats-details" class="code" readOnly value={details} />
        <CopyButton text={details} label="Copy the details URL" />
        <p>Example, in a page: how many agents wait for a new chat in the browser:</p>
        <pre class="code">{`const stats = await (await fetch('${stats}')).json();\nstats.agStatSummary.browserAgentStatus.WAITING_NEW_CALL;`}</pre>
        <button type="button" onClick={rotate}>
          Make a new statistics key
        </button>
        {rotation && <p role="status">{rotation}</p>}
      </section>
    </>
  );
}
