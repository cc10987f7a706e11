import { fileURLToPath } from 'node:url';
import { writeSections, type BenchSection } from './results-file';

/** A benchmark: measures side by side in one run and returns its sections of bench/RESULTS.md. */
export type Benchmark = () => Promise<BenchSection[]>;

/** Every benchmark by name, loaded only when run (`npm run bench -- <name>…` runs some). */
const BENCHMARKS: Record<string, () => Promise<Benchmark>> = {
  emulator: async () => (await import('./emulator-throughput.bench')).run,
  approval: async () => (await import('./approval.bench')).run,
  publish: async () => (await import('./publish.bench')).run,
  bot: async () => (await import('./bot.bench')).run,
  console: async () => (await import('./console.bench')).run,
  lambda: async () => (await import('./lambda-bundles.bench')).run,
  chaos: async () => (await import('./chaos.bench')).run,
};

async function main(): Promise<void> {
  const wanted = process.argv.slice(2).filter((arg) => !arg.startsWith('-'));
  const unknown = wanted.filter((name) => !(name in BENCHMARKS));
  if (unknown.length > 0) {
    console.error(`unknown benchmark ${unknown.join(', ')}; known: ${Object.keys(BENCHMARKS).join(', ')}`);
    process.exitCode = 2;
    return;
  }
  const sections: BenchSection[] = [];
  for (const name of wanted.length > 0 ? wanted : Object.keys(BENCHMARKS)) {
    const load = BENCHMARKS[name];
    if (!load) continue;
    console.log(`bench ${name}…`);
    const found = await (await load())();
    for (const section of found) console.log(`\n## ${section.title}\n\n${section.body}`);
    sections.push(...found);
  }
  const command = `npm run bench${wanted.length > 0 ? ` -- ${wanted.join(' ')}` : ''}`;
  const file = fileURLToPath(new URL('RESULTS.md', import.meta.url));
  await writeSections(file, sections, command, new Date().toISOString().slice(0, 10));
  console.log(`\nwrote ${sections.length} section(s) to bench/RESULTS.md`);
}

await main();
