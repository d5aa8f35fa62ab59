// Prisma CLI configuration. Loaded ONLY by the `prisma` CLI process (never by the app,
// which builds its own PrismaClient + PrismaPg).
//
// Runs Prisma 6.19 fully offline: the Wasm schema engine bundled in the CLI talks to
// PostgreSQL through @prisma/adapter-pg, so no engine binary is downloaded. It also works
// around these adapter-pg 6.19 / CLI issues:
//   (a) adapter-pg cannot read the PostgreSQL types `name` / "char" (OIDs 19 / 18,
//       prisma/orm#27403) that the schema engine's catalog queries return;
//   (b) adapter-pg's own connectToShadowDb() keeps using the main database when the
//       adapter is built from a connection string, leaks a pool, and drops the shadow
//       database before closing its pool;
//   (c) after a successful command the CLI waits for the event loop to drain, and the
//       Wasm engine leaves 10 s timers behind (migrate deploy/dev lingered ~10 s);
//   (d) if schema.prisma cannot be read because DATABASE_URL is unset, the CLI falls back
//       to the "library" engine and tries to download it from binaries.prisma.sh.
import { defineConfig } from 'prisma/config'
import { PrismaPg } from '@prisma/adapter-pg'
import { Client, Pool, type PoolConfig } from 'pg'

// ---- CLI process environment ------------------------------------------------------------
// Telemetry: after each command the CLI forks a detached child that calls
// checkpoint.prisma.io (it does not delay the CLI, but it is network traffic). Off.
process.env.CHECKPOINT_DISABLE ??= '1'

// (d) generate / validate / format never connect, but still need env("DATABASE_URL") in
// schema.prisma to resolve; give them a placeholder. Commands that connect use the real
// value captured here and fail with a clear message when it is missing.
const DATABASE_URL = process.env.DATABASE_URL
if (!DATABASE_URL) process.env.DATABASE_URL = 'postgresql://unset@127.0.0.1:1/database_url_not_set'
function requireDatabaseUrl(): void {
  if (!DATABASE_URL) fail('DATABASE_URL must be set for Prisma commands that connect to the database')
}

/** The engine reports errors thrown by the adapter only as "External error id#N": print them. */
function fail(message: string): never {
  process.stderr.write(`prisma.config.ts: ${message}\n`)
  throw new Error(message)
}

// ---- (a) read `name` / "char" (and name[]) as text ---------------------------------------
const TEXT = 25
const TEXT_ARRAY = 1009
const NAME_ARRAY = 1003
const AS_TEXT: ReadonlyMap<number, number> = new Map([
  [18, TEXT], // "char"
  [19, TEXT], // name
  [NAME_ARRAY, TEXT_ARRAY], // name[]
])

type TypeParsers = { getTypeParser: (oid: number, format?: string) => unknown }
type AnyQuery = (...args: unknown[]) => unknown

function retypeFields<T>(result: T): T {
  for (const r of Array.isArray(result) ? result : [result]) {
    const fields = (r as { fields?: Array<{ dataTypeID: number }> } | undefined)?.fields
    if (!Array.isArray(fields)) continue
    for (const f of fields) {
      const mapped = AS_TEXT.get(f.dataTypeID)
      if (mapped !== undefined) f.dataTypeID = mapped
    }
  }
  return result
}

/** pg Client that reports name/"char" columns as text, so adapter-pg accepts them. */
class NameAsTextClient extends Client {
  // pg's query() has many overloads (promise, callback, Submittable); handle them all.
  override query(...args: any[]): any {
    const query = super.query.bind(this) as AnyQuery
    const first: unknown = args[0]
    if (first && typeof first === 'object') {
      if (typeof (first as { submit?: unknown }).submit === 'function') return query(...args)
      const types = (first as { types?: TypeParsers }).types
      if (types && typeof types.getTypeParser === 'function') {
        const inner = types.getTypeParser.bind(types) // parse name[] like text[]
        args[0] = {
          ...first,
          types: {
            getTypeParser: (oid: number, format?: string) => inner(oid === NAME_ARRAY ? TEXT_ARRAY : oid, format),
          },
        }
      }
    }
    const cbIndex = args.findIndex((a) => typeof a === 'function')
    if (cbIndex >= 0) {
      const cb = args[cbIndex] as (err: unknown, res: unknown) => void
      args[cbIndex] = (err: unknown, res: unknown) => cb(err, err ? res : retypeFields(res))
      return query(...args)
    }
    return (query(...args) as Promise<unknown>).then(retypeFields)
  }
}

