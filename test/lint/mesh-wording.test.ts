import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

// src/mesh speaks plain English: Slack mentions (<@U…>) and /mesh commands are the bot's wording of
// the mesh's typed refusals (src/bot/refusal-wordings.ts). A lint rule says so at edit time
// (test/lint/layer-rules.test.ts); this scan checks every string of src/mesh as the compiler reads it.

const ROOT = new URL('../..', import.meta.url).pathname;
const SLACK_SYNTAX = /<[@#!]|\/mesh(\s|$)/;

/** Every `.ts` file under `dir`. */
function tsFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    return entry.isDirectory() ? tsFiles(path) : entry.name.endsWith('.ts') ? [path] : [];
  });
}

/** The string and template texts of a file that carry Slack syntax, as `file:line: text` (module specifiers aside). */
function slackStrings(file: string): string[] {
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
  const found: string[] = [];
  const visit = (node: ts.Node): void => {
    const isModuleName = (ts.isImportDeclaration(node.parent) || ts.isExportDeclaration(node.parent)) && ts.isStringLiteral(node);
    if ((ts.isStringLiteralLike(node) || ts.isTemplateLiteralToken(node)) && !isModuleName && SLACK_SYNTAX.test(node.text)) {
      found.push(`${relative(ROOT, file)}:${String(source.getLineAndCharacterOfPosition(node.getStart()).line + 1)}: ${node.text}`);
    }
    ts.forEachChild(node, visit);
  };
  ts.forEachChild(source, visit);
  return found;
}

describe('the words of src/mesh', () => {
  it('hold no Slack mention or /mesh command in any string', () => {
    expect(tsFiles(join(ROOT, 'src/mesh')).flatMap(slackStrings)).toEqual([]);
  });

  it('are scanned by a scan that finds the bot’s Slack wording', () => {
    const found = slackStrings(join(ROOT, 'src/bot/refusal-wordings.ts'));
    expect(found).toContainEqual(expect.stringContaining('/mesh admin map @you <account> consumer'));
    expect(found).toContainEqual(expect.stringMatching(/: <@$/));
  });
});
