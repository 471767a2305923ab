/** The value of one series in Prometheus text, e.g. value(text, 'kb_questions_total{outcome="answered",source="dm"}'). */
export function value(text: string, series: string): number | undefined {
  const line = text.split('\n').find((l) => l.startsWith(series + ' '));
  return line === undefined ? undefined : Number(line.slice(series.length + 1));
}
