import { describe, expect, it } from 'vitest';
import { reloadMessage, shardsReloadMessage } from '../../commands/reload.ts';
import type { ShardAnswer } from '../../src/discord/shards.ts';
import type { ReloadResult } from '../../src/knowledge/reloader.ts';

const OK: ReloadResult = { ok: true, articles: 5, facts: 85, drafts: 0, ms: 12.5 };
const BROKEN: ReloadResult = {
  ok: false,
  problems: [{ file: 'facts/armenia-mou.yaml', factId: 'broken-fact', field: 'answer', message: 'Required' }],
  ms: 3,
};

describe('the /reload reply under sharding', () => {
  it('says every shard reloaded, one line a shard', () => {
    const text = shardsReloadMessage([
      { shard: 0, ok: true, value: OK },
      { shard: 1, ok: true, value: { ...OK, ms: 14 } },
    ]);
    expect(text).toBe(
      [
        '✅ Knowledge base reloaded on all 2 shard(s).',
        '• Shard 0: ✅ 5 article(s), 85 fact(s), in 12.5 ms',
        '• Shard 1: ✅ 5 article(s), 85 fact(s), in 14 ms',
      ].join('\n'),
    );
  });

  it('names the shards that failed or did not answer, and lists each problem once', () => {
    const answers: ShardAnswer<ReloadResult | null>[] = [
      { shard: 0, ok: true, value: BROKEN },
      { shard: 1, ok: true, value: BROKEN },
      { shard: 2, ok: false, error: 'shard 2: no answer within 10000 ms' },
      { shard: 3, ok: true, value: OK },
    ];
    const lines = shardsReloadMessage(answers).split('\n');
    expect(lines[0]).toBe(
      '❌ Knowledge base reloaded on 1 of 4 shard(s); the others still serve their last good one.',
    );
    expect(lines[1]).toBe('• Shard 0: ❌ 1 problem(s); still serving its last good knowledge base');
    expect(lines[3]).toBe(
      '• Shard 2: ⚠️ no answer (shard 2: no answer within 10000 ms); it reloads at its next start',
    );
    expect(lines[4]).toBe('• Shard 3: ✅ 5 article(s), 85 fact(s), in 12.5 ms');
    expect(lines.filter((l) => l.includes('broken-fact'))).toHaveLength(1);
  });

  it('keeps the unsharded reply as it was', () => {
    expect(reloadMessage(OK)).toBe('✅ Knowledge base reloaded: 5 article(s), 85 fact(s), in 12.5 ms.');
  });
});
