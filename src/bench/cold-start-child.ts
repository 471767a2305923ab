/**
 * Run in a fresh process by the benchmark: `node --import tsx cold-start-child.ts <kb dir> [question]`.
 * Without a question it asks the first curated question of the first fact the engine serves.
 * Imports the engine, opens the knowledge base, answers one question and prints, as one JSON line,
 * the time since the process started (performance.now() counts from performance.timeOrigin).
 */
const atStart = performance.now();
const [dir, asked] = process.argv.slice(2);
try {
  const { openEngine } = await import('../knowledge/open.ts');
  const imported = performance.now();
  const engine = openEngine(dir);
  const opened = performance.now();
  const question = asked || (engine.facts[0]?.questions[0] ?? 'What is this about?');
  const answer = engine.answer(question);
  const answeredAt = performance.now();
  process.stdout.write(
    JSON.stringify({
      sinceProcessStartMs: answeredAt,
      beforeScriptMs: atStart,
      importMs: imported - atStart,
      openMs: opened - imported,
      answerMs: answeredAt - opened,
      status: answer.status,
      timeOrigin: performance.timeOrigin,
    }) + '\n',
  );
} catch (err) {
  process.stdout.write(JSON.stringify({ error: err instanceof Error ? err.message : String(err) }) + '\n');
  process.exitCode = 1;
}
