import { spawn, spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { writeKbDir } from '../helpers/kb-dir.ts';

const kbDir = writeKbDir();

/** Any C0 control but line feed, DEL or C1 control: what a terminal would obey. */
// eslint-disable-next-line no-control-regex -- looking for control characters is the point
const RAW_CONTROL = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/;

function ask(args: string[], input?: string, dir = kbDir) {
  const r = spawnSync(process.execPath, ['scripts/run.mjs', 'ask', ...args], {
    input,
    encoding: 'utf8',
    env: { ...process.env, KNOWLEDGE_DIR: dir },
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

  it('adds the trace with --explain: what it read, the candidates and their checks, the decision', () => {
    const out = JSON.parse(ask(['--json', '--explain', 'Who is Jane Doe?']).stdout);
    expect(out.trace.query.words).toContain('jane');
    expect(out.trace.candidates[0]).toMatchObject({ factId: 'jane-doe' });
    expect(out.trace.candidates[0].checks.map((c: { check: string }) => c.check)).toContain('answer-type');
    expect(out.trace.decision).toMatchObject({ action: 'answer' });
    expect(JSON.parse(ask(['--json', 'Who is Jane Doe?']).stdout).trace).toBeUndefined();
  });

  it('refuses --explain without --json, with the usage', () => {
    const r = ask(['--explain', 'Who is Jane Doe?']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--explain goes with --json/);
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

  it('splits standard input on LF and CRLF only: a lone CR stays inside its question', () => {
    const r = ask(['--json', '-'], 'Who is Jane Doe?\r\nhow many\rwidget factories\n');
    const queries = r.stdout
      .trim()
      .split('\n')
      .map((l) => (JSON.parse(l) as { query: string }).query);
    expect(queries).toEqual(['Who is Jane Doe?', 'how many\rwidget factories']);
  });

  it('exits quietly with code 0 when the reader of its output goes away (… | head -1)', async () => {
    const child = spawn(process.execPath, ['scripts/run.mjs', 'ask', '--json', '-'], {
      env: { ...process.env, KNOWLEDGE_DIR: kbDir },
    });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.stdin.on('error', () => undefined); // it may stop reading before the end
    // Far more output than a pipe buffers, so the writes go on after the reader has gone.
    child.stdin.end('Who is Jane Doe?\n'.repeat(2000));
    const first = await new Promise<string>((resolve) => {
      let out = '';
      child.stdout.on('data', (d: Buffer) => {
        out += d.toString();
        if (out.includes('\n')) {
          child.stdout.destroy(); // what head does after its first line
          resolve(out.slice(0, out.indexOf('\n')));
        }
      });
    });
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(JSON.parse(first)).toMatchObject({ query: 'Who is Jane Doe?', status: 'answered' });
    expect(stderr).toBe('');
    expect(code).toBe(0);
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

  it('prints control characters from the knowledge base as visible escapes, in text and JSON', () => {
    const dir = writeKbDir({
      'articles/widgets.yaml': `id: widgets
source: widgets.txt
title: "Widgetland\\e]0;owned\\a in\\x9b2J numbers"
titleIsHeadline: true
date: 2021-05-01
dateNote: Dated 1 May 2021.
outlet: Widget Times
credits: [WNA]
dateline: WIDGETVILLE
`,
    });
    const text = ask(['Who is Jane Doe?'], undefined, dir);
    expect(text.stderr).toBe('');
    expect(text.stdout).toContain('Widgetland\\x1b]0;owned\\x07 in\\x9b2J numbers');
    expect(text.stdout).not.toMatch(RAW_CONTROL);
    const json = ask(['--json', 'Who is Jane Doe?'], undefined, dir);
    expect(json.stdout).not.toMatch(RAW_CONTROL);
    expect(JSON.parse(json.stdout).citations[0].title).toBe(
      'Widgetland\u001b]0;owned\u0007 in\u009b2J numbers',
    );
  });

  it('exits 2 with usage when no question is given', () => {
    const r = ask([]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/Usage: npm run ask/);
  });
});
