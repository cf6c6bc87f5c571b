import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { overTransports, serversPerTest } from './support/over-transports.js';
import { connectAgent, connectVisitor } from './support/parties.js';

/**
 * After a server restart the console says hello with the status its client last had (see the
 * console controller): the server keeps it rather than make a serving agent, or one who has just
 * ended a chat, ready for new chats without their choosing.
 */
overTransports('an agent’s status across a server restart', (transport) => {
  const start = serversPerTest(transport);

  it('keeps a serving agent serving (with the chat) and one who just ended a chat not ready', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'parley-restart-status-'));
    try {
      let server = await start({ store: 'embedded', dataDir });
      const bob = await connectAgent(server, 'bob@test.parley');
      const visitor = await connectVisitor(server);
      visitor.client.send({ type: 'start', form: {} });
      const id = (await visitor.client.next('conversation')).conversation.id as string;
      await bob.client.next('offer');
      bob.client.send({ type: 'accept', conversationId: id });
      await bob.client.next('status', (f) => f.statuses.browser === 'SERVING_CUSTOMER');
      await server.stop();

      server = await start({ store: 'embedded', dataDir });
      const back = await connectAgent(server, 'bob@test.parley', { token: bob.token, status: 'SERVING_CUSTOMER' });
      expect(back.welcome.statuses.browser).toBe('SERVING_CUSTOMER');
      expect(back.welcome.conversations.map((c: { id: string }) => c.id)).toEqual([id]);

      // Alice ended a chat just before the restart: she comes back as she was, not ready.
      const alice = await connectAgent(server, 'alice@test.parley', { status: 'HANG_UP' });
      expect(alice.welcome.statuses.browser).toBe('HANG_UP');
      // A hello claiming a chat it no longer has is not ready either.
      const carol = await connectAgent(server, 'carol@test.parley', { status: 'SERVING_CUSTOMER' });
      expect(carol.welcome.statuses.browser).toBe('TAKING_BREAK');
      for (const party of [back, alice, carol]) party.client.close();
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
