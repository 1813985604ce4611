import type postgres from 'postgres';

/**
 * Rows of a query one batch at a time through a server-side cursor (DECLARE / FETCH), so a table
 * of millions of rows is read in bounded memory. Several cursors can be open at once in the one
 * transaction, which keeps every read in the same snapshot, and other queries can run between fetches.
 * https://www.postgresql.org/docs/current/sql-declare.html
 */
export class ChainCursor<T> {
  private batch: T[] = [];
  private index = 0;
  private done = false;

  private constructor(
    private readonly sql: postgres.TransactionSql,
    private readonly name: string,
    private readonly batchSize: number,
    private readonly onBatch: () => void,
  ) {}

  static async open<T>(sql: postgres.TransactionSql, name: string, query: string, options: { batchSize: number; onBatch?: () => void }): Promise<ChainCursor<T>> {
    await sql.unsafe(`declare ${name} no scroll cursor for ${query}`);
    return new ChainCursor<T>(sql, name, options.batchSize, options.onBatch ?? (() => {}));
  }

  /** The current row without consuming it; undefined at the end. */
  async peek(): Promise<T | undefined> {
    if (this.index < this.batch.length) return this.batch[this.index];
    if (this.done) return undefined;
    this.onBatch();
    this.batch = (await this.sql.unsafe(`fetch ${this.batchSize} from ${this.name}`)) as unknown as T[];
    this.index = 0;
    if (this.batch.length < this.batchSize) this.done = true;
    return this.batch[0];
  }

  async next(): Promise<T | undefined> {
    const row = await this.peek();
    if (row !== undefined) this.index++;
    return row;
  }

  async close(): Promise<void> {
    this.batch = [];
    this.done = true;
    await this.sql.unsafe(`close ${this.name}`);
  }
}
