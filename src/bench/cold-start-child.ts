/**
 * Run in a fresh process by the benchmark:
 * `node scripts/run.mjs cold-start-child <kb dir> [question] [snapshot|files]`
 * (or under tsx). Without a question it asks the first curated question of the first fact served.
 * Opens the engine the way `npm start` does (openEngineCached: from the knowledge snapshot when it
 * is current), or with `files` from a full load and validation of the files, as after an edit.
 * Prints, as one JSON line, the time since the process started (performance.now() counts from
 * performance.timeOrigin) and where the knowledge base came from.
 */
const atStart = performance.now();
const [dir, asked, mode = 'snapshot'] = process.argv.slice(2);
try {
  const { loadKnowledgeBaseCached } = await import('../knowledge/snapshot.ts');
  const { buildEngine } = await import('../knowledge/build.ts');
  const imported = performance.now();
  const { kb, from } = await loadKnowledgeBaseCached(dir, mode === 'files' ? { dir: false } : {});
  const loaded = performance.now();
  const engine = buildEngine(kb);
  const opened = performance.now();
  const question = asked || (engine.facts[0]?.questions[0] ?? 'What is this about?');
  const answer = engine.answer(question);
  const answeredAt = performance.now();
  process.stdout.write(
    JSON.stringify({
      sinceProcessStartMs: answeredAt,
      beforeScriptMs: atStart,
      importMs: imported - atStart,
      loadMs: loaded - imported,
      buildMs: opened - loaded,
      openMs: opened - imported,
      answerMs: answeredAt - opened,
      from,
      status: answer.status,
      timeOrigin: performance.timeOrigin,
    }) + '\n',
  );
} catch (err) {
  process.stdout.write(JSON.stringify({ error: err instanceof Error ? err.message : String(err) }) + '\n');
  process.exitCode = 1;
}
