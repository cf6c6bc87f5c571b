/**
 * Size limits shared by the server (which enforces them with zod) and the clients (which stop
 * the person before the server has to refuse). Each is generous for a human and small enough
 * that a hostile client cannot make the server hold much.
 */
export const Limits = {
  /** Longest chat message, in characters. Roughly three screens of text. */
  messageText: 4000,
  /** Longest live draft sent with a typing event (the same as a message: it becomes one). */
  typingDraft: 4000,
  /** Client-generated message ids: long enough for a UUID or nanoid, short enough to index. */
  clientId: 64,
  /** Welcome-form answers: number of fields, key length, value length. */
  formFields: 40,
  formKey: 64,
  formValue: 2000,
  /** Page context the widget reports: URL and referrer, title, time zone, language. */
  url: 2048,
  pageTitle: 300,
  timeZone: 64,
  language: 35,
  /** Messages per `history` frame; a client asks again from the last one when `more` is true. */
  historyPage: 200,
  /** Waiting conversations listed per room in agents' queue frames (the total is always sent). */
  queueListed: 50,
  /** Largest frame either transport accepts: 64 KiB. Larger frames close the connection (1009). */
  framePayloadBytes: 64 * 1024,
} as const;
