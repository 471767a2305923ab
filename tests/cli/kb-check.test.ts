import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { kbCheckMain, runKbCheck } from '../../src/cli/kb-check.ts';
import { DEFAULT_KNOWLEDGE_DIR } from '../../src/knowledge/open.ts';
import { ARTICLE_TEXT, FACTS_YAML, writeKbDir } from '../helpers/kb-dir.ts';

function check(dir: string) {
  const lines: string[] = [];
  const code = runKbCheck(dir, false, (l) => lines.push(l));
  return { code, out: lines.join('\n') };
}

describe('kb:check', () => {
  it('passes on the project knowledge base', () => {
    const r = check(DEFAULT_KNOWLEDGE_DIR);
    expect(r.out, r.out).toMatch(/✓ knowledge base OK/);
    expect(r.code).toBe(0);
  });

  it('covers every statement of every article in the project knowledge base', () => {
    const lines: string[] = [];
    runKbCheck(DEFAULT_KNOWLEDGE_DIR, true, (l) => lines.push(l));
    const { coverage } = JSON.parse(lines[0] as string) as {
      coverage: { articleId: string; uncovered: string[] }[];
    };
    expect(coverage.filter((c) => c.uncovered.length > 0)).toEqual([]);
  });

  it('fails on a broken quote, naming the file, the fact id and the field', () => {
    const broken = FACTS_YAML.replace('quote: Jane Doe is the head', 'quote: Jane Doe is the boss');
    const r = check(writeKbDir({ 'facts/widgets.yaml': broken }));
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/facts\/widgets\.yaml: fact jane-doe: field quote: not found verbatim/);
  });

  it('prints the sentences no fact quotes', () => {
    const r = check(writeKbDir());
    expect(r.out).toMatch(/widgets: 2\/3 sentences/);
    expect(r.out).toContain('not quoted: "The council meets every spring in the capital city."');
  });

  it("prints control characters in an article's text as visible escapes", () => {
    const text = ARTICLE_TEXT.replace('The council meets', '\u001b]0;owned\u0007\u001b[2JThe council meets');
    const r = check(writeKbDir({ 'articles/widgets.txt': text }));
    expect(r.out).toContain('not quoted: "\\x1b]0;owned\\x07\\x1b[2JThe council meets');
    // eslint-disable-next-line no-control-regex -- looking for control characters is the point
    expect(r.out).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/);
  });

  it('answers an unknown option with the usage and exit 2, reading nothing', () => {
    const out: string[] = [];
    const err: string[] = [];
    expect(
      kbCheckMain(
        ['--help'],
        (l) => out.push(l),
        (l) => err.push(l),
      ),
    ).toBe(2);
    expect(out).toEqual([]);
    expect(err.join('\n')).toMatch(/Unknown option '--help'\nUsage: npm run kb:check/);
  });

  it('exits non-zero as a command when the knowledge base is broken', () => {
    const dir = writeKbDir({ 'facts/widgets.yaml': FACTS_YAML.replace('article: widgets', 'article: nope') });
    const r = spawnSync(process.execPath, ['scripts/run.mjs', 'kb-check', '--dir', dir], {
      encoding: 'utf8',
    });
    expect(r.status).toBe(1);
    expect(r.stdout).toMatch(/unknown article "nope"/);
  });
});
