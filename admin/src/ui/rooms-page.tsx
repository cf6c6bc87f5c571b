import type { RoomRecord } from '@parley/shared';
import { useEffect, useState } from 'preact/hooks';
import { routeHash } from '../state/route.js';
import { useConsole } from './console-context.js';

/** Every room, and a new one from a name and a label (the rest starts from the defaults). */
export function RoomsPage() {
  const { api, go } = useConsole();
  const [rooms, setRooms] = useState<RoomRecord[] | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [name, setName] = useState('');
  const [label, setLabel] = useState('');

  useEffect(() => {
    void api.get<{ rooms: RoomRecord[] }>('/api/admin/rooms').then((result) => (result.ok ? setRooms(result.body.rooms) : setProblem(result.message)));
  }, [api]);

  const create = async (event: Event) => {
    event.preventDefault();
    const result = await api.post<RoomRecord>('/api/admin/rooms', { version: 0, room: { name, label } });
    if (!result.ok) return setProblem(result.message);
    go({ page: 'room', name: result.body.room.name, tab: 'general' });
  };

  return (
    <>
      <h1>Rooms</h1>
      {problem && <p role="alert">{problem}</p>}
      {!rooms && !problem && <p role="status">Loading…</p>}
      {rooms && (
        <table>
          <caption class="sr-only">Rooms</caption>
          <thead>
            <tr>
              <th scope="col">Room</th>
              <th scope="col">Name in URLs</th>
              <th scope="col">Routing</th>
            </tr>
          </thead>
          <tbody>
            {rooms.map(({ room }) => (
              <tr key={room.name}>
                <td>
                  <a href={routeHash({ page: 'room', name: room.name, tab: 'general' })}>{room.label}</a>
                </td>
                <td>
                  <code>{room.name}</code>
                </td>
                <td>{room.routing === 'sticky' ? 'Same agent first (sticky)' : 'Quickest reply'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <form class="inline-form" onSubmit={create} aria-labelledby="new-room">
        <h2 id="new-room">New room</h2>
        <label for="new-room-name">Name in URLs</label>
        <input
          id="new-room-name"
          required
          pattern="[A-Z0-9][A-Z0-9_\-]{0,39}"
          aria-describedby="new-room-hint"
          value={name}
          onInput={(e) => setName(e.currentTarget.value.toUpperCase())}
        />
        <p class="hint" id="new-room-hint">
          Capital letters, digits, _ and -, such as SUPPORT. It cannot change later.
        </p>
        <label for="new-room-label">Label</label>
        <input id="new-room-label" required value={label} onInput={(e) => setLabel(e.currentTarget.value)} />
        <button type="submit" class="primary">
          Create room
        </button>
      </form>
    </>
  );
}
