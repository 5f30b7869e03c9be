import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';

const require = createRequire(import.meta.url);

/**
 * The libraries the widget renders replies with, as their packages ship them for browsers: marked turns
 * a staff or assistant reply's Markdown into HTML, DOMPurify removes anything from it that could run.
 * marked does not export its browser build, so it is found beside its package.json.
 */
function vendorFiles(): string[] {
  return [require.resolve('dompurify/dist/purify.min.js'), path.join(path.dirname(require.resolve('marked/package.json')), 'lib', 'marked.umd.js')];
}

/**
 * The embeddable widget: widget.js as written (plain JavaScript, no framework, no build step) with its two
 * libraries in front, in one file so an embedding site adds one script tag and its CSP one origin.
 *
 * The libraries are UMD builds, which would attach themselves to the host page (`window.marked`), or to
 * the host page's module loader when it has one. Inside the wrapper `globalThis` is a private object and
 * `module`, `exports` and `define` are undefined, so they attach there instead and the widget reads them
 * as `libdeskVendor`; the host page's own copies, if any, are left alone.
 */
export async function loadWidgetScript(): Promise<string> {
  const [vendor, widget] = await Promise.all([
    Promise.all(vendorFiles().map((file) => readFile(file, 'utf8'))),
    readFile(new URL('./widget.js', import.meta.url), 'utf8'),
  ]);
  return [
    '(function () {',
    'var libdeskVendor = {};',
    '(function (globalThis, module, exports, define) {',
    ...vendor.map((source) => source.replace(/\n\/\/# sourceMappingURL=\S+\s*$/, '\n')),
    '})(libdeskVendor, undefined, undefined, undefined);',
    widget,
    '})();',
    '',
  ].join('\n');
}
