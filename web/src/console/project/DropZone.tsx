import { type DragEvent, useId, useState } from 'react';

/**
 * A file input that also accepts a dropped file. The input stays a real, visible, labelled control,
 * so choosing a file works by keyboard and screen reader exactly as by mouse.
 */
export function DropZone({ file, onFile }: { file: File | null; onFile(f: File | null): void }) {
  const id = useId();
  const [over, setOver] = useState(false);
  const drop = (e: DragEvent) => {
    e.preventDefault();
    setOver(false);
    const f = e.dataTransfer.files[0];
    if (f) onFile(f);
  };
  return (
    // biome-ignore lint/a11y/noStaticElementInteractions: dropping is a pointer shortcut; the file input inside is the keyboard path
    <div
      className={`dropzone${over ? ' over' : ''}`}
      onDragOver={(e) => {
        e.preventDefault();
        setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={drop}
    >
      <label htmlFor={id}>File to import</label>
      <input
        id={id}
        type="file"
        accept=".jsonl,.ndjson,.json,.csv,application/x-ndjson,text/csv"
        aria-describedby={`${id}-hint`}
        onChange={(e) => onFile(e.target.files?.[0] ?? null)}
      />
      <p id={`${id}-hint`} className="muted">
        {file
          ? `Chosen: ${file.name} (${(file.size / 1024).toLocaleString(undefined, { maximumFractionDigits: 1 })} KB)`
          : 'Drop a JSON Lines (.jsonl) or CSV (.csv) file here, or choose one.'}
      </p>
    </div>
  );
}
