import { z } from 'zod';
import { Limits } from './limits.js';

/** Server-minted ids (conversations, visitors, messages) are url-safe base64 of 16+ random bytes. */
export const ServerId = z.string().regex(/^[A-Za-z0-9_-]{16,64}$/, 'must be an id issued by the server');

/** A message id chosen by the client so that a retried send is stored once. */
export const ClientId = z
  .string()
  .min(1)
  .max(Limits.clientId)
  .regex(/^[A-Za-z0-9_.:-]+$/, 'may contain only letters, digits and _ . : -');

/** A room name as it appears in URLs and the statistics endpoint: upper case, digits, _ and -. */
export const RoomName = z.string().regex(/^[A-Z0-9][A-Z0-9_-]{0,39}$/, 'must be 1-40 of A-Z, 0-9, _ and -, starting with a letter or digit');

/** Sequence numbers start at 1 in each conversation; 0 means "nothing yet". */
export const Seq = z.number().int().min(0).max(Number.MAX_SAFE_INTEGER);
