import { resolveServiceLevels } from '@parley/shared/settings';
import { describe, expect, it } from 'vitest';
import { hubKit } from './hub-test-kit.js';

const agents = [{ id: 'alice@example.com', name: 'Alice', rooms: ['GENERAL'] }];
const rooms = [{ name: 'GENERAL', serviceLevels: { firstResponseSeconds: 60, nextResponseSeconds: 30, warningPercent: 50 } }];
const visitor = { kind: 'visitor' as const, visitorId: 'v1' };
const alice = { kind: 'agent' as const, agentId: 'alice@example.com' };

describe('response targets (SLAs)', () => {
  it('takes the most specific value, field by field, and says where each comes from', () => {
    expect(resolveServiceLevels({ firstResponseSeconds: 30 }, { firstResponseSeconds: 90, nextResponseSeconds: 60 })).toMatchObject({
      firstResponseMs: 30_000,
      nextResponseMs: 60_000,
      warningPercent: 80,
      from: { firstResponseSeconds: 'room', nextResponseSeconds: 'global', warningPercent: 'default', maxWaitSeconds: 'default' },
    });
    expect(resolveServiceLevels({ firstResponseSeconds: 0 }, { firstResponseSeconds: 90 }).firstResponseMs).toBe(0);
  });

  it('runs the first-reply clock from the accept and the next-reply clock from each unanswered visitor message', async () => {
    const kit = await hubKit({ rooms, agents });
    kit.signIn('alice@example.com');
    const id = await kit.start('v1');
    const t0 = kit.clock.now();
    await kit.accept('alice@example.com', id);
    expect((await kit.store.conversations.get(id))?.responseClock).toEqual({ kind: 'first', since: t0, warnAt: t0 + 30_000, dueAt: t0 + 60_000 });
    expect(kit.framesOf('alice@example.com', 'conversation').at(-1)).toMatchObject({ conversation: { responseClock: { kind: 'first' } } });

    kit.clock.advance(61_000);
    expect(kit.hub.lifecycle.clocks.breaches('GENERAL', kit.clock.now())).toEqual([
      { conversationId: id, agentName: 'Alice', kind: 'first', dueAt: t0 + 60_000 },
    ]);
    await kit.hub.messaging.send(alice, { conversationId: id, clientId: 'a1', text: 'Hello!' });
    await kit.settle();
    expect((await kit.store.conversations.get(id))?.responseClock).toBeNull();
    expect(kit.hub.lifecycle.clocks.breaches('GENERAL', kit.clock.now())).toEqual([]);
    // Answered late: the chat's service level is breached for good (reports count it so).
    expect((await kit.store.conversations.get(id))?.serviceLevel).toBe('breached');

    const asked = kit.clock.now();
    await kit.hub.messaging.send(visitor, { conversationId: id, clientId: 'v1', text: 'Can you help?' });
    kit.clock.advance(5_000);
    // A second message does not restart the clock the first one started.
    await kit.hub.messaging.send(visitor, { conversationId: id, clientId: 'v2', text: 'Hello?' });
    await kit.settle();
    expect((await kit.store.conversations.get(id))?.responseClock).toEqual({ kind: 'next', since: asked, warnAt: asked + 15_000, dueAt: asked + 30_000 });
    await kit.hub.lifecycle.end(alice, id);
    await kit.settle();
    expect((await kit.store.conversations.get(id))?.responseClock).toBeNull();
  });

  it('marks a chat met while every reply comes in time, and breached when it ends with a reply overdue', async () => {
    const kit = await hubKit({ rooms, agents });
    kit.signIn('alice@example.com');
    const id = await kit.start('v1');
    await kit.accept('alice@example.com', id);
    kit.clock.advance(60_000);
    await kit.hub.messaging.send(alice, { conversationId: id, clientId: 'a1', text: 'Hello!' });
    await kit.hub.messaging.send(visitor, { conversationId: id, clientId: 'v1', text: 'Can you help?' });
    await kit.settle();
    expect((await kit.store.conversations.get(id))?.serviceLevel).toBe('met');
    kit.clock.advance(30_001);
    await kit.hub.lifecycle.end(alice, id);
    await kit.settle();
    expect((await kit.store.conversations.get(id))?.serviceLevel).toBe('breached');
  });

  it('keeps a clock across a restart: its deadline is stored', async () => {
    const first = await hubKit({ rooms, agents });
    first.signIn('alice@example.com');
    const id = await first.start('v1');
    await first.accept('alice@example.com', id);
    const dueAt = (await first.store.conversations.get(id))!.responseClock!.dueAt;
    first.clock.advance(20_000);
    const again = await hubKit({ rooms, agents, store: first.store, now: first.clock.now() });
    again.signIn('alice@example.com');
    await again.settle();
    expect(again.hub.lifecycle.clocks.breaches('GENERAL', again.clock.now())).toEqual([]);
    again.clock.advance(40_000);
    expect(again.hub.lifecycle.clocks.breaches('GENERAL', again.clock.now())).toEqual([{ conversationId: id, agentName: 'Alice', kind: 'first', dueAt }]);
  });
});
