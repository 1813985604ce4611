import { initSqlParser, classifySql } from './lib/sql/classify-sql';
await initSqlParser();
const time = (label: string, sql: string) => {
  const s = performance.now();
  const r = classifySql(sql);
  console.log(label, sql.length, (performance.now() - s).toFixed(1), 'ms', r.ok ? `ok ${r.statements.length} ${r.flags}` : `ERR ${r.error.slice(0, 80)}`);
};
const rows = Array.from({ length: 20000 }, (_, i) => `(${i}, 'name ${i}', ${i * 3.5})`).join(',');
time('insert ~1MiB-', `INSERT INTO t (a,b,c) VALUES ${rows}`.slice(0, 1_000_000).replace(/,[^,]*$/, ''));
time('many stmts', Array.from({ length: 20000 }, (_, i) => `select ${i} from t`).join(';'));
for (const n of [1000, 10000, 100000]) time(`parens ${n}`, 'select ' + '('.repeat(n) + '1' + ')'.repeat(n));
for (const n of [1000, 10000]) time(`subq ${n}`, 'select * from ' + '(select * from '.repeat(n) + 't' + ') x'.repeat(n));
for (const n of [1000, 5000, 50000]) time(`where ${n}`, 'delete from t where ' + 'not '.repeat(n) + 'true');
for (const n of [1000, 20000]) time(`ands ${n}`, 'delete from t where ' + Array.from({ length: n }, (_, i) => `a = ${i}`).join(' or '));
const s = performance.now(); for (let i = 0; i < 10000; i++) classifySql(`select * from payments p join customers c on c.id = p.cid where p.id = ${i}`); console.log('10k short uncached', (performance.now() - s).toFixed(0), 'ms');
