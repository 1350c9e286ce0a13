import type { IncomingMessage } from 'node:http';

// /api/messages is on the internet and this runs before any token is checked, so it trusts
// nothing: no decompression (a bomb is never inflated), no multipart, no temp files, and never
// more than `maxBytes` held in memory.

export interface BodyLimits {
  /** Largest body accepted, in bytes. */
  maxBytes: number;
  /** Deepest nesting of objects and arrays accepted. */
  maxDepth: number;
  /**
   * An oversized body is read on and thrown away up to this many bytes, so the sender still gets
   * the 413; beyond it, the connection is cut.
   */
  discardBytes: number;
}

export const MESSAGE_BODY_LIMITS: BodyLimits = { maxBytes: 256 * 1024, maxDepth: 64, discardBytes: 32 * 1024 * 1024 };

export type BodyReading = { ok: true; value: unknown } | { ok: false; status: 400 | 413 | 415; message: string; closeConnection?: boolean };

/** application/json, optionally declaring UTF-8 (the only charset JSON over HTTP may use). */
const JSON_CONTENT_TYPE = /^application\/json\s*(?:;\s*charset\s*=\s*"?utf-8"?\s*)?$/i;

export async function readJsonBody(req: IncomingMessage, limits: BodyLimits = MESSAGE_BODY_LIMITS): Promise<BodyReading> {
  const encoding = (req.headers['content-encoding'] ?? '').trim().toLowerCase();
  if (encoding !== '' && encoding !== 'identity') return refused(415, 'Compressed bodies are not accepted: send the JSON uncompressed.');
  if (!JSON_CONTENT_TYPE.test(req.headers['content-type'] ?? '')) return refused(415, 'Send the activity as application/json.');
  const declared = Number(req.headers['content-length'] ?? 0);
  if (declared > limits.discardBytes) return refused(413, tooLarge(limits), true);

  const read = await readBounded(req, limits);
  if (read === 'too-large') return refused(413, tooLarge(limits));
  if (read === 'cut-off') return refused(413, tooLarge(limits), true);
  if (read === 'aborted') return refused(400, 'The request ended before its body did.', true);

  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(read);
  } catch {
    return refused(400, 'The body is not valid UTF-8.');
  }
  if (nestingDepthExceeds(text, limits.maxDepth)) return refused(400, `The JSON is nested more than ${limits.maxDepth} levels deep.`);
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    return refused(400, 'The body is not valid JSON.');
  }
}

function refused(status: 400 | 413 | 415, message: string, closeConnection = false): Extract<BodyReading, { ok: false }> {
  return closeConnection ? { ok: false, status, message, closeConnection } : { ok: false, status, message };
}

function tooLarge(limits: BodyLimits): string {
  return `The body is larger than ${Math.floor(limits.maxBytes / 1024)} KB.`;
}

/**
 * The body's bytes, or why not. Past `maxBytes` nothing more is kept: the rest is read and thrown
 * away (so the sender can read the answer) until `discardBytes`, where the connection is cut.
 */
function readBounded(req: IncomingMessage, limits: BodyLimits): Promise<Buffer | 'too-large' | 'cut-off' | 'aborted'> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let received = 0;
    let settled = false;
    const settle = (outcome: Buffer | 'too-large' | 'cut-off' | 'aborted') => {
      if (settled) return;
      settled = true;
      req.off('data', onData).off('end', onEnd).off('close', onClose);
      // Keep an error listener: a late socket error must never become an unhandled 'error' event.
      resolve(outcome);
    };
    const onData = (chunk: Buffer) => {
      received += chunk.length;
      if (received > limits.discardBytes) {
        chunks.length = 0;
        settle('cut-off');
        req.destroy();
        return;
      }
      if (received > limits.maxBytes) chunks.length = 0;
      else chunks.push(chunk);
    };
    const onEnd = () => settle(received > limits.maxBytes ? 'too-large' : Buffer.concat(chunks, received));
    const onClose = () => settle('aborted');
    req
      .on('data', onData)
      .on('end', onEnd)
      .on('close', onClose)
      .on('error', () => settle('aborted'));
  });
}

/**
 * True when objects and arrays nest deeper than `maxDepth`. JSON.parse copes with any depth, but
 * whatever walks the result afterwards (validation, logging, serialising) recurses, and a
 * 100,000-deep array would overflow its stack.
 */
function nestingDepthExceeds(text: string, maxDepth: number): boolean {
  let depth = 0;
  let inString = false;
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if (inString) {
      if (code === 0x5c)
        index++; // backslash: skip the escaped character
      else if (code === 0x22) inString = false;
    } else if (code === 0x22) inString = true;
    else if (code === 0x7b || code === 0x5b) {
      if (++depth > maxDepth) return true;
    } else if (code === 0x7d || code === 0x5d) depth--;
  }
  return false;
}
