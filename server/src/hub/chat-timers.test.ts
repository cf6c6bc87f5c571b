import type { ChatMessage, VisitorServerFrame } from '@parley/shared';
import { resolveServiceLevels } from '@parley/shared/settings';
import { describe, expect, it, vi } from 'vitest';
import { hubKit } from './hub-test-kit.js';

const agents = [{ id: 'alice@example.com', name: 'Alice', rooms: ['GENERAL'] }];
const levels = {
  maxWaitSeconds: 120,
  visitorIdleWarningSeconds: 60,
  visitorIdleCloseSeconds: 30,
  agentIdleWarningSeconds: 90,
  agentIdleSupervisorSeconds: 180,
};
const rooms = [{ name: 'GENERAL', serviceLevels: levels }];
const visitor = { kind: 'visitor' as const, visitorId: 'v1' };
const alice = { kind: 'agent' as const, agentId: 'alice@example.com' };

const events = (messages: ChatMessage[]) => messages.flatMap((message) => (message.kind === 'event' ? [message.event] : []));
const lastView = (frames: VisitorServerFrame[]) => {
  const last = frames.at(-1);
  return last?.type === 'conversation' ? last.conversation : null;
};

describe('chat timers: maximum wait, visitor and agent inactivity', () => {
  it('takes the most specific value of each timer, field by field', () => {
    const applied = resolveServiceLevels(
      { maxWaitSeconds: 30, agentIdleWarningSeconds: 0 },
      { maxWaitSeconds: 600, agentIdleWarningSeconds: 60, visitorIdleCloseSeconds: 45 },
    );
    expect(applied).toMatchObject({ maxWaitMs: 30_000, agentIdleWarningMs: 0, visitorIdleCloseMs: 45_000, visitorIdleWarningMs: 0 });
    expect(applied.from).toMatchObject({
      maxWaitSeconds: 'room',
      agentIdleWarningSeconds: 'room',
      visitorIdleCloseSeconds: 'global',
      visitorIdleWarningSeconds: 'default',
    });
  });

  it('offers the visitor to leave a message after the maximum wait; keeping on waiting counts it again, and a left message ends the chat', async () => {
    const kit = await hubKit({ rooms, agents });
    const id = await kit.start('v1');
    kit.clock.advance(119_999);
    await kit.settle();
    expect(lastView(kit.visitorFrames('v1', 'conversation'))?.waitedTooLong).toBeUndefined();
    kit.clock.advance(1);
    await kit.settle();
    expect(lastView(kit.visitorFrames('v1', 'conversation'))).toMatchObject({ id, status: 'waiting', waitedTooLong: true });

    await kit.hub.lifecycle.keepWaiting('v1', id);
    await kit.settle();
    expect(lastView(kit.visitorFrames('v1', 'conversation'))?.waitedTooLong).toBeUndefined();
    kit.clock.advance(119_000);
    await kit.settle();
    expect(lastView(kit.visitorFrames('v1', 'conversation'))?.waitedTooLong).toBeUndefined();
    kit.clock.advance(1_000);
    await kit.settle();
    expect(lastView(kit.visitorFrames('v1', 'conversation'))?.waitedTooLong).toBe(true);

    await kit.hub.lifecycle.messageLeft('v1', 'GENERAL');
    await kit.settle();
    expect(await kit.store.conversations.get(id)).toMatchObject({ status: 'ended', endedBy: 'visitor' });
  });

  it('warns a quiet visitor, then closes the chat as the visitor hanging up, with a note; a reply in time keeps it open', async () => {
    const kit = await hubKit({ rooms, agents });
    kit.signIn('alice@example.com');
    const id = await kit.start('v1');
    await kit.accept('alice@example.com', id);
    await kit.hub.messaging.send(alice, { conversationId: id, clientId: 'a1', text: 'How can I help?' });
    kit.clock.advance(60_000);
    await kit.settle();
    expect(events(await kit.store.messages.after(id, 0, 50))).toEqual(['agent-joined', 'idle-warning']);
    // The visitor answers before the close: the chat stays, and the agent owes the next move.
    kit.clock.advance(29_000);
    await kit.hub.messaging.send(visitor, { conversationId: id, clientId: 'v1', text: 'Still here!' });
    kit.clock.advance(5_000);
    await kit.settle();
    expect((await kit.store.conversations.get(id))?.status).toBe('active');
    expect((await kit.store.conversations.get(id))?.chatTimer).toMatchObject({ kind: 'agent', warned: false });

    await kit.hub.messaging.send(alice, { conversationId: id, clientId: 'a2', text: 'Here is the link.' });
    kit.clock.advance(90_000);
    await kit.settle();
    const ended = await kit.store.conversations.get(id);
    expect(ended).toMatchObject({ status: 'ended', endedBy: 'visitor', chatTimer: null });
    expect(events(await kit.store.messages.after(id, 0, 50)).slice(-2)).toEqual(['idle-warning', 'idle-closed']);
    expect(kit.statuses('alice@example.com').browser).toBe('REMOTE_CUSTOMER_HANGUP');
  });

  it('warns a quiet agent, lists the chat for the supervisor later, and clears both when the agent replies', async () => {
    const kit = await hubKit({ rooms, agents });
    kit.signIn('alice@example.com');
    const id = await kit.start('v1');
    await kit.accept('alice@example.com', id);
    const acceptedAt = kit.clock.now();
    const idleSince = () => {
      const last = kit.framesOf('alice@example.com', 'conversation').at(-1);
      return last?.type === 'conversation' ? last.conversation.idleSince : undefined;
    };
    kit.clock.advance(89_000);
    await kit.settle();
    expect(idleSince()).toBeNull();
    kit.clock.advance(1_000);
    await kit.settle();
    expect(idleSince()).toBe(acceptedAt);
    expect(kit.hub.lifecycle.timers.quietAgents('GENERAL', kit.clock.now())).toEqual([]);
    kit.clock.advance(90_000);
    expect(kit.hub.lifecycle.timers.quietAgents('GENERAL', kit.clock.now())).toEqual([{ conversationId: id, agentName: 'Alice', since: acceptedAt }]);

    await kit.hub.messaging.send(alice, { conversationId: id, clientId: 'a1', text: 'Sorry for the wait!' });
    await kit.settle();
    expect(idleSince()).toBeNull();
    expect(kit.hub.lifecycle.timers.quietAgents('GENERAL', kit.clock.now())).toEqual([]);
  });

  it('saves a message’s changes to the response clock and the timer in one write', async () => {
    const both = [{ name: 'GENERAL', serviceLevels: { ...levels, firstResponseSeconds: 60, nextResponseSeconds: 60 } }];
    const kit = await hubKit({ rooms: both, agents });
    kit.signIn('alice@example.com');
    const id = await kit.start('v1');
    await kit.accept('alice@example.com', id);
    const saves = vi.spyOn(kit.store.conversations, 'save');
    // The first reply: stops the first-reply clock, keeps its time for reports, starts the visitor's timer.
    await kit.hub.messaging.send(alice, { conversationId: id, clientId: 'a1', text: 'Hello!' });
    await kit.settle();
    expect(saves).toHaveBeenCalledTimes(1);
    expect(await kit.store.conversations.get(id)).toMatchObject({ responseClock: null, chatTimer: { kind: 'visitor' }, serviceLevel: 'met' });
    expect((await kit.store.conversations.get(id))?.firstResponseAt).toBe(kit.clock.now());
    // The visitor's answer: starts the next-reply clock and the agent's timer.
    await kit.hub.messaging.send(visitor, { conversationId: id, clientId: 'v1', text: 'Thanks' });
    await kit.settle();
    expect(saves).toHaveBeenCalledTimes(2);
    expect(await kit.store.conversations.get(id)).toMatchObject({ responseClock: { kind: 'next' }, chatTimer: { kind: 'agent' } });
  });

  it('keeps each deadline across a restart: a warned visitor is still closed on time, one due while down at once', async () => {
    const first = await hubKit({ rooms, agents });
    first.signIn('alice@example.com');
    const id = await first.start('v1');
    await first.accept('alice@example.com', id);
    await first.hub.messaging.send(alice, { conversationId: id, clientId: 'a1', text: 'Anything else?' });
    first.clock.advance(60_000);
    await first.settle();
    expect(events(await first.store.messages.after(id, 0, 50)).at(-1)).toBe('idle-warning');

    first.clock.advance(10_000);
    const again = await hubKit({ rooms, agents, store: first.store, now: first.clock.now() });
    again.signIn('alice@example.com');
    again.hub.presence.visitorConnected('v1');
    await again.settle();
    expect((await again.store.conversations.get(id))?.status).toBe('active');
    again.clock.advance(19_999);
    await again.settle();
    expect((await again.store.conversations.get(id))?.status).toBe('active');
    again.clock.advance(1);
    await again.settle();
    expect(await again.store.conversations.get(id)).toMatchObject({ status: 'ended', endedBy: 'visitor' });

    // A wait that passed its maximum while the server was down is offered as soon as it is back.
    const waiting = await again.start('v2');
    again.clock.advance(200_000);
    const third = await hubKit({ rooms, agents, store: again.store, now: again.clock.now() + 200_000 });
    await third.settle();
    expect((await third.store.conversations.get(waiting))?.chatTimer).toMatchObject({ kind: 'wait', warned: true });
  });
});
