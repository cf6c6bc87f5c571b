import { ErrorCode } from '@parley/shared';
import type { Logger } from 'pino';
import { Refusal } from '../core/refusal.js';
import type { OwnerApi } from '../owner/owner-api.js';
import type { NodeBus } from './node-bus.js';
import { type PeoplesNodes, socketCount } from './peoples-nodes.js';

/** A call to the owner as it travels: `id` is absent for calls nobody waits on (typing). */
export type OwnerCall = { id?: string; from: string; epoch: number; m: string; a: unknown[] };
export type OwnerReply = { id: string; ok: true; v: unknown } | { id: string; ok: false; code: string | null; message: string };

/** Calls whose last argument is a `greet` run here at the moment the welcome is made. */
const GREETING_CALLS = new Set(['visitorHello', 'agentHello']);

/** The owner cannot be reached, or is not the one the call was for: nothing happened, try again. */
export function unavailable(why: string): Refusal {
  return new Refusal(ErrorCode.UNAVAILABLE, `The server cannot take this right now (${why}); nothing was stored. It will be sent again.`);
}

type Pending = { resolve: (value: unknown) => void; reject: (error: Error) => void; greet: ((value: never) => void) | null; timer: NodeJS.Timeout };

/**
 * This node's calls to the routing owner on another node, over the bus: each is published to the
 * owner's channel and answered on this node's. An answer that does not come in time, or a change
 * of owner meanwhile, fails the call as UNAVAILABLE (the client sends it again; message ids keep
 * that from storing anything twice).
 */
export class OwnerCaller {
  private readonly pending = new Map<string, Pending>();
  private next = 0;

  constructor(
    private readonly node: string,
    private readonly bus: NodeBus,
    private readonly epoch: () => number | null,
    private readonly timeoutMs: number,
  ) {}

  call(method: string, args: unknown[], greet: ((value: never) => void) | null = null): Promise<unknown> {
    const epoch = this.epoch();
    if (epoch === null) return Promise.reject(unavailable('no node routes at the moment'));
    const id = `${++this.next}`;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => this.settle(id, unavailable('the routing node did not answer in time')), this.timeoutMs);
      this.pending.set(id, { resolve, reject, greet, timer });
      const call: OwnerCall = { id, from: this.node, epoch, m: method, a: args };
      this.bus.toOwner(JSON.stringify(call)).catch(() => this.settle(id, unavailable('Redis cannot be reached')));
    });
  }

  /** A call nobody waits on (typing): lost if the owner is away, as typing may be. */
  tell(method: string, args: unknown[]): void {
    const epoch = this.epoch();
    if (epoch === null) return;
    const call: OwnerCall = { from: this.node, epoch, m: method, a: args };
    this.bus.toOwner(JSON.stringify(call)).catch(() => {});
  }

  /** An answer arrived on this node's channel. A greeting runs before anything after it is heard. */
  answered(reply: OwnerReply): void {
    const pending = this.pending.get(reply.id);
    if (!pending) return;
    if (reply.ok) {
      if (pending.greet) pending.greet(reply.v as never);
      this.settle(reply.id, null, reply.v);
    } else {
      this.settle(reply.id, reply.code === null ? new Error(reply.message) : new Refusal(reply.code as ErrorCode, reply.message));
    }
  }

  /** The owner changed or went away: every call still waiting fails now rather than at its timeout. */
  failAll(why: string): void {
    for (const id of [...this.pending.keys()]) this.settle(id, unavailable(why));
  }

  private settle(id: string, error: Error | null, value?: unknown): void {
    const pending = this.pending.get(id);
    if (!pending) return;
    this.pending.delete(id);
    clearTimeout(pending.timer);
    if (error) pending.reject(error);
    else pending.resolve(value);
  }
}

