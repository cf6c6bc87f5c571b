/**
 * Every key Parley writes in Redis, under one prefix (`parley:` by default), so that several
 * Parleys, or test runs, can share a Redis without seeing each other.
 */
export function redisKeys(prefix: string) {
  return {
    /** A conversation's record (JSON, without lastSeq). */
    conversation: (id: string) => `${prefix}conv:${id}`,
    /** A conversation's messages, a list: message `seq` is at index seq - 1. */
    messages: (id: string) => `${prefix}msgs:${id}`,
    /** A conversation's client ids, a hash to the seq each was stored at (a resend is stored once). */
    clientIds: (id: string) => `${prefix}cids:${id}`,
    /** Waiting and active conversations, a sorted set by creation time. */
    open: `${prefix}open`,
    /** A room's ended conversations, a sorted set by the time they ended (for reports). */
    ended: (room: string) => `${prefix}ended:${room}`,
    /** A visitor's conversations in every room, a sorted set by creation time. */
    visitor: (visitorId: string) => `${prefix}visitor:${visitorId}`,
    session: (tokenHash: string) => `${prefix}sess:${tokenHash}`,
    file: (id: string) => `${prefix}file:${id}`,
    fileBytes: (id: string) => `${prefix}filebytes:${id}`,
    /** An email: its record while unfinished, then only its state. */
    mail: (id: string) => `${prefix}mail:${id}`,
    /** Unfinished emails, a sorted set by creation time. */
    mails: `${prefix}mails`,
    /** Who sends an email now, until their lease runs out. */
    mailClaim: (id: string) => `${prefix}mailclaim:${id}`,
    preferences: `${prefix}prefs`,
    /** Settings records by `kind:id` (JSON with version and revision); deleted ones apart. */
    settings: `${prefix}settings`,
    settingsDeleted: `${prefix}settings:deleted`,
    /** Each record's version: positive while it exists, negative once deleted (a record made again counts on). */
    settingsVersions: `${prefix}settings:versions`,
    settingsRevision: `${prefix}settings:revision`,
    /** Each record's last revision, a sorted set: what changed after a revision. */
    settingsChanges: `${prefix}settings:changes`,
    audit: (subject: string) => `${prefix}audit:${subject}`,
    /** Counters that limit rates across nodes (sign-in attempts, connections per address). */
    counter: (name: string) => `${prefix}count:${name}`,
    /** The routing owner's lease (its node id and epoch), and the epoch: the fencing token of its writes. */
    routingLease: `${prefix}routing:lease`,
    routingEpoch: `${prefix}routing:epoch`,
  };
}

export type RedisKeys = ReturnType<typeof redisKeys>;
