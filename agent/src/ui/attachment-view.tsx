import type { AttachmentKind, FileInfo } from '@parley/shared';
import { formatBytes } from '@parley/shared';
import { useEffect, useState } from 'preact/hooks';
import { fetchFile } from '../console/file-transfer.js';

type Props = { file: FileInfo; token: string };

/** Shown inline; the rest (PDF) is offered as a download. */
const IMAGE_KINDS: ReadonlySet<AttachmentKind> = new Set(['png', 'jpeg', 'gif', 'webp']);

/**
 * A file in a chat. Downloads need the session token in a header, so images are fetched and
 * shown from blob URLs (revoked when they leave the screen); other files download on request.
 * The file name is the sender's text: shown as text, used as the download name only.
 */
export function AttachmentView({ file, token }: Props) {
  return IMAGE_KINDS.has(file.kind) ? <ImageAttachment file={file} token={token} /> : <FileDownload file={file} token={token} />;
}

function ImageAttachment({ file, token }: Props) {
  const [url, setUrl] = useState<string | null>(null);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    let revoked = false;
    let created: string | null = null;
    fetchFile(token, file.id).then(
      (blob) => {
        if (revoked) return;
        created = URL.createObjectURL(blob);
        setUrl(created);
      },
      () => setFailed(true),
    );
    return () => {
      revoked = true;
      if (created) URL.revokeObjectURL(created);
    };
  }, [file.id, token]);
  return (
    <figure class="attachment image">
      {url ? <img src={url} alt={file.name} /> : <div class="image-placeholder">{failed ? 'The image could not be loaded.' : 'Loading image…'}</div>}
      <figcaption>
        <span class="file-name">{file.name}</span> <span class="file-size">({formatBytes(file.size)})</span>
      </figcaption>
    </figure>
  );
}

function FileDownload({ file, token }: Props) {
  const [error, setError] = useState<string | null>(null);
  const download = async () => {
    setError(null);
    try {
      const url = URL.createObjectURL(await fetchFile(token, file.id));
      const link = document.createElement('a');
      link.href = url;
      link.download = file.name;
      link.click();
      setTimeout(() => URL.revokeObjectURL(url), 60_000);
    } catch {
      setError('The download failed; try again.');
    }
  };
  return (
    <div class="attachment file">
      <button type="button" onClick={download}>
        Download <span class="file-name">{file.name}</span> ({file.kind.toUpperCase()}, {formatBytes(file.size)})
      </button>
      {error && <span role="alert">{error}</span>}
    </div>
  );
}
