import type { WidgetSettings } from '@parley/shared';
import { useEffect, useRef, useState } from 'preact/hooks';

/** The widget preview build's entry (widget/src/app/preview.tsx), served by Parley beside the widget. */
type PreviewModule = { preview(host: HTMLElement, settings: WidgetSettings): Promise<{ update(settings: WidgetSettings): void; unmount(): void }> };

const PREVIEW_URL = '/widget/preview/preview.js';

/**
 * The real widget (the same components and styles visitors get) drawing settings that are not
 * saved yet, updated as the admin types. It talks to no server.
 */
export function WidgetPreview({ settings }: { settings: WidgetSettings }) {
  const host = useRef<HTMLDivElement>(null);
  const handle = useRef<{ update(settings: WidgetSettings): void; unmount(): void } | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

  useEffect(() => {
    let gone = false;
    (import(/* @vite-ignore */ PREVIEW_URL) as Promise<PreviewModule>)
      .then((module) => module.preview(host.current!, settings))
      .then(
        (preview) => {
          if (gone) preview.unmount();
          else handle.current = preview;
        },
        () => setProblem('The preview could not be loaded (is the widget built?).'),
      );
    return () => {
      gone = true;
      handle.current?.unmount();
      handle.current = null;
    };
  }, []);

  useEffect(() => {
    handle.current?.update(settings);
  }, [settings]);

  return (
    <figure class="preview">
      <figcaption>Preview: the chat window as visitors will see it, with your unsaved changes</figcaption>
      {problem && <p role="alert">{problem}</p>}
      {/* The widget resets its own host element (so a page's CSS cannot reach it): the stage around it holds the size. */}
      <div class="preview-stage">
        <div ref={host} data-testid="widget-preview" />
      </div>
    </figure>
  );
}
