import { watch, type FSWatcher } from 'node:fs';

export interface FileWatch {
  close(): void;
}

/**
 * Calls `onChange` once after a burst of changes settles. Editors save in several steps (write a temp
 * file, rename, touch), so a short debounce turns one save into one reload.
 */
export function watchDebounced(
  folder: string,
  onChange: () => void,
  options: { debounceMs?: number; accept?: (fileName: string) => boolean } = {},
): FileWatch {
  const { debounceMs = 150, accept = () => true } = options;
  let timer: NodeJS.Timeout | undefined;
  let watcher: FSWatcher | undefined;
  try {
    // Watch the folder, not the file: editors that save by renaming a temp file replace the file's inode.
    watcher = watch(folder, { persistent: false }, (_event, fileName) => {
      if (fileName !== null && !accept(fileName.toString())) return;
      if (timer) clearTimeout(timer);
      timer = setTimeout(() => {
        timer = undefined;
        onChange();
      }, debounceMs);
      timer.unref();
    });
    // A watched folder that disappears (deleted, unmounted) must not crash the process.
    watcher.on('error', () => watcher?.close());
  } catch {
    watcher = undefined;
  }
  return {
    close() {
      if (timer) clearTimeout(timer);
      watcher?.close();
    },
  };
}
