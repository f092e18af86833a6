import { type FormEvent, useId, useState } from 'react';
import type { z } from 'zod';
import type { MediaInfo } from '../../../../core/api/media.ts';
import { api } from '../../api/client.ts';
import { ErrorAlert } from '../../ui/Alert.tsx';
import { ProgressBar } from '../Progress.tsx';
import { MediaList } from './MediaList.tsx';
import { postWithProgress } from './upload.ts';

type Uploaded = z.output<typeof MediaInfo>;

const sizeText = (bytes: number) =>
  bytes >= 1024 * 1024
    ? `${(bytes / 1024 / 1024).toLocaleString(undefined, { maximumFractionDigits: 1 })} MB`
    : `${(bytes / 1024).toLocaleString(undefined, { maximumFractionDigits: 1 })} KB`;

/**
 * Uploads audio, video and image files to the project, one after another with a progress bar, and
 * lists the reference each gets (`media:<id>`), which import lines put in a media field
 * (docs/media.md). The server decides a file's type from its bytes.
 */
export function MediaUpload({ projectId }: { projectId: number }) {
  const id = useId();
  const [files, setFiles] = useState<File[]>([]);
  const [progress, setProgress] = useState<{ name: string; fraction: number } | null>(null);
  const [done, setDone] = useState<{ name: string; media: Uploaded }[]>([]);
  const [error, setError] = useState<unknown>(null);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    try {
      for (const file of files) {
        setProgress({ name: file.name, fraction: 0 });
        const url = api.url('uploadMedia', {
          params: { projectId },
          query: { name: file.name.slice(0, 255) },
        });
        const media = await postWithProgress<Uploaded>(url, file, {
          contentType: 'application/octet-stream',
          onProgress: (fraction) => setProgress({ name: file.name, fraction }),
        });
        setDone((list) => [...list, { name: file.name, media }]);
      }
      setFiles([]);
    } catch (err) {
      setError(err);
    } finally {
      setProgress(null);
    }
  };

  const percent = progress ? Math.round(progress.fraction * 100) : 0;
  return (
    <>
      <section className="stack" aria-labelledby={`${id}-title`}>
        <h2 id={`${id}-title`}>Upload media</h2>
        <p>
          Audio, video and image files for this project's media fields. Each gets a reference such as{' '}
          <code>media:12</code> to put in an import line's field. With the command line,{' '}
          <code>npx verity import items.jsonl --project {projectId} --media DIR</code> uploads the files the
          lines name for you.
        </p>
        <form className="stack" onSubmit={submit}>
          <label htmlFor={`${id}-files`}>Media files</label>
          <input
            id={`${id}-files`}
            type="file"
            multiple
            accept="audio/*,video/*,image/*"
            onChange={(e) => setFiles(Array.from(e.target.files ?? []))}
          />
          <button
            type="submit"
            className="primary self-start"
            disabled={files.length === 0 || progress !== null}
          >
            Upload {files.length > 1 ? `${files.length} files` : 'file'}
          </button>
        </form>
        {progress && <ProgressBar value={percent} label={`Uploading ${progress.name}: ${percent}%`} />}
        <ErrorAlert error={error} />
        {done.length > 0 && (
          <table aria-label="Uploaded media">
            <thead>
              <tr>
                <th scope="col">File</th>
                <th scope="col">Reference</th>
                <th scope="col">Type</th>
                <th scope="col">Size</th>
              </tr>
            </thead>
            <tbody>
              {done.map((d) => (
                <tr key={`${d.media.id}-${d.name}`}>
                  <td>{d.name}</td>
                  <td>
                    <code>{d.media.ref}</code>
                  </td>
                  <td>{d.media.contentType}</td>
                  <td>{sizeText(d.media.size)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      <MediaList projectId={projectId} refresh={done.length} />
    </>
  );
}
