import { Client } from 'pg';
import { migrateDatabase } from '../../scripts/stack';

/** A database of its own, migrated, for a test whose writes must not meet any other test's data. */
export interface ScratchDatabase {
  url: string;
  drop(): Promise<void>;
}

/**
 * Creates (after dropping a leftover of the same name) and migrates the database `name` on the
 * server of `baseUrl`, e.g. the fuzzer's, whose generated staff writes (delivery zones claiming
 * postal prefixes, stock of example SKUs) would otherwise change what other integration tests read.
 */
export async function createScratchDatabase(baseUrl: string, name: string): Promise<ScratchDatabase> {
  if (!/^[a-z][a-z0-9_]{0,62}$/.test(name)) throw new Error(`not a plain database name: ${name}`);
  const admin = async (sql: string): Promise<void> => {
    const client = new Client({ connectionString: baseUrl });
    await client.connect();
    try {
      await client.query(sql);
    } finally {
      await client.end();
    }
  };
  await admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await admin(`CREATE DATABASE ${name}`);
  const url = new URL(baseUrl);
  url.pathname = `/${name}`;
  await migrateDatabase(url.toString());
  return { url: url.toString(), drop: () => admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`) };
}
