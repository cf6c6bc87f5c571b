import { describe, expect, it } from 'vitest';
import { hubKit } from './hub-test-kit.js';

const agents = [{ id: 'alice@example.com', name: 'Alice', rooms: ['GENERAL'] }];

describe('agent statuses', () => {
  it('visitor hangs up: REMOTE_CUSTOMER_HANGUP, and no new chat until the agent says ready', async () => {
    const kit = await hubKit({ rooms: [{ name: 'GENERAL' }], agents });
    kit.signIn('alice@example.com');
    const first = await kit.start('v1');
    await kit.accept('alice@example.com', first);
    const second = await kit.start('v2');
    await kit.hub.lifecycle.end({ kind: 'visitor', visitorId: 'v1' }, first);
    await kit.settle();
    expect(kit.statuses('alice@example.com').browser).toBe('REMOTE_CUSTOMER_HANGUP');
    expect(kit.offersOf('alice@example.com')).toEqual([]);
    kit.hub.presence.setStatus('alice@example.com', 'browser', 'WAITING_NEW_CALL');
    expect(kit.offersOf('alice@example.com')).toEqual([second]);
  });

  it('agent hangs up: HANG_UP', async () => {
    const kit = await hubKit({ rooms: [{ name: 'GENERAL' }], agents });
    kit.signIn('alice@example.com');
    const id = await kit.start('v1');
    await kit.accept('alice@example.com', id);
    await kit.hub.lifecycle.end({ kind: 'agent', agentId: 'alice@example.com' }, id);
    await kit.settle();
    expect(kit.statuses('alice@example.com').browser).toBe('HANG_UP');
    expect(kit.visitorFrames('v1', 'conversation').at(-1)).toMatchObject({ conversation: { status: 'ended', endedBy: 'agent' } });
  });

  it('force ready: back to WAITING_NEW_CALL the moment the chat ends, and the next visitor is offered at once', async () => {
    const kit = await hubKit({ rooms: [{ name: 'GENERAL', forceReady: true }], agents });
    kit.signIn('alice@example.com');
    const first = await kit.start('v1');
    await kit.accept('alice@example.com', first);
    expect(kit.statuses('alice@example.com').browser).toBe('SERVING_CUSTOMER');
    const second = await kit.start('v2');
    await kit.hub.lifecycle.end({ kind: 'visitor', visitorId: 'v1' }, first);
    await kit.settle();
    expect(kit.statuses('alice@example.com').browser).toBe('WAITING_NEW_CALL');
    expect(kit.offersOf('alice@example.com')).toEqual([second]);
  });

  it('a break chosen while serving stands when the chat ends', async () => {
    const kit = await hubKit({ rooms: [{ name: 'GENERAL', forceReady: true }], agents });
    kit.signIn('alice@example.com');
    const id = await kit.start('v1');
    await kit.accept('alice@example.com', id);
    kit.hub.presence.setStatus('alice@example.com', 'browser', 'TAKING_BREAK');
    await kit.hub.lifecycle.end({ kind: 'visitor', visitorId: 'v1' }, id);
    await kit.settle();
    expect(kit.statuses('alice@example.com').browser).toBe('TAKING_BREAK');
  });

  it('keeps the statistics current as statuses change, without a request walking the agents', async () => {
    const kit = await hubKit({ rooms: [{ name: 'GENERAL' }], agents: [...agents, { id: 'bob@example.com', name: 'Bob', rooms: ['GENERAL'] }] });
    const summary = () => JSON.parse(kit.hub.stats.summary('GENERAL')!);
    expect(summary()).toEqual({
      result: 'OK',
      chatRoom: 'GENERAL',
      totalAgentLogon: 0,
      agStatSummary: {
        browserAgentStatus: { TAKING_BREAK: 0, WAITING_NEW_CALL: 0, REMOTE_CUSTOMER_HANGUP: 0, HANG_UP: 0, SERVING_CUSTOMER: 0 },
        mobileAppAgentStatus: { TAKING_BREAK: 0, WAITING_NEW_CALL: 0, REMOTE_CUSTOMER_HANGUP: 0, HANG_UP: 0, SERVING_CUSTOMER: 0 },
      },
    });
    kit.signIn('alice@example.com');
    kit.signIn('bob@example.com', { client: 'mobile', status: 'TAKING_BREAK' });
    const id = await kit.start('v1');
    await kit.accept('alice@example.com', id);
    expect(summary()).toMatchObject({
      totalAgentLogon: 2,
      agStatSummary: { browserAgentStatus: { SERVING_CUSTOMER: 1, WAITING_NEW_CALL: 0 }, mobileAppAgentStatus: { TAKING_BREAK: 1 } },
    });
    expect(JSON.parse(kit.hub.stats.details('GENERAL')!).agStatDetails).toEqual([
      { agentID: 'alice@example.com', agName: 'Alice', browserAgentStatus: 'SERVING_CUSTOMER', mobileAppAgentStatus: null },
      { agentID: 'bob@example.com', agName: 'Bob', browserAgentStatus: null, mobileAppAgentStatus: 'TAKING_BREAK' },
    ]);
    kit.hub.presence.signOut('bob@example.com');
    expect(summary()).toMatchObject({ totalAgentLogon: 1, agStatSummary: { mobileAppAgentStatus: { TAKING_BREAK: 0 } } });
    expect(kit.hub.stats.summary('NOPE')).toBeUndefined();
  });
});
