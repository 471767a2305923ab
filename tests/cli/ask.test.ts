import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { writeKbDir } from '../helpers/kb-dir.ts';

const kbDir = writeKbDir();

function ask(args: string[], input?: string) {
  const r = spawnSync(process.execPath, ['scripts/run.mjs', 'ask', ...args], {
    input,
    encoding: 'utf8',
    env: { ...process.env, KNOWLEDGE_DIR: kbDir },
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('ask', () => {
  it('prints the answer and its citation for one question', () => {
    const r = ask(['Who is Jane Doe?']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Jane Doe is the head of the Widget Council.');
    expect(r.stdout).toMatch(/Widgetland in numbers.*Widget Times, 1 May 2021/);
  });

  it('prints one JSON object with the documented fields', () => {
    const r = ask(['--json', 'Who is Jane Doe?']);
    const out = JSON.parse(r.stdout);
    expect(out).toMatchObject({
      query: 'Who is Jane Doe?',
      status: 'answered',
      factIds: ['jane-doe'],
      suggestions: [],
      citations: [
        {
          articleId: 'widgets',
          title: 'Widgetland in numbers',
          outlet: 'Widget Times',
          date: '2021-05-01',
          quote: 'Jane Doe is the head of the Widget Council.',
        },
      ],
    });
    expect(typeof out.score).toBe('number');
  });

  it('answers one question a line from standard input, in order, one JSON object a line', () => {
    const r = ask(
      ['--json', '-'],
      'Who is Jane Doe?\nWhat is the weather in Paris?\n\nhow many widget factories\n',
    );
    const lines = r.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines.map((l) => l.query)).toEqual([
      'Who is Jane Doe?',
      'What is the weather in Paris?',
      '',
      'how many widget factories',
    ]);
    expect(lines.map((l) => l.status)).toEqual(['answered', 'no_match', 'no_match', 'answered']);
    expect(lines[2].problem).toBe('empty');
  });

  it('gives a clear message, not a stack trace, for a question that is too long', () => {
    const r = ask(['x'.repeat(600)]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/too long \(600 characters; the limit is 500\)/);
    expect(r.stderr).not.toMatch(/at .*\.ts:\d+/);
  });

  it('handles control characters and emoji without crashing', () => {
    const r = ask(['--json', '\u0007\u001b[31m 🙂🙂']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).status).toBe('no_match');
  });

  it('exits 2 with usage when no question is given', () => {
    const r = ask([]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/Usage: npm run ask/);
  });
});
