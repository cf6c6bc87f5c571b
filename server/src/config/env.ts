import { z } from 'zod';
import { EMAIL_ENV, requireSender } from './email-env.js';
import { int } from './env-number.js';

/**
 * Environment variables. Everything about rooms and agents is in the config file instead; these
 * are what differs between machines. Each has a default that works on a laptop.
 */
export const Env = z
  .object({
    /** TCP port for HTTP and WebSockets. 0 picks a free port (tests). */
    PORT: int(0, 65535, 8080),
    /** Interface to listen on. */
    HOST: z.string().min(1).default('0.0.0.0'),
    /** Where browsers reach this server, used in the widget snippet and links. Defaults to http://localhost:PORT. */
    PUBLIC_URL: z.url({ error: 'must be a full URL such as https://chat.example.com' }).optional(),
    /**
     * Parley runs behind a proxy (HAProxy, nginx) that adds X-Forwarded-For: rate limits count by
     * the address it forwards, not by the proxy's. Only set it when clients cannot reach Parley but
     * through that proxy (they could claim any address otherwise).
     */
    TRUST_PROXY: z
      .enum(['true', 'false'], { error: 'must be "true" or "false"' })
      .default('false')
      .transform((value) => value === 'true'),
    /** `uws` (uWebSockets.js, default) or `ws` (the ws package on node:http). */
    TRANSPORT: z.enum(['uws', 'ws'], { error: 'must be "uws" or "ws"' }).default('uws'),
    /**
     * `embedded` (memory plus a journal file in DATA_DIR, default), `memory` (nothing survives a
     * restart), or `redis` (REDIS_URL: several nodes share it; see docs/scale-out.md).
     */
    STORE: z.enum(['embedded', 'memory', 'redis'], { error: 'must be "embedded", "memory" or "redis"' }).default('embedded'),
    /** STORE=redis: where Redis is, e.g. redis://:password@redis.internal:6379/0. */
    REDIS_URL: z.url({ error: 'must be a URL such as redis://127.0.0.1:6379' }).optional(),
    /** STORE=redis: every key starts with this, so that several Parleys can share one Redis. */
    REDIS_PREFIX: z
      .string()
      .regex(/^[A-Za-z0-9:_-]{1,40}$/, 'must be up to 40 letters, digits, ":", "_" or "-"')
      .default('parley:'),
    /** STORE=redis: this node's name in logs and in the routing lease (default: host name and process id). */
    NODE_ID: z
      .string()
      .regex(/^[A-Za-z0-9._-]{1,64}$/, 'must be up to 64 letters, digits, ".", "_" or "-"')
      .optional(),
    /** STORE=redis: how long the routing owner's lease lasts without renewal; another node takes over after it. */
    ROUTING_LEASE_MS: int(500, 60_000, 2_000, ' of milliseconds'),
    /** Folder for the embedded store's journal. Created if missing. */
    DATA_DIR: z.string().min(1).default('data'),
    /**
     * The embedded store rolls its journal once it is this long and compacts it in the background
     * (ended conversations to the history database, the rest to a snapshot). Default 32 MiB.
     */
    JOURNAL_ROLL_BYTES: int(1, Number.MAX_SAFE_INTEGER, 32 * 1024 * 1024, ' of bytes'),
    /**
     * Ended conversations, their messages and files are deleted this many days after they ended,
     * unless their room says otherwise (`retentionDays`). 0 (default) keeps them for ever.
     */
    RETENTION_DAYS: int(0, 36_500, 0, ' of days'),
    /** `write`: every change reaches the OS before it is acknowledged (survives a crash or kill -9 of
     *  Parley). `fsync`: also waits for the disk (survives power loss), at some latency per batch. */
    JOURNAL_SYNC: z.enum(['write', 'fsync'], { error: 'must be "write" or "fsync"' }).default('write'),
    /** Path of the rooms-and-agents JSON file. Defaults to the demo's. */
    PARLEY_CONFIG: z.string().min(1).optional(),
    LOG_LEVEL: z
      .enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'], { error: 'must be one of fatal, error, warn, info, debug, trace, silent' })
      .default('info'),
    /** `json` (one object a line, default when not on a terminal) or `pretty`. */
    LOG_FORMAT: z.enum(['json', 'pretty'], { error: 'must be "json" or "pretty"' }).optional(),
    /** An agent whose last connection dropped keeps their chats this long before they go back to the queue. */
    AGENT_RECONNECT_GRACE_SECONDS: int(1, 3600, 60, ' of seconds'),
    /** A waiting visitor with no page open for this long leaves the queue. */
    VISITOR_RECONNECT_GRACE_SECONDS: int(1, 86400, 120, ' of seconds'),
    /** How long an agent's sign-in lasts. */
    AGENT_SESSION_HOURS: int(1, 720, 12, ' of hours'),
    /** A visitor's session (what finds their conversation again) ends after this many days without
     *  a visit; each visit renews it. 30 by default: a customer who comes back within the month (the
     *  next bill, a delivery weeks later) is still recognised, as with the usual 30-day visitor
     *  cookies, while one-time visitors stop costing memory and start-up time after a month. */
    VISITOR_SESSION_DAYS: int(1, 3650, 30, ' of days'),
    /** Messages a connection may send per second (sustained), and in a burst; beyond, they are slowed, then the connection is closed. */
    RATE_MESSAGES_PER_SECOND: int(1, 1_000_000, 5),
    RATE_MESSAGES_BURST: int(1, 1_000_000, 20),
    /** Typing events per second and burst; extra ones are dropped. */
    RATE_TYPING_PER_SECOND: int(1, 1_000_000, 10),
    RATE_TYPING_BURST: int(1, 1_000_000, 20),
    /** New WebSocket connections per address per minute, and burst (offices share an address). */
    RATE_CONNECTIONS_PER_MINUTE: int(1, 10_000_000, 120),
    RATE_CONNECTIONS_BURST: int(1, 10_000_000, 60),
    /**
     * TCP connections one address may hold open at once (TRANSPORT=ws; 0: no cap). Not applied
     * with TRUST_PROXY, where every connection comes from the proxy: cap them there.
     */
    MAX_CONNECTIONS_PER_ADDRESS: int(0, 10_000_000, 200),
    /**
     * Set when people reach Parley over HTTPS (through a proxy that terminates TLS): every answer
     * carries Strict-Transport-Security with this max-age (a year is 31536000). Unset: none.
     */
    HSTS_MAX_AGE_SECONDS: z.coerce
      .number({ error: 'must be a whole number of seconds' })
      .int('must be a whole number of seconds')
      .min(0, 'must be at least 0')
      .max(10 * 365 * 24 * 3600, 'must be at most ten years')
      .optional(),
    /** Files one sender (visitor or agent) may send in a row; then a minute's pause. */
    UPLOADS_PER_MINUTE: int(1, 100_000, 10),
    /** Bytes of files one conversation may hold (default 100 MiB). */
    UPLOAD_BYTES_PER_CONVERSATION: int(1024, Number.MAX_SAFE_INTEGER, 100 * 1024 * 1024, ' of bytes'),
    /** Bytes one visitor may upload, until a day passes without an upload (default 200 MiB). */
    UPLOAD_BYTES_PER_VISITOR_PER_DAY: int(1024, Number.MAX_SAFE_INTEGER, 200 * 1024 * 1024, ' of bytes'),
    /** The same for one network address, whatever the visitor ids (default 1 GiB). */
    UPLOAD_BYTES_PER_ADDRESS_PER_DAY: int(1024, Number.MAX_SAFE_INTEGER, 1024 * 1024 * 1024, ' of bytes'),
    /**
     * Free space uploads leave on DATA_DIR's disk (default 256 MiB): beyond, they get 507, so
     * that messages can still be written. The embedded store only.
     */
    DISK_RESERVE_BYTES: int(0, Number.MAX_SAFE_INTEGER, 256 * 1024 * 1024, ' of bytes'),
    /**
     * `/metrics` (Prometheus text format) answers a request that sends `Authorization: Bearer` this
     * token. Without it (and without METRICS_PORT) `/metrics` is off: it tells who is online.
     */
    METRICS_TOKEN: z.string().min(16, 'must be at least 16 characters (a random secret)').optional(),
    /**
     * Serves `/metrics` without a token on this port of METRICS_HOST instead, for a scraper on a
     * private network (0 picks a free port, for tests).
     */
    METRICS_PORT: z.coerce
      .number({ error: 'must be a port number' })
      .int('must be a port number')
      .min(0, 'must be a port number')
      .max(65535, 'must be a port number')
      .optional(),
    /** Interface METRICS_PORT listens on: this machine only by default. */
    METRICS_HOST: z.string().min(1).default('127.0.0.1'),
    /** Email: the mail server, the sender, retries and limits (email-env.ts). */
    ...EMAIL_ENV,
  })
  .superRefine(requireSender)
  .superRefine((env, ctx) => {
    if (env.STORE === 'redis' && !env.REDIS_URL) ctx.addIssue({ code: 'custom', path: ['REDIS_URL'], message: 'is needed with STORE=redis' });
  });
export type Env = z.infer<typeof Env>;
