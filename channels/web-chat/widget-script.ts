import { readFile } from 'node:fs/promises';

/** The embeddable widget is plain JavaScript served as written: no framework, no build step. */
export function loadWidgetScript(): Promise<string> {
  return readFile(new URL('./widget.js', import.meta.url), 'utf8');
}
