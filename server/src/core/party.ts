/** Who is asking: a visitor (by their server-minted id) or an agent (by configured id). */
export type Party = { kind: 'visitor'; visitorId: string } | { kind: 'agent'; agentId: string };

/**
 * A visitor asking for an email, and the network address they ask from: a visitor id costs
 * nothing to replace (connect without a token), so email limits count the address too.
 */
export type EmailRequester = { visitorId: string; network: string };
