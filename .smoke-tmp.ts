import { initSqlParser, classifySql } from './lib/sql/classify-sql';
await initSqlParser();
for (const q of process.argv.slice(2)) {
  const r = classifySql(q);
  if (!r.ok) { console.log(JSON.stringify(q), 'ERR', r.error); continue; }
  console.log(JSON.stringify(q), r.fingerprint);
  for (const s of r.statements) console.log('   ', s.kind, '|', s.command, '|', JSON.stringify(s.text), s.tables.join(','), '|', s.functions.join(','), '|', s.flags.join(','));
}
