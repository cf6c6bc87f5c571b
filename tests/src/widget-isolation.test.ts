import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from './support/browser.js';
import { type HostPages, startHostPages } from './support/host-pages.js';
import { startTestServer, type TestServer } from './support/in-process-server.js';
import { widgetRooms } from './support/widget-rooms.js';

/**
 * What a hostile stylesheet can do to a page's elements, all of it, with !important: fonts,
 * colours, boxes, custom properties named like the widget's, and rules aimed at the widget's
 * own element. (Opacity, filters and transforms on <html> or <body> would reach any embed, an
 * iframe too; they are aimed at elements here.)
 */
const AGGRESSIVE_CSS = `
  html { font-size: 40px !important; }
  :root { --pw-primary: #f0f; --pw-bg: #000; --pw-text: #fff; --pw-font: cursive; --pw-muted: red; --pw-line: lime; }
  * {
    font-family: "Courier New", monospace !important; font-size: 23px !important; font-weight: 900 !important;
    line-height: 3 !important; letter-spacing: 3px !important; text-transform: uppercase !important; text-align: right !important;
    color: #e00 !important; background: #ff0 !important; border: 3px dashed #00f !important; border-radius: 0 !important;
    margin: 6px !important; padding: 6px !important; box-sizing: content-box !important; box-shadow: 0 0 0 4px #0f0 !important;
    cursor: crosshair !important; outline: 5px solid orange !important; fill: red !important;
  }
  div, section, form, p, h2, button, input, textarea, select, label, ul, li, ol, span, svg, img {
    display: block !important; position: relative !important; width: 50% !important; height: auto !important;
    float: left !important; opacity: 0.7 !important; transform: rotate(3deg) !important; z-index: 1 !important;
  }
  button, [role=button], [hidden] { display: inline !important; background: #000 !important; }
  parley-widget, parley-widget * { display: none !important; position: absolute !important; top: 0 !important; filter: invert(1) !important; transform: scale(2) !important; }
`;

function hostPage(parley: string, css: string, withWidget: boolean): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Bikes</title><style>${css}</style></head>
<body><main><h1>Bike shop</h1><p>Repairs while you wait.</p><form><label>Search <input name="q"></label><button type="button">Buy</button></form></main>
${withWidget ? `<script src="${parley}/widget.js" data-room="GENERAL" async></script>` : ''}</body></html>`;
}

describe('style isolation', () => {
  let browser: Browser;
  let server: TestServer;
  let pages: HostPages;
  beforeAll(async () => {
    [browser, server] = await Promise.all([launchBrowser(), startTestServer({ transport: 'uws', file: widgetRooms })]);
    pages = await startHostPages({
      '/plain': hostPage(server.http, '', true),
      '/aggressive': hostPage(server.http, AGGRESSIVE_CSS, true),
      '/plain-without-widget': hostPage(server.http, '', false),
    });
  });
  afterAll(async () => {
    await browser?.close();
    await pages?.close();
    await server?.stop();
  });

  /** The page at `path` on the room's whitelisted host, at a fixed size, without motion (nothing moves mid-shot). */
  async function open(path: string): Promise<Page> {
    const page = await browser.newPage({ viewport: { width: 1000, height: 760 }, reducedMotion: 'reduce' });
    await page.goto(`http://localhost:${pages.port}${path}`);
    return page;
  }

  /** A screenshot of the inside of an element (inset past its rounded corners and shadow). */
  async function inside(page: Page, selector: string, inset: number): Promise<Buffer> {
    const box = (await page.locator(selector).boundingBox())!;
    return page.screenshot({
      animations: 'disabled',
      clip: { x: box.x + inset, y: box.y + inset, width: box.width - 2 * inset, height: box.height - 2 * inset },
    });
  }

  it('looks the same on a page with aggressive global CSS as on a plain one', async () => {
    const looks: Record<string, { launcher: Buffer; panel: Buffer; box: unknown }> = {};
    for (const path of ['/plain', '/aggressive']) {
      const page = await open(path);
      const launcher = page.getByRole('button', { name: 'Open chat' });
      await launcher.waitFor();
      await page.locator('parley-widget .pw-root').waitFor({ state: 'attached' });
      const closed = await inside(page, 'parley-widget .launcher', 9);
      await launcher.click();
      await page.getByRole('button', { name: 'Start chat' }).waitFor();
      await page.mouse.move(0, 0);
      looks[path] = { launcher: closed, panel: await inside(page, 'parley-widget .panel', 14), box: await page.locator('parley-widget .panel').boundingBox() };
      await page.close();
    }
    expect(looks['/aggressive']!.box).toEqual(looks['/plain']!.box);
    for (const part of ['launcher', 'panel'] as const) {
      if (!looks['/aggressive']![part].equals(looks['/plain']![part])) {
        for (const path of ['/plain', '/aggressive'])
          writeFileSync(join(tmpdir(), `parley-isolation-${part}${path.replace('/', '-')}.png`), looks[path]![part]);
      }
      expect(looks['/aggressive']![part].equals(looks['/plain']![part]), `${part} differs; screenshots in ${tmpdir()}`).toBe(true);
    }
  });

  it('leaves the host page as it was: its look, its head, its styles and its title', async () => {
    const facts = async (page: Page) =>
      page.evaluate(() => ({
        head: document.head.innerHTML,
        title: document.title,
        sheets: document.styleSheets.length,
        bodyChildren: [...document.body.children].filter((e) => e.tagName !== 'PARLEY-WIDGET' && e.tagName !== 'SCRIPT').map((e) => e.outerHTML),
        widgets: document.querySelectorAll('parley-widget').length,
        htmlAttributes: [...document.documentElement.attributes].map((a) => `${a.name}=${a.value}`),
        bodyStyle: (({ margin, padding, overflow, position, fontFamily, fontSize, color, backgroundColor }) => ({
          margin,
          padding,
          overflow,
          position,
          fontFamily,
          fontSize,
          color,
          backgroundColor,
        }))(getComputedStyle(document.body)),
        scroll: [window.scrollX, window.scrollY],
      }));
    const bare = await open('/plain-without-widget');
    const mainBefore = await bare.locator('main').screenshot({ animations: 'disabled' });
    const before = await facts(bare);
    await bare.close();

    const page = await open('/plain');
    await page.getByRole('button', { name: 'Open chat' }).waitFor();
    await page.locator('parley-widget .pw-root').waitFor({ state: 'attached' });
    expect((await page.locator('main').screenshot({ animations: 'disabled' })).equals(mainBefore)).toBe(true);
    await page.getByRole('button', { name: 'Open chat' }).click();
    await page.getByRole('button', { name: 'Start chat' }).waitFor();
    const after = await facts(page);
    expect({ ...after, widgets: 0 }).toEqual({ ...before, widgets: 0 });
    expect(after.widgets).toBe(1);
    await page.close();
  });
});
