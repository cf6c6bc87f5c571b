import { describe, expect, it } from 'vitest';
import { RoomAvailability } from '../availability/room-availability.js';
import { widgetSettings } from '../config/widget-settings.js';
import { hubKit } from '../hub/hub-test-kit.js';
import type { Connection } from '../transport/transport.js';
import { RoomFeed } from './room-feed.js';

const NO_EMAIL = { transcript: false, leaveMessage: false, alert: false };

function page(): Connection & { heard: boolean[] } {
  const heard: boolean[] = [];
  return {
    heard,
    remoteAddress: '127.0.0.1',
    closed: false,
    send: (text) => void heard.push((JSON.parse(text) as { available: boolean }).available),
    close: () => {},
    cork: (batch) => batch(),
  };
}

async function setup(room: Record<string, unknown>) {
  const kit = await hubKit({ rooms: [{ name: 'HELP', ...room }], agents: [{ id: 'ann@test.parley', rooms: ['HELP'] }] });
  const feed = new RoomFeed(
    new RoomAvailability(kit.hub.queues, kit.clock),
    kit.hub.directory,
    (name, entry) => widgetSettings(name, entry, true, kit.hub.directory, NO_EMAIL),
    kit.clock,
  );
  kit.notifier.readyAgentsChanged = (name) => feed.roomChanged(name);
  kit.notifier.queueChanged = (name) => feed.roomChanged(name);
  const watch = (name = 'HELP') => {
    const connection = page();
    feed.watch(name, connection);
    return connection;
  };
  return { kit, feed, watch };
}

describe('availability pushed to open pages', () => {
  it('tells a page at once, then only when the answer changes, as agents get ready and go on break', async () => {
    const { kit, watch } = await setup({ availability: { rules: [{ type: 'readyAgents', atLeast: 1 }] } });
    const first = watch();
    expect(first.heard).toEqual([false]);
    kit.signIn('ann@test.parley');
    kit.clock.advance(0);
    expect(first.heard).toEqual([false, true]);
    const second = watch();
    kit.hub.presence.setStatus('ann@test.parley', 'browser', 'TAKING_BREAK');
    kit.hub.presence.setStatus('ann@test.parley', 'browser', 'WAITING_NEW_CALL');
    kit.hub.presence.setStatus('ann@test.parley', 'browser', 'TAKING_BREAK');
    kit.clock.advance(0);
    // A burst within one tick is one look: ready, break, ready, break ends on break.
    expect(first.heard).toEqual([false, true, false]);
    expect(second.heard).toEqual([true, false]);
  });

  it('hides a room whose queue is too long and shows it again when it shortens', async () => {
    const { kit, watch } = await setup({ availability: { rules: [{ type: 'waitingVisitors', atMost: 1 }] } });
    const connection = watch();
    await kit.start('visitor-aaaaaaaaaaaaaaaa1');
    kit.clock.advance(0);
    const second = await kit.start('visitor-aaaaaaaaaaaaaaaa2');
    kit.clock.advance(0);
    expect(connection.heard).toEqual([true, false]);
    await kit.hub.lifecycle.end({ kind: 'visitor', visitorId: 'visitor-aaaaaaaaaaaaaaaa2' }, second);
    kit.clock.advance(0);
    expect(connection.heard).toEqual([true, false, true]);
  });

  it('opens and closes with the hours on the minute, while someone watches', async () => {
    // The fake clock starts on Monday 5 January 2026 at 09:00 UTC.
    const { kit, feed, watch } = await setup({ timeZone: 'UTC', availability: { rules: [{ type: 'hours', from: '09:30', to: '10:00' }] } });
    const connection = watch();
    kit.clock.advance(29 * 60_000);
    expect(connection.heard).toEqual([false]);
    kit.clock.advance(61_000);
    expect(connection.heard).toEqual([false, true]);
    kit.clock.advance(30 * 60_000);
    expect(connection.heard).toEqual([false, true, false]);
    feed.unwatch('HELP', connection);
    kit.clock.advance(120_000);
    expect(kit.clock.pending()).toBe(0);
  });

  it("counts only its owner as ready in an agent's private room", async () => {
    const kit = await hubKit({
      rooms: [{ name: 'HELP', availability: { match: 'all', rules: [{ type: 'readyAgents', atLeast: 1 }] } }],
      agents: [
        { id: 'ann@test.parley', rooms: ['HELP'] },
        { id: 'bob@test.parley', rooms: ['HELP'] },
      ],
    });
    const rooms = new RoomAvailability(kit.hub.queues, kit.clock);
    kit.signIn('bob@test.parley');
    expect(rooms.isAvailable(kit.hub.directory.entry('HELP')!)).toBe(true);
    expect(rooms.isAvailable(kit.hub.directory.entry('AGENT-ANN')!)).toBe(false);
    kit.signIn('ann@test.parley');
    expect(rooms.isAvailable(kit.hub.directory.entry('AGENT-ANN')!)).toBe(true);
  });
});
