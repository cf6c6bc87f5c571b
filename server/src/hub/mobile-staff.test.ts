import { describe, expect, it } from 'vitest';
import { hubKit } from './hub-test-kit.js';

const agents = [
  { id: 'desk@example.com', rooms: ['GENERAL'] },
  { id: 'phone@example.com', rooms: ['GENERAL'] },
];

describe('mobile staff', () => {
  it('offers browser agents first and mobile-only agents when no browser agent is free', async () => {
    const kit = await hubKit({ rooms: [{ name: 'GENERAL' }], agents });
    kit.signIn('desk@example.com');
    kit.signIn('phone@example.com', { client: 'mobile' });
    const first = await kit.start('v1');
    expect(kit.offersOf('desk@example.com')).toEqual([first]);
    expect(kit.offersOf('phone@example.com')).toEqual([]);

    // The browser agent holds an offer (capacity 1), so the next visitor goes to mobile staff at once.
    const second = await kit.start('v2');
    expect(kit.offersOf('phone@example.com')).toEqual([second]);
    expect(kit.offerFrames('phone@example.com')[0]).toMatchObject({ conversationId: second });
  });

  it('mobile staff get a chat when the browser agent goes on break', async () => {
    const kit = await hubKit({ rooms: [{ name: 'GENERAL' }], agents });
    kit.signIn('desk@example.com');
    kit.signIn('phone@example.com', { client: 'mobile' });
    const id = await kit.start('v1');
    expect(kit.offersOf('phone@example.com')).toEqual([]);
    kit.hub.presence.setStatus('desk@example.com', 'browser', 'TAKING_BREAK');
    expect(kit.framesOf('desk@example.com', 'offerWithdrawn').at(-1)).toMatchObject({ conversationId: id, reason: 'unavailable' });
    expect(kit.offersOf('phone@example.com')).toEqual([id]);
  });

  it('never offers mobile-only agents in a room that excludes mobile staff', async () => {
    const kit = await hubKit({ rooms: [{ name: 'GENERAL', includeMobileStaff: false }], agents });
    kit.signIn('phone@example.com', { client: 'mobile' });
    await kit.start('v1');
    expect(kit.offersOf('phone@example.com')).toEqual([]);
    kit.signIn('desk@example.com');
    expect(kit.offersOf('desk@example.com')).toHaveLength(1);
  });

  it('keeps browser and mobile statuses apart, and accepting on mobile changes only the mobile status', async () => {
    const kit = await hubKit({ rooms: [{ name: 'GENERAL' }], agents: [{ id: 'both@example.com', rooms: ['GENERAL'], capacity: 2 }] });
    kit.signIn('both@example.com', { client: 'browser', status: 'TAKING_BREAK' });
    kit.signIn('both@example.com', { client: 'mobile', status: 'WAITING_NEW_CALL' });
    expect(kit.statuses('both@example.com')).toEqual({ browser: 'TAKING_BREAK', mobile: 'WAITING_NEW_CALL' });
    const id = await kit.start('v1');
    await kit.accept('both@example.com', id, 'mobile');
    expect(kit.statuses('both@example.com')).toEqual({ browser: 'TAKING_BREAK', mobile: 'SERVING_CUSTOMER' });
  });
});
