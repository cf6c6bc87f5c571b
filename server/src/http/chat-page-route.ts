import type { Directory } from '../config/directory.js';
import type { HttpResponse } from '../transport/transport.js';
import type { Router } from './router.js';

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => ESCAPES[c]!);

/**
 * The page's own rules: its scripts only from here, connections only back here, images from
 * anywhere over http(s) (a room's logo: the configuration takes either, and a browser upgrades or
 * blocks an http image on an https page by its own mixed-content rules) or the widget's blob previews. Inline styles stay allowed
 * for the custom properties the theme sets. Who may frame it is added per room (frameAncestors).
 */
const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' blob: data: https: http:",
  "connect-src 'self' ws: wss:",
  "base-uri 'none'",
  "form-action 'none'",
  "object-src 'none'",
].join('; ');

/**
 * `frame-ancestors` for a room's page: the sites that may host the room's widget may frame its
 * full-page chat too, and no other (a page framing it could dress it up as its own). Patterns are
 * the whitelist's: `shop.example.com`, `*.example.com`, with an optional port; without one, any
 * port, as the whitelist means. An empty whitelist lets every site host the widget, and frame this.
 */
export function frameAncestors(patterns: readonly string[]): string {
  if (patterns.length === 0) return 'frame-ancestors *';
  const sources = patterns.map((pattern) => (pattern.includes(':') ? pattern : `${pattern}:*`));
  return `frame-ancestors 'self' ${sources.join(' ')}`;
}

function page(status: number, title: string, body: string, framing: string, lang = 'en', background = '#ffffff'): HttpResponse {
  const html = `<!doctype html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>${escapeHtml(title)}</title>
<style>html,body{margin:0;height:100%;background:${background}}</style>
</head>
<body>
${body}
</body>
</html>
`;
  return {
    status,
    headers: {
      'content-type': 'text/html; charset=utf-8',
      'content-security-policy': `${CSP}; ${framing}`,
      'x-content-type-options': 'nosniff',
      'cache-control': 'no-cache',
    },
    body: html,
  };
}

/**
 * `/chat/{room}`: the full-page chat for direct links ("every customer goes to a Chat
 * Room through a URL link"), and for each agent's private room, `/chat/AGENT-ALICE`. It loads
 * the same widget as customers' sites, laid out to fill the page and open at once. Being
 * Parley's own page, it is allowed whatever the room's whitelisted domains say; framed, only
 * by those domains' pages.
 */
export function addChatPageRoute(router: Router, directory: Directory, publicUrl: string): void {
  const basePath = new URL(publicUrl).pathname.replace(/\/+$/, '');
  router.add('GET', '/chat/:room', (_request, { room }) => {
    const name = room!;
    const entry = directory.entry(name);
    if (!entry)
      return page(
        404,
        'Chat not found',
        `<p style="font:16px system-ui,sans-serif;padding:2em">There is no chat named “${escapeHtml(name.slice(0, 40))}”.</p>`,
        "frame-ancestors 'self'",
      );
    const owner = entry.privateFor === null ? null : directory.agent(entry.privateFor);
    const title = owner ? `${owner.name} – ${entry.room.label}` : entry.room.label;
    const script = `<script src="${escapeHtml(basePath)}/widget.js" data-room="${escapeHtml(name)}" data-layout="page" async></script>`;
    return page(200, title, script, frameAncestors(entry.room.whitelistedDomains), entry.room.language, entry.room.theme.backgroundColor);
  });
}

/** The script tag options the preview page passes on, each as the embed code would write it. */
const EMBED_OPTIONS = ['position', 'open-after', 'whisper', 'whisper-after'] as const;

/**
 * `/preview/{room}?position=left&open-after=10&whisper=…`: a plain page with the room's embed
 * code and those options, as a customer's site would have it (the admin console's "preview page").
 * Parley's own page, so the room's whitelisted domains do not apply.
 */
export function addEmbedPreviewRoute(router: Router, directory: Directory, publicUrl: string): void {
  const basePath = new URL(publicUrl).pathname.replace(/\/+$/, '');
  router.add('GET', '/preview/:room', (request, { room }) => {
    const name = room!;
    const entry = directory.entry(name);
    if (!entry)
      return page(
        404,
        'Chat not found',
        `<p style="font:16px system-ui,sans-serif;padding:2em">There is no chat named “${escapeHtml(name.slice(0, 40))}”.</p>`,
        "frame-ancestors 'self'",
      );
    const options = EMBED_OPTIONS.flatMap((option) => {
      const value = request.query.get(option);
      return value ? [` data-${option}="${escapeHtml(value.slice(0, 200))}"`] : [];
    }).join('');
    const body = `<main style="font:16px/1.5 system-ui,sans-serif;padding:2em;max-width:40em">
<h1 style="font-size:1.4em">Preview of the ${escapeHtml(entry.room.label)} chat</h1>
<p>This page has the room's embed code, as a customer's site would. The launcher is at the bottom of the window.</p>
</main>
<script src="${escapeHtml(basePath)}/widget.js" data-room="${escapeHtml(name)}"${options} async></script>`;
    // The admin console may show it in a frame; nobody else needs to.
    return page(200, `Preview: ${entry.room.label}`, body, "frame-ancestors 'self'", entry.room.language);
  });
}
