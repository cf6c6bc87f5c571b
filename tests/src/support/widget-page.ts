import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

/*
 * Helpers for driving the widget in a real page. Playwright's role and label locators see into
 * the widget's open shadow root, as assistive technology does.
 */

export const launcherOf = (page: Page) => page.getByRole('button', { name: /chat/i }).and(page.locator('.launcher'));

/** The conversation's lines as the visitor sees them, in order. */
export async function messageLines(page: Page): Promise<string[]> {
  return page.getByRole('list', { name: 'Messages' }).getByRole('listitem').allInnerTexts();
}

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

type AxeResult = { id: string; help: string; nodes: { target: unknown }[] };

/**
 * axe-core's verdict on the widget (all its rules: WCAG A and AA, and best practices), run in the
 * page on `<parley-widget>` and its shadow root. `checked` counts the elements rules passed on, so
 * a check that saw nothing cannot pass unnoticed. It waits for the panel's opening animation to
 * end first: mid-fade, text blends with the host page and contrast is judged on a frame nobody reads.
 */
export async function axeCheck(page: Page): Promise<{ violations: { id: string; help: string; nodes: string[] }[]; checked: number }> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ content: axeSource });
  return page.evaluate(async () => {
    const shadow = document.querySelector('parley-widget')?.shadowRoot;
    await Promise.all((shadow?.getAnimations() ?? []).map((animation) => animation.finished));
    const axe = (window as unknown as { axe: { run(context: unknown): Promise<{ violations: AxeResult[]; passes: AxeResult[] }> } }).axe;
    const result = await axe.run({ include: [['parley-widget']] });
    return {
      violations: result.violations.map((v) => ({ id: v.id, help: v.help, nodes: v.nodes.map((n) => JSON.stringify(n.target)) })),
      checked: result.passes.reduce((sum, rule) => sum + rule.nodes.length, 0),
    };
  });
}
