import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { consoleReply, runConsoleChat } from '../../src/cli/console-chat.ts';
import { Engine } from '../../src/engine/engine.ts';
import { miniKb } from '../helpers/mini-kb.ts';

const engine = new Engine(miniKb());

describe('console chat', () => {
  it('answers a question with its citation', () => {
    expect(consoleReply(engine, 'Who is Jane Doe?')).toMatch(/head of the Widget Council[\s\S]*Widget Times/);
  });

  it('shows help and ends on quit', () => {
    expect(consoleReply(engine, 'help')).toMatch(/quit/);
    expect(consoleReply(engine, 'quit')).toBeNull();
    expect(consoleReply(engine, 'EXIT')).toBeNull();
  });

  it('prints control characters from the knowledge base as visible escapes', () => {
    const kb = miniKb();
    const article = kb.articles[0]!;
    article.title = 'Widgetland\u001b]0;owned\u0007\u001b[2J in numbers';
    const reply = consoleReply(new Engine(kb), 'sources') ?? '';
    expect(reply).toContain('Widgetland\\x1b]0;owned\\x07\\x1b[2J in numbers');
    // eslint-disable-next-line no-control-regex -- looking for control characters is the point
    expect(reply).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/);
  });

  it('runs a session over streams until the input ends', async () => {
    const input = new PassThrough();
    const output = new PassThrough();
    let text = '';
    output.on('data', (d: Buffer) => (text += d.toString()));
    const done = runConsoleChat(engine, input, output);
    input.end('Who is Jane Doe?\nWhat is the capital of France?\n');
    await done;
    expect(text).toContain('Jane Doe is the head of the Widget Council.');
    expect(text).toMatch(/does not (cover|answer) that/);
    expect(text).toContain('Bye.');
  });
});
