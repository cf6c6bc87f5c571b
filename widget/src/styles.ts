/**
 * Adds CSS to the widget's shadow root. A constructed stylesheet is not subject to the host
 * page's `style-src` Content-Security-Policy; a `<style>` element is the fallback for browsers
 * without them.
 */
export function adoptStyles(root: ShadowRoot, css: string): void {
  try {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(css);
    root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
  } catch {
    const style = document.createElement('style');
    style.textContent = css;
    root.appendChild(style);
  }
}
