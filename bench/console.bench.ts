import { launchChromium, startConsoleSandbox } from '../test/console/console-harness';
import { buildProductCard } from '../src/bot/blocks/product-card';
import { quantile } from './measure';
import type { BenchSection } from './results-file';

const LOADS = 15;

/** What Navigation Timing and the page's own mark say about one load. */
interface LoadTiming {
  /** Response end: the HTML is in. */
  html: number;
  domContentLoaded: number;
  load: number;
  /** The first state from the event stream is on screen (`console-ready`). */
  ready: number;
  transferKb: number;
}

const row = (name: string, values: readonly number[]): string => {
  const sorted = [...values].sort((a, b) => a - b);
  return `| ${name} | ${quantile(sorted, 0.5).toFixed(0)} ms | ${sorted[0]?.toFixed(0) ?? '–'} ms | ${sorted.at(-1)?.toFixed(0) ?? '–'} ms |`;
};

/**
 * The console page's load time in Debian's Chromium against the real sandbox on this machine: a
 * fresh page per load (the server is warm), Navigation Timing for HTML, DOMContentLoaded and load,
 * and the page's `console-ready` mark for the first state drawn from `/_console/events`.
 */
export async function run(): Promise<BenchSection[]> {
  const sandbox = await startConsoleSandbox();
  const browser = await launchChromium();
  try {
    // Something to draw: the product card in #data-products.
    const card = buildProductCard(await sandbox.bot.deps.mesh.getProduct({ user: { teamId: 'T0SANDBOX', userId: 'U0PRODUCER' }, requestId: 'bench' }, { productId: 'telco-111111111111' }));
    await sandbox.client.chat.postMessage({ channel: 'C0PRODUCTS', text: card.text, blocks: card.blocks });
    const timings: LoadTiming[] = [];
    for (let i = 0; i <= LOADS; i += 1) {
      const page = await browser.context.newPage();
      await page.goto(sandbox.url, { waitUntil: 'load' });
      await page.locator('#messages .bk-header').waitFor();
      const timing = await page.evaluate(() => {
        const [nav] = performance.getEntriesByType('navigation') as PerformanceNavigationTiming[];
        const ready = performance.getEntriesByName('console-ready')[0]?.startTime ?? Number.NaN;
        const resources = performance.getEntriesByType('resource') as PerformanceResourceTiming[];
        const bytes = (nav?.transferSize ?? 0) + resources.reduce((sum, r) => sum + r.transferSize, 0);
        return { html: nav?.responseEnd ?? Number.NaN, domContentLoaded: nav?.domContentLoadedEventEnd ?? Number.NaN, load: nav?.loadEventEnd ?? Number.NaN, ready, transferKb: bytes / 1024 };
      });
      await page.close();
      // The first load warms Chromium's own caches of the profile; it is not counted.
      if (i > 0) timings.push(timing);
    }
    const pick = (key: keyof LoadTiming): number[] => timings.map((t) => t[key]);
    const kb = quantile([...pick('transferKb')].sort((a, b) => a - b), 0.5);
    const readyMedian = quantile([...pick('ready')].sort((a, b) => a - b), 0.5);
    const body = [
      `The console page (\`GET /\`, its script and style, then the first state from \`/_console/events\`) loaded ${LOADS} times in Debian's Chromium (headless, fresh page each time, warm server) from the sandbox started in the same process, with the product card in #data-products, on the 2-core machine. Navigation Timing, from navigation start:`,
      '',
      '| moment | median | min | max |',
      '|---|---|---|---|',
      row('HTML received (responseEnd)', pick('html')),
      row('DOMContentLoaded', pick('domContentLoaded')),
      row('load', pick('load')),
      row('first state drawn (`console-ready`)', pick('ready')),
      '',
      `Transferred: ${kb.toFixed(0)} kB (HTML, one minified script, one stylesheet). Target: the first state on screen well under a second — median **${readyMedian.toFixed(0)} ms**.`,
    ].join('\n');
    return [{ title: 'Console page load', body }];
  } finally {
    await browser.close();
    await sandbox.close();
  }
}