/** The OwnerApi of a node that does not route: every call goes to the owner. */
export function remoteOwner(caller: OwnerCaller): OwnerApi {
  const call = <T>(method: keyof OwnerApi, ...args: unknown[]) => caller.call(method, args) as Promise<T>;
  return {
    visitorHello: (visitorId, roomName, greet) => caller.call('visitorHello', [visitorId, roomName], greet as (value: never) => void) as Promise<void>,
    visitorGone: (visitorId) => call('visitorGone', visitorId),
    hasOpen: (visitorId, roomName) => call('hasOpen', visitorId, roomName),
    start: (request) => call('start', request),
    askAll: (visitorId, conversationId) => call('askAll', visitorId, conversationId),
    keepWaiting: (visitorId, conversationId) => call('keepWaiting', visitorId, conversationId),
    send: (party, frame, origin) => call('send', party, frame, origin),
    async typing(party, frame) {
      caller.tell('typing', [party, frame]);
    },
    history: (party, conversationId, afterSeq) => call('history', party, conversationId, afterSeq),
    end: (party, conversationId) => call('end', party, conversationId),
    readable: (party, conversationId) => call('readable', party, conversationId),
    writable: (party, conversationId) => call('writable', party, conversationId),
    sendFile: (party, conversationId, clientId, file) => call('sendFile', party, conversationId, clientId, file),
    agentHello: (agentId, client, status, greet) =>
      caller.call('agentHello', [agentId, client, status ?? null], greet as (value: never) => void) as Promise<void>,
    agentGone: (agentId, client) => call('agentGone', agentId, client),
    setStatus: (agentId, client, status) => call('setStatus', agentId, client, status),
    accept: (agentId, client, conversationId) => call('accept', agentId, client, conversationId),
    pastConversations: (agentId, conversationId) => call('pastConversations', agentId, conversationId),
    note: (agentId, frame) => call('note', agentId, frame),
    disposition: (agentId, conversationId, code, note) => call('disposition', agentId, conversationId, code, note),
    lead: (agentId, conversationId, to) => call('lead', agentId, conversationId, to),
    transfer: (agentId, conversationId, to, note) => call('transfer', agentId, conversationId, to, note),
    signOutSockets: (agentId, sockets) => call('signOutSockets', agentId, sockets),
    emailTranscript: (requester, frame) => call('emailTranscript', requester, frame),
    leaveMessage: (request) => call('leaveMessage', request),
    emailAlert: (requester, frame) => call('emailAlert', requester, frame),
    supervisor: (room) => call('supervisor', room),
    whyRoomIsBusy: (room) => call('whyRoomIsBusy', room),
  };
}

/**
 * On the routing owner: runs calls from other nodes against this process's owner, and answers on
 * the caller's channel. A greeting's answer is published the moment the welcome is made, before
 * any frame the hub sends after it, on the same connection, so the caller hears them in that order.
 */
export function serveOwnerCalls(deps: {
  owner: OwnerApi;
  /** Learns from hellos and goodbyes where each person is connected. */
  peoples: PeoplesNodes;
  /** Cluster-only calls (the figures snapshot). */
  extra: Record<string, (...args: unknown[]) => Promise<unknown>>;
  bus: NodeBus;
  epoch: number;
  log: Logger;
}): (message: string) => void {
  const { owner, extra, bus, epoch, log, peoples } = deps;
  const reply = (to: string, answer: OwnerReply) => {
    bus.toNode(to, JSON.stringify(answer)).catch((error: unknown) => log.debug({ err: error }, 'cluster: an answer could not be sent'));
  };
  return (message) => {
    const call = JSON.parse(message) as OwnerCall;
    const { id, from } = call;
    if (call.epoch !== epoch) {
      if (id) reply(from, { id, ok: false, code: ErrorCode.UNAVAILABLE, message: unavailable('routing moved to another node').message });
      return;
    }
    let answered = false;
    const answer = (value: OwnerReply) => {
      if (answered || !id) return;
      answered = true;
      reply(from, value);
    };
    const args = [...call.a];
    const kind = call.m.startsWith('visitor') ? 'visitor' : 'agent';
    if (GREETING_CALLS.has(call.m)) {
      if (call.m === 'agentHello' && args[2] === null) args[2] = undefined;
      args.push((value: unknown) => {
        peoples.connected(kind, args[0] as string, from);
        answer({ id: id!, ok: true, v: value });
      });
    } else if (call.m === 'visitorGone' || call.m === 'agentGone') {
      peoples.disconnected(kind, args[0] as string, from);
    } else if (call.m === 'signOutSockets') {
      peoples.disconnected('agent', args[0] as string, from, socketCount(args[1] as Record<string, number>));
    }
    const target = (owner as unknown as Record<string, (...a: unknown[]) => Promise<unknown>>)[call.m] ?? extra[call.m];
    if (!target) return answer({ id: id!, ok: false, code: null, message: `unknown call ${call.m}` });
    let result: Promise<unknown>;
    try {
      result = target(...args);
    } catch (error) {
      result = Promise.reject(error);
    }
    result.then(
      (value) => answer({ id: id!, ok: true, v: value ?? null }),
      (error: unknown) => {
        if (error instanceof Refusal) return answer({ id: id!, ok: false, code: error.code, message: error.message });
        log.error({ err: error, call: call.m }, 'cluster: a call from another node failed');
        answer({ id: id!, ok: false, code: ErrorCode.INTERNAL, message: 'Something went wrong on the server; try again.' });
      },
    );
  };
}
