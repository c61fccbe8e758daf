/**
 * Hostile-server behaviour (issue 5): answers that never come, come a byte at a time, are
 * far too large, are not UTF-8, or are cut off by a reset. Each keeps its timers in a
 * TimerSet so that closing the mock stops them at once.
 */
import type { ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import { API_JSON } from './respond.js';
import { MODELS, modelsList, type ModelInfo } from './fixtures.js';

export class TimerSet {
  private readonly timers = new Set<NodeJS.Timeout>();

  after(ms: number, fn: () => void): NodeJS.Timeout {
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      fn();
    }, ms);
    this.timers.add(timer);
    return timer;
  }

  every(ms: number, fn: () => void): NodeJS.Timeout {
    const timer = setInterval(fn, ms);
    this.timers.add(timer);
    return timer;
  }

  clear(timer: NodeJS.Timeout): void {
    clearTimeout(timer);
    clearInterval(timer);
    this.timers.delete(timer);
  }

  clearAll(): void {
    for (const timer of this.timers) {
      clearTimeout(timer);
      clearInterval(timer);
    }
    this.timers.clear();
  }
}

/**
 * Accept the request and say nothing. The socket stays open until the client gives up or
 * the mock closes (which destroys every socket it tracks).
 */
export function hang(res: ServerResponse): void {
  res.socket?.setTimeout(0);
}

/** Headers now, then the body one byte a second: a deadline must cut this short. */
export function trickle(res: ServerResponse, body: Buffer, timers: TimerSet, intervalMs = 1000): void {
  res.statusCode = 200;
  res.setHeader('Content-Type', API_JSON);
  res.setHeader('Content-Length', body.length);
  res.flushHeaders();
  let sent = 0;
  const timer = timers.every(intervalMs, () => {
    if (res.destroyed || sent >= body.length) {
      timers.clear(timer);
      if (!res.destroyed) res.end();
      return;
    }
    res.write(body.subarray(sent, sent + 1));
    sent += 1;
  });
  res.on('close', () => timers.clear(timer));
}

/**
 * Promise a full body, send half, then reset the TCP connection. The TLS socket's underlying
 * TCP socket (`_parent`, a Node internal) can send a real RST; without it, destroy() is the
 * nearest thing (the client sees the connection end mid-body either way).
 */
export function resetMidBody(res: ServerResponse, body: Buffer): void {
  res.statusCode = 200;
  res.setHeader('Content-Type', API_JSON);
  res.setHeader('Content-Length', body.length);
  res.write(body.subarray(0, Math.floor(body.length / 2)), () => {
    const socket = res.socket as (Socket & { _parent?: Socket }) | null;
    const raw = socket?._parent;
    try {
      if (raw && typeof raw.resetAndDestroy === 'function') raw.resetAndDestroy();
      else socket?.destroy();
    } catch {
      socket?.destroy();
    }
  });
}

/** A /models answer with bytes that are not UTF-8 inside a model id (0xC3 0x28, 0xFF 0xFE). */
export function invalidUtf8ModelsBody(): Buffer {
  const json = JSON.stringify(modelsList());
  const marker = '"id":"GigaChat"';
  const at = json.indexOf(marker) + marker.length - 1; // just before the closing quote
  return Buffer.concat([
    Buffer.from(json.slice(0, at), 'utf8'),
    Buffer.from([0xc3, 0x28, 0xff, 0xfe]),
    Buffer.from(json.slice(at), 'utf8'),
  ]);
}

export const HUGE_BODY_BYTES = 5 * 1024 * 1024;

let hugeBody: Buffer | undefined;

/**
 * A well-formed /models document of at least 5 MiB: the real list, then padding models.
 * Only the size is wrong, so a client that reads everything would even parse it.
 */
export function hugeModelsBody(): Buffer {
  if (hugeBody) return hugeBody;
  const padding = 'x'.repeat(1000);
  const data: unknown[] = [...MODELS];
  const perModel = JSON.stringify({ id: `Padding-000000-${padding}`, object: 'model', owned_by: 'salutedevices', type: 'chat' }).length + 1;
  const count = Math.ceil(HUGE_BODY_BYTES / perModel);
  for (let i = 0; i < count; i++) {
    data.push({ id: `Padding-${String(i).padStart(6, '0')}-${padding}`, object: 'model', owned_by: 'salutedevices', type: 'chat' });
  }
  hugeBody = Buffer.from(JSON.stringify({ object: 'list', data }), 'utf8');
  return hugeBody;
}

/** `value` cut into pieces of `size` characters. */
const piecesOf = (value: string, size: number) => value.match(new RegExp(`[\\s\\S]{1,${size}}`, 'g')) ?? [];

/**
 * What a careless server echoes of the key it was sent, in the forms that still give it away
 * (issue 12, points 2 and 5): lower- and upper-cased (its decoded text is only hex, `-` and `:`,
 * so either case rebuilds it), the client id and secret without dashes or in another case, and
 * the key in pieces of 10 characters with spaces or commas between.
 */
export function echoedKeyMessage(key: string): string {
  const pair = Buffer.from(key, 'base64').toString('utf8');
  const [id = '', secret = ''] = pair.split(':');
  return [
    `credentials doesn't match db data: ${key.toLowerCase()} / ${key.toUpperCase()}`,
    `client ${id.replace(/-/g, '')} secret ${secret.toUpperCase()} (${secret.replace(/-/g, '').toUpperCase()})`,
    `pieces ${piecesOf(key, 10).join(' ')} | ${piecesOf(key.toLowerCase(), 10).join(',')}`,
  ].join('; ');
}

/** A /models list whose extra model ids are the token cut into pieces of 10 characters. */
export function modelsEchoingToken(token: string): { object: 'list'; data: ModelInfo[] } {
  const pieces = piecesOf(token, 10).map((id): ModelInfo => ({ id, object: 'model', owned_by: 'salutedevices', type: 'chat' }));
  return { object: 'list', data: [...MODELS, ...pieces] };
}
