/**
 * A time in seconds as subtitles write it, `HH:MM:SS.mmm` (WebVTT, `.`) or `HH:MM:SS,mmm` (SRT,
 * `,`), rounded to the millisecond; hours grow past 99 rather than wrap.
 */
export function timecode(seconds: number, mark: '.' | ','): string {
  const ms = Math.max(0, Math.round(seconds * 1000));
  const two = (n: number) => String(n).padStart(2, '0');
  const h = Math.floor(ms / 3_600_000);
  const m = Math.floor(ms / 60_000) % 60;
  const s = Math.floor(ms / 1000) % 60;
  return `${two(h)}:${two(m)}:${two(s)}${mark}${String(ms % 1000).padStart(3, '0')}`;
}
