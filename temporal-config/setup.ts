import { Connection } from '@temporalio/client';
import { temporal } from '@temporalio/proto';
import { msToTs } from '@temporalio/common/lib/time';
import type { TemporalConnectionOptions } from '../lib/temporal-connection';
import declared from './temporal.json';

/** The declared Temporal setup of the platform (temporal-config/temporal.json). */
export interface TemporalSetup {
  namespaces: { name: string; retentionDays: number; description: string }[];
  searchAttributes: Record<string, 'Keyword' | 'Text' | 'Int' | 'Double' | 'Bool' | 'Datetime' | 'KeywordList'>;
}

/** The setup declared in temporal-config/temporal.json. */
export const TEMPORAL_SETUP = declared as TemporalSetup;

const SA_TYPES = temporal.api.enums.v1.IndexedValueType;
const SA_TYPE_BY_NAME: Record<TemporalSetup['searchAttributes'][string], temporal.api.enums.v1.IndexedValueType> = {
  Keyword: SA_TYPES.INDEXED_VALUE_TYPE_KEYWORD,
  Text: SA_TYPES.INDEXED_VALUE_TYPE_TEXT,
  Int: SA_TYPES.INDEXED_VALUE_TYPE_INT,
  Double: SA_TYPES.INDEXED_VALUE_TYPE_DOUBLE,
  Bool: SA_TYPES.INDEXED_VALUE_TYPE_BOOL,
  Datetime: SA_TYPES.INDEXED_VALUE_TYPE_DATETIME,
  KeywordList: SA_TYPES.INDEXED_VALUE_TYPE_KEYWORD_LIST,
};

/**
 * Makes a Temporal server (dev or production) match the declared setup: registers missing namespaces
 * and adds missing search attributes to each. Safe to run repeatedly.
 */
export async function applyTemporalSetup(
  target: string | TemporalConnectionOptions,
  setup: TemporalSetup,
  log: (line: string) => void = () => undefined,
): Promise<void> {
  // An address (dev server, tests) or the production options (TLS/mTLS, API key) of lib/temporal-connection.ts.
  const connection = await Connection.connect(typeof target === 'string' ? { address: target } : target);
  try {
    for (const ns of setup.namespaces) {
      try {
        await connection.workflowService.describeNamespace({ namespace: ns.name });
      } catch {
        log(`registering namespace ${ns.name}`);
        await connection.workflowService.registerNamespace({
          namespace: ns.name,
          description: ns.description,
          workflowExecutionRetentionPeriod: msToTs(`${ns.retentionDays} days`),
        });
      }
      await ensureSearchAttributes(connection, ns.name, setup.searchAttributes, log);
    }
  } finally {
    await connection.close();
  }
}

/** Adds the search attributes a namespace lacks (dev server, production server or test server). */
export async function ensureSearchAttributes(
  connection: Connection,
  namespace: string,
  searchAttributes: TemporalSetup['searchAttributes'],
  log: (line: string) => void = () => undefined,
): Promise<void> {
  const existing = await connection.operatorService.listSearchAttributes({ namespace });
  const missing = Object.entries(searchAttributes).filter(([name]) => !(name in (existing.customAttributes ?? {})));
  if (missing.length === 0) return;
  log(`adding search attributes ${missing.map(([n]) => n).join(', ')} to ${namespace}`);
  await connection.operatorService.addSearchAttributes({
    namespace,
    searchAttributes: searchAttributeTypes(Object.fromEntries(missing)),
  });
}

/** Search attribute declarations in the shape the operator service takes. */
export function searchAttributeTypes(declared: TemporalSetup['searchAttributes']): Record<string, temporal.api.enums.v1.IndexedValueType> {
  return Object.fromEntries(Object.entries(declared).map(([name, type]) => [name, SA_TYPE_BY_NAME[type]]));
}
