import { StatsDetails, StatsError, StatsSummary } from '@parley/shared';
import { expect, it } from 'vitest';
import { overTransports, serverPerTest } from './support/over-transports.js';
import { connectAgent, connectVisitor } from './support/parties.js';
import { STATS_KEY } from './support/test-config.js';

const STATUS_KEYS = ['TAKING_BREAK', 'WAITING_NEW_CALL', 'REMOTE_CUSTOMER_HANGUP', 'HANG_UP', 'SERVING_CUSTOMER'];

async function get(url: string) {
  const response = await fetch(url);
  return { status: response.status, headers: response.headers, body: await response.json() };
}

/** Waits until the endpoint shows what the test expects: status changes travel over a socket first. */
async function until(url: string, check: (body: any) => boolean) {
  for (let i = 0; i < 100; i++) {
    const { body } = await get(url);
    if (check(body)) return body;
    await new Promise((resolve) => setImmediate(resolve));
  }
  throw new Error(`${url} never showed the expected figures: ${JSON.stringify((await get(url)).body)}`);
}

overTransports('statistics endpoints', (transport) => {
  const server = serverPerTest(transport);

  it('match the documented shape key for key, with agents in several statuses, and follow changes', async () => {
    const alice = await connectAgent(server(), 'alice@test.parley');
    await connectAgent(server(), 'bob@test.parley', { status: 'TAKING_BREAK' });
    await connectAgent(server(), 'bob@test.parley', { client: 'mobile', status: 'WAITING_NEW_CALL' });
    const visitor = await connectVisitor(server());
    visitor.client.send({ type: 'start', form: {} });
    const offer = await alice.client.next('offer');
    alice.client.send({ type: 'accept', conversationId: offer.offer.conversationId });
    await alice.client.next('conversation');

    const summaryUrl = `${server().http}/api/rooms/GENERAL/stats`;
    const summary = await get(summaryUrl);
    expect(summary.status).toBe(200);
    expect(summary.headers.get('access-control-allow-origin')).toBe('*');
    expect(summary.headers.get('access-control-allow-credentials')).toBeNull();
    expect(Object.keys(summary.body)).toEqual(['result', 'chatRoom', 'totalAgentLogon', 'agStatSummary']);
    expect(Object.keys(summary.body.agStatSummary)).toEqual(['browserAgentStatus', 'mobileAppAgentStatus']);
    expect(Object.keys(summary.body.agStatSummary.browserAgentStatus)).toEqual(STATUS_KEYS);
    expect(StatsSummary.parse(summary.body)).toEqual({
      result: 'OK',
      chatRoom: 'GENERAL',
      totalAgentLogon: 2,
      agStatSummary: {
        browserAgentStatus: { TAKING_BREAK: 1, WAITING_NEW_CALL: 0, REMOTE_CUSTOMER_HANGUP: 0, HANG_UP: 0, SERVING_CUSTOMER: 1 },
        mobileAppAgentStatus: { TAKING_BREAK: 0, WAITING_NEW_CALL: 1, REMOTE_CUSTOMER_HANGUP: 0, HANG_UP: 0, SERVING_CUSTOMER: 0 },
      },
    });

    const details = await get(`${summaryUrl}/details?key=${STATS_KEY}`);
    expect(details.status).toBe(200);
    expect(Object.keys(details.body)).toEqual(['result', 'chatRoom', 'totalAgentLogon', 'agStatSummary', 'agStatDetails']);
    expect(StatsDetails.parse(details.body).agStatDetails).toEqual([
      { agentID: 'alice@test.parley', agName: 'Alice', browserAgentStatus: 'SERVING_CUSTOMER', mobileAppAgentStatus: null },
      { agentID: 'bob@test.parley', agName: 'Bob', browserAgentStatus: 'TAKING_BREAK', mobileAppAgentStatus: 'WAITING_NEW_CALL' },
    ]);
    expect(Object.keys(details.body.agStatDetails[0])).toEqual(['agentID', 'agName', 'browserAgentStatus', 'mobileAppAgentStatus']);

    // The visitor hangs up: Alice moves to REMOTE_CUSTOMER_HANGUP, then back to ready when she says so.
    visitor.client.send({ type: 'end', conversationId: offer.offer.conversationId });
    await until(
      summaryUrl,
      (b) => b.agStatSummary.browserAgentStatus.REMOTE_CUSTOMER_HANGUP === 1 && b.agStatSummary.browserAgentStatus.SERVING_CUSTOMER === 0,
    );
    alice.client.send({ type: 'status', status: 'WAITING_NEW_CALL' });
    await until(summaryUrl, (b) => b.agStatSummary.browserAgentStatus.WAITING_NEW_CALL === 1);
    const sales = await get(`${server().http}/api/rooms/SALES/stats`);
    expect(sales.body).toMatchObject({ chatRoom: 'SALES', totalAgentLogon: 1, agStatSummary: { browserAgentStatus: { WAITING_NEW_CALL: 1 } } });
  });

  it('refuses the details without the stats key (401) and unknown rooms (404), as JSON with result ERROR', async () => {
    for (const [url, status] of [
      ['/api/rooms/GENERAL/stats/details', 401],
      ['/api/rooms/GENERAL/stats/details?key=wrong', 401],
      ['/api/rooms/NOWHERE/stats', 404],
      ['/api/rooms/NOWHERE/stats/details?key=x', 404],
    ] as const) {
      const answer = await get(`${server().http}${url}`);
      expect(answer.status).toBe(status);
      expect(StatsError.parse(answer.body).result).toBe('ERROR');
      expect(answer.headers.get('access-control-allow-origin')).toBe('*');
    }
    const preflight = await fetch(`${server().http}/api/rooms/GENERAL/stats`, { method: 'OPTIONS' });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-methods')).toContain('GET');
  });

  it('serves /healthz and /readyz', async () => {
    const health = await get(`${server().http}/healthz`);
    expect(health.status).toBe(200);
    expect(health.body).toMatchObject({ status: 'ok', transport });
    const ready = await get(`${server().http}/readyz`);
    expect(ready).toMatchObject({ status: 200, body: { ready: true } });
  });
});
