import type { FileInfo } from '@parley/shared';
import { useEffect, useState } from 'preact/hooks';
import { format } from '../../i18n/index.js';
import { formatBytes } from './format.js';
import { useWidget } from './widget-context.js';

const IMAGES = new Set(['png', 'jpeg', 'gif', 'webp']);

/**
 * A file in the conversation. Downloads need the session token, so images are fetched and shown
 * from a blob URL; other files download the same way when asked. The name is only ever text.
 */
export function FileView({ file }: { file: FileInfo }) {
  const { controller, strings, settings } = useWidget();
  const files = controller.uploads.files;
  const [src, setSrc] = useState<string | null>(null);
  const image = IMAGES.has(file.kind);

  useEffect(() => {
    if (!image) return;
    let live = true;
    files.objectUrl(file.id).then(
      (url) => live && setSrc(url),
      () => undefined, // stays a named placeholder; the next render tries again
    );
    return () => {
      live = false;
    };
  }, [file.id, image, files]);

  if (image) return src ? <img src={src} alt={file.name} /> : <span>{file.name}</span>;

  const download = async () => {
    const url = await files.objectUrl(file.id);
    const link = document.createElement('a');
    link.href = url;
    link.download = file.name;
    link.rel = 'noopener';
    link.click();
  };
  return (
    <button type="button" class="download" onClick={() => void download()}>
      {format(strings.download, { name: file.name, size: formatBytes(file.size, settings.language) })}
    </button>
  );
}
