import { build } from 'esbuild';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';

/** The page's files as served: the HTML shell, one script and one stylesheet. */
export interface PageAssets {
  html: string;
  script: string;
  style: string;
}

const pageFile = (name: string): string => fileURLToPath(new URL(`./page/${name}`, import.meta.url));

/** The HTML shell; everything inside `#app` is built by the script from DOM nodes. */
function shell(): string {
  return [
    '<!doctype html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<title>Meshbot sandbox console</title>',
    '<link rel="stylesheet" href="/console.css">',
    '<script type="module" src="/console.js"></script>',
    '</head>',
    '<body>',
    '<div id="app" aria-busy="true"><p class="loading">Loading the sandbox…</p></div>',
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

/**
 * Bundle the page: its TypeScript into one minified ES module with esbuild (a few milliseconds, so
 * it is done when the server starts rather than kept as a build artefact), and its stylesheet as is.
 */
export async function buildPageAssets(): Promise<PageAssets> {
  const [bundle, style] = await Promise.all([
    build({
      entryPoints: [pageFile('main.ts')],
      bundle: true,
      write: false,
      format: 'esm',
      target: 'es2022',
      platform: 'browser',
      minify: true,
      legalComments: 'none',
      logLevel: 'silent',
    }),
    readFile(pageFile('console.css'), 'utf8'),
  ]);
  const script = bundle.outputFiles[0]?.text;
  if (script === undefined) throw new Error('esbuild produced no bundle for the console page');
  return { html: shell(), script, style };
}
