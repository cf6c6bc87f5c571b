/** Who is asking: a visitor (by their server-minted id) or an agent (by configured id). */
export type Party = { kind: 'visitor'; visitorId: string } | { kind: 'agent'; agentId: string };
