import { describe, expect, it } from 'vitest';
import type { ChatMessage } from '../message.js';
import { HistorySync } from './history-sync.js';
import { contiguousSeq, mergeMessages, missingAfter } from './message-log.js';

const message = (seq: number): ChatMessage => ({ seq, clientId: `m-${seq}`, at: seq, kind: 'text', from: 'agent', text: `message ${seq}` });
const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => message(from + i));

describe('the message log', () => {
  it('merges by sequence number, each once, in order, and keeps the same array when nothing is new', () => {
    const held = [message(1), message(3)];
    const merged = mergeMessages(held, [message(2), message(3), message(4)]);
    expect(merged.map((m) => m.seq)).toEqual([1, 2, 3, 4]);
    expect(mergeMessages(merged, [message(2)])).toBe(merged);
  });

  it('syncs from the last seq with nothing missing before it, and only when something is missing', () => {
    expect(contiguousSeq([message(1), message(2), message(5)])).toBe(2);
    expect(missingAfter([message(1), message(2), message(5)])).toBe(2);
    expect(missingAfter(range(1, 3), 3)).toBeNull();
    expect(missingAfter(range(1, 3), 7)).toBe(3);
    expect(missingAfter([], 0)).toBeNull();
  });
});

describe('history sync', () => {
  function setUp() {
    const sent: [string, number][] = [];
    let connected = true;
    const sync = new HistorySync((id, after) => connected && sent.push([id, after]) > 0);
    return { sent, sync, disconnect: () => (connected = false) };
  }

  it('pages through history from the gap-free point, whatever live message lands between two pages', () => {
    const { sent, sync } = setUp();
    let held: ChatMessage[] = [];
    sync.fill('c', held, 450);
    held = mergeMessages(held, [message(451)]); // live, before the first page
    sync.fill('c', held, 451); // asks nothing more: a request is in flight
    held = mergeMessages(held, range(1, 200));
    sync.answered('c', held, true, 451);
    held = mergeMessages(held, range(201, 400));
    sync.answered('c', held, true, 451);
    held = mergeMessages(held, range(401, 450));
    sync.answered('c', held, false, 451);
    expect(sent).toEqual([
      ['c', 0],
      ['c', 200],
      ['c', 400],
    ]);
    expect(held.map((m) => m.seq)).toEqual(range(1, 451).map((m) => m.seq));
  });

  it('does not ask for the same page again when a page brings nothing new', () => {
    const { sent, sync } = setUp();
    sync.request('c', 10);
    sync.answered('c', range(1, 10), true);
    expect(sent).toEqual([['c', 10]]);
  });

  it('forgets what was in flight when the connection drops or the server refuses, and asks again then', () => {
    const { sent, sync, disconnect } = setUp();
    sync.request('a', 0);
    sync.request('b', 0);
    sync.reset();
    sync.request('a', 0);
    sync.refused('b');
    sync.request('b', 0);
    disconnect();
    sync.request('c', 0);
    expect(sent).toEqual([
      ['a', 0],
      ['b', 0],
      ['a', 0],
      ['b', 0],
    ]);
  });
});
