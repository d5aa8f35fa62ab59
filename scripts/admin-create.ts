import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { config } from '../lib/config';
import { isDomainError } from '../lib/errors';
import { createPrisma } from '../lib/prisma';
import { createAdmin } from '../services/identity/create-admin';

/**
 * `npm run admin:create -- --email <email> [--name <name>] [--force]`: creates the first admin account
 * (or promotes the account with that email). The password is read from stdin when it is piped
 * (`printf '%s\n' "$PASSWORD" | npm run -s admin:create -- --email …`), else prompted for twice without
 * echo. Refuses when an admin exists unless --force. Progress goes to stderr; exit 0 on success.
 */
async function readPassword(): Promise<string> {
  if (!process.stdin.isTTY) {
    const chunks: Buffer[] = [];
    for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
    // The first line: a trailing newline from echo/printf is not part of the password.
    return (Buffer.concat(chunks).toString('utf8').split(/\r?\n/)[0] ?? '').normalize('NFC');
  }
  const ask = (question: string) =>
    new Promise<string>((resolve) => {
      const rl = createInterface({ input: process.stdin, output: process.stderr, terminal: true });
      // Mute the echo of what is typed (readline writes each keystroke through _writeToOutput).
      const muted = rl as unknown as { _writeToOutput: (s: string) => void };
      process.stderr.write(question);
      muted._writeToOutput = () => undefined;
      rl.question('', (answer) => {
        rl.close();
        process.stderr.write('\n');
        resolve(answer.normalize('NFC'));
      });
    });
  const first = await ask('Password: ');
  const second = await ask('Password (again): ');
  if (first !== second) throw new Error('The passwords differ');
  return first;
}

async function main(): Promise<number> {
  const { values } = parseArgs({ options: { email: { type: 'string' }, name: { type: 'string' }, force: { type: 'boolean', default: false } }, allowPositionals: false });
  if (!values.email) {
    console.error('usage: npm run admin:create -- --email <email> [--name <name>] [--force]  (password on stdin or prompted)');
    return 2;
  }
  const cfg = config();
  const password = await readPassword();
  const progress = (line: string) => console.error(line);
  progress('Connecting to the database…');
  const prisma = createPrisma(cfg.DATABASE_URL);
  try {
    const admin = await createAdmin(prisma, { email: values.email, ...(values.name ? { name: values.name } : {}), password, force: values.force ?? false, progress });
    progress(admin.created ? `Created admin ${admin.email} (id ${admin.id}).` : `Promoted ${admin.email} (id ${admin.id}) to admin; its sessions were ended.`);
    console.log(admin.id);
    return 0;
  } catch (err) {
    if (isDomainError(err)) {
      console.error(`admin:create: ${err.message}${err.code === 'VALIDATION_FAILED' && err.details ? ` ${JSON.stringify(err.details)}` : ''}`);
      return err.code === 'CONFLICT' ? 3 : 1;
    }
    throw err;
  } finally {
    await prisma.$disconnect();
  }
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(`admin:create failed: ${err instanceof Error ? err.message : String(err)}`);
    process.exit(1);
  },
);
