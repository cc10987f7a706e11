import { readFile, writeFile } from 'node:fs/promises';

/** One benchmark's section of bench/RESULTS.md. */
export interface BenchSection {
  /** Heading, also the key: a later run replaces the section of the same title. */
  title: string;
  /** Markdown body: what was measured, the numbers, the targets. */
  body: string;
}

/** Replace (or append) each section in the results file, stamped with the command and the date. */
export async function writeSections(file: string, sections: readonly BenchSection[], command: string, date: string): Promise<void> {
  let text = await readFile(file, 'utf8').catch(() => '# Benchmark results\n');
  for (const section of sections) {
    const block = `## ${section.title}\n\n\`${command}\` — ${date}\n\n${section.body.trim()}\n`;
    const start = text.indexOf(`## ${section.title}\n`);
    if (start === -1) {
      text = `${text.trimEnd()}\n\n${block}`;
    } else {
      const next = text.indexOf('\n## ', start + 1);
      text = `${text.slice(0, start)}${block}${next === -1 ? '' : text.slice(next)}`;
    }
  }
  await writeFile(file, text.endsWith('\n') ? text : `${text}\n`);
}
