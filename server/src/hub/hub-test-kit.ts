import type { AgentServerFrame, ChosenStatus, ClientKind, OfferView, VisitorServerFrame } from '@parley/shared';
import type { RoomConfig } from '@parley/shared/settings';
import { ConfigFile } from '@parley/shared/settings';
import { Directory } from '../config/directory.js';
import { FakeClock } from '../core/fake-clock.js';
import { openEmbeddedStore } from '../store/embedded-store.js';
import type { Store } from '../store/store.js';
import { createHub, type Hub } from './create-hub.js';
import type { Notifier } from './notifier.js';
import type { SignedOut } from './settings-changes.js';

/*
 * Test support for driving the hub without a network: a fake clock, the memory store, and a
 * notifier that records every frame per person. Used by the hub's unit tests only.
 */

const HASH = `scrypt$32768$8$1$${'a'.repeat(22)}$${'b'.repeat(43)}`;

type RoomInput = Partial<RoomConfig> & { name: string };
type AgentInput = { id: string; name?: string; rooms: string[]; capacity?: number };

export class RecordingNotifier implements Notifier {
  readonly agents = new Map<string, AgentServerFrame[]>();
  readonly visitors = new Map<string, VisitorServerFrame[]>();
  readonly queueChanges: string[] = [];
  readonly readyChanges: string[] = [];

  toVisitor(visitorId: string, frame: VisitorServerFrame): void {
    this.visitors.set(visitorId, [...(this.visitors.get(visitorId) ?? []), frame]);
  }
  toAgent(agentId: string, frame: AgentServerFrame): void {
    this.agents.set(agentId, [...(this.agents.get(agentId) ?? []), frame]);
  }
  queueChanged(room: string): void {
    this.queueChanges.push(room);
  }
  readyAgentsChanged(room: string): void {
    this.readyChanges.push(room);
  }
  statusesChanged(): void {}
}

export type HubKit = {
  hub: Hub;
  clock: FakeClock;
  store: Store;
  notifier: RecordingNotifier;
  /** Lets every pending store write and hub step finish. */
  settle(): Promise<void>;
  signIn(agentId: string, options?: { client?: ClientKind; status?: ChosenStatus }): void;
  /** Conversation ids currently offered to the agent, oldest offer first. */
  offersOf(agentId: string): string[];
  offerFrames(agentId: string): OfferView[];
  framesOf(agentId: string, type: AgentServerFrame['type']): AgentServerFrame[];
  visitorFrames(visitorId: string, type: VisitorServerFrame['type']): VisitorServerFrame[];
  start(visitorId: string, room?: string): Promise<string>;
  accept(agentId: string, conversationId: string, client?: ClientKind): Promise<unknown>;
  statuses(agentId: string): { browser: string | null; mobile: string | null };
  /**
   * Changes the configuration as an admin's save would: `edit` changes a copy of it, the directory
   * takes the result, and the hub hears each room and agent that changed. Returns whom the hub
   * signed out.
   */
  editSettings(edit: (file: ConfigFile) => void): SignedOut[];
};

export async function hubKit(input: {
  rooms: RoomInput[];
  agents: AgentInput[];
  agentGraceMs?: number;
  visitorGraceMs?: number;
  store?: Store;
  /** Where the kit's clock starts (a restart: where the previous kit's clock was). */
  now?: number;
}): Promise<HubKit> {
  let current = ConfigFile.parse({
    rooms: input.rooms.map((room) => ({ label: room.name, statsKey: 'stats-key-for-tests-0001', ...room })),
    agents: input.agents.map((agent) => ({ name: agent.id.split('@')[0], passwordHash: HASH, ...agent })),
  });
  const clock = new FakeClock(input.now);
  const store = input.store ?? (await openEmbeddedStore());
  const notifier = new RecordingNotifier();
  const hub = createHub({
    directory: new Directory(current),
    store,
    clock,
    notifier,
    settings: { agentReconnectGraceMs: input.agentGraceMs ?? 60_000, visitorReconnectGraceMs: input.visitorGraceMs ?? 120_000 },
  });
  await hub.restore();
  const settle = async () => {
    for (let i = 0; i < 5; i++) await new Promise((resolve) => setImmediate(resolve));
  };
  const framesOf = (agentId: string, type: AgentServerFrame['type']) => (notifier.agents.get(agentId) ?? []).filter((f) => f.type === type);
  const offersOf = (agentId: string) => {
    const current = new Map<string, OfferView>();
    for (const frame of notifier.agents.get(agentId) ?? []) {
      if (frame.type === 'offer') current.set(frame.offer.conversationId, frame.offer);
      if (frame.type === 'offerWithdrawn') current.delete(frame.conversationId);
    }
    return current;
  };
  return {
    hub,
    clock,
    store,
    notifier,
    settle,
    signIn(agentId, options = {}) {
      hub.presence.agentConnected(agentId, options.client ?? 'browser', options.status ?? 'WAITING_NEW_CALL', () => {});
    },
    offersOf: (agentId) => [...offersOf(agentId).keys()],
    offerFrames: (agentId) => [...offersOf(agentId).values()],
    framesOf,
    visitorFrames: (visitorId, type) => (notifier.visitors.get(visitorId) ?? []).filter((f) => f.type === type),
    async start(visitorId, room = input.rooms[0]!.name) {
      hub.presence.visitorConnected(visitorId);
      const entry = hub.directory.entry(room);
      if (!entry) throw new Error(`no room ${room}`);
      const view = await hub.lifecycle.start({ visitorId, entry, form: { name: `Visitor ${visitorId}` }, context: {} });
      await settle();
      return view.id;
    },
    async accept(agentId, conversationId, client = 'browser') {
      const result = await hub.lifecycle.accept(agentId, client, conversationId);
      await settle();
      return result;
    },
    statuses(agentId) {
      const frames = framesOf(agentId, 'status');
      const last = frames[frames.length - 1];
      return last?.type === 'status' ? last.statuses : { browser: null, mobile: null };
    },
    editSettings(edit) {
      const before = structuredClone(current);
      edit(current);
      current = ConfigFile.parse(current);
      hub.directory.update(current);
      const signedOut: SignedOut[] = [];
      const changed = <T extends { name?: string; id?: string }>(list: (f: ConfigFile) => T[], key: (item: T) => string) => {
        const was = new Map(list(before).map((item) => [key(item), item]));
        const now = new Map(list(current).map((item) => [key(item), item]));
        return [...new Set([...was.keys(), ...now.keys()])]
          .filter((id) => JSON.stringify(was.get(id)) !== JSON.stringify(now.get(id)))
          .map((id) => ({ id, before: was.get(id) ?? null, after: now.get(id) ?? null }));
      };
      for (const room of changed(
        (f) => f.rooms,
        (r) => r.name,
      ))
        hub.settings.apply({ kind: 'room', ...room });
      for (const agent of changed(
        (f) => f.agents,
        (a) => a.id,
      )) {
        const result = hub.settings.apply({ kind: 'agent', ...agent });
        if (result) signedOut.push(result);
      }
      return signedOut;
    },
  };
}