// ---- (c) let the CLI exit as soon as the command has finished -----------------------------
// The Wasm schema engine implements timeouts as select!(operation, sleep) where sleep is a
// bare setTimeout() that is never cleared. Timers armed from inside the Wasm module are
// unref()'d: they still fire on time while the guarded operation keeps the process alive
// (it holds a DB socket), but they no longer keep the process alive on their own.
// Every other timer in the process is left exactly as it was.
const realSetTimeout = globalThis.setTimeout
function armedFromWasm(): boolean {
  const limit = Error.stackTraceLimit
  Error.stackTraceLimit = 4 // this wrapper <- wasm-bindgen glue <- wasm frames
  try {
    return new Error().stack?.includes('wasm://') ?? false
  } finally {
    Error.stackTraceLimit = limit
  }
}
globalThis.setTimeout = Object.assign(function setTimeout(this: unknown, ...args: unknown[]) {
  const timer = (realSetTimeout as (...a: unknown[]) => NodeJS.Timeout).apply(this, args)
  if (armedFromWasm()) timer.unref()
  return timer
}, realSetTimeout) as typeof globalThis.setTimeout

// ---- connection settings ---------------------------------------------------------------
function databaseName(url: string): string {
  const name = decodeURIComponent(new URL(url).pathname.slice(1))
  if (!name) fail('DATABASE_URL / SHADOW_DATABASE_URL must name a database')
  return name
}

/** SHADOW_DATABASE_URL, or DATABASE_URL with the database renamed to `<db>_shadow`. */
function shadowUrlFor(mainUrl: string): string {
  const explicit = process.env.SHADOW_DATABASE_URL
  if (explicit) return explicit
  const url = new URL(mainUrl)
  url.pathname = `/${encodeURIComponent(`${databaseName(mainUrl)}_shadow`)}`
  return url.toString()
}

function cliPool(connectionString: string): Pool {
  const config: PoolConfig = {
    connectionString,
    Client: NameAsTextClient,
    max: 4,
    allowExitOnIdle: true, // idle connections never keep the CLI process alive
  }
  return new Pool(config)
}

const quoteIdent = (id: string): string => `"${id.replace(/"/g, '""')}"`

// ---- (b) shadow database on an explicit, separate database --------------------------------
class CliPrismaPg extends PrismaPg {
  private readonly mainUrl: string
  private readonly shadowUrl: string

  constructor(mainUrl: string, shadowUrl: string) {
    super(cliPool(mainUrl), { disposeExternalPool: true })
    this.mainUrl = mainUrl
    this.shadowUrl = shadowUrl
  }

  override async connect() {
    requireDatabaseUrl()
    return super.connect()
  }

  /**
   * Recreates the shadow database empty (DROP ... WITH (FORCE) + CREATE; PostgreSQL >= 13)
   * over a connection to the main database (so both must be on the same server and the
   * role needs CREATEDB), then gives the engine a pool on it. The database is left in
   * place afterwards (like the classic shadowDatabaseUrl) and recreated on the next use.
   */
  override async connectToShadowDb() {
    requireDatabaseUrl()
    const shadowDb = databaseName(this.shadowUrl)
    if (shadowDb === databaseName(this.mainUrl)) {
      fail('the shadow database must not be the main database (check SHADOW_DATABASE_URL)')
    }
    const admin = new Client({ connectionString: this.mainUrl })
    await admin.connect()
    try {
      await admin.query(`DROP DATABASE IF EXISTS ${quoteIdent(shadowDb)} WITH (FORCE)`)
      await admin.query(`CREATE DATABASE ${quoteIdent(shadowDb)}`)
    } finally {
      await admin.end()
    }
    return new PrismaPg(cliPool(this.shadowUrl), { disposeExternalPool: true }).connect()
  }
}

export default defineConfig({
  schema: 'prisma/schema.prisma',
  engine: 'js',
  experimental: { adapter: true },
  async adapter() {
    const mainUrl = process.env.DATABASE_URL! // real value, or the placeholder from (d)
    return new CliPrismaPg(mainUrl, shadowUrlFor(mainUrl))
  },
})
