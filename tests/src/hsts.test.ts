import { expect, it } from 'vitest';
import { overTransports, serversPerTest } from './support/over-transports.js';

overTransports('Strict-Transport-Security', (transport) => {
  const start = serversPerTest(transport);

  it('is sent with every answer once HSTS_MAX_AGE_SECONDS is set, and not before', async () => {
    const plain = await start();
    expect((await fetch(`${plain.http}/healthz`)).headers.get('strict-transport-security')).toBeNull();
    const https = await start({ env: { HSTS_MAX_AGE_SECONDS: '31536000' } });
    for (const path of ['/healthz', '/agent/', '/api/rooms/GENERAL/widget', '/api/nowhere']) {
      expect((await fetch(`${https.http}${path}`)).headers.get('strict-transport-security'), path).toBe('max-age=31536000; includeSubDomains');
    }
  });
});
