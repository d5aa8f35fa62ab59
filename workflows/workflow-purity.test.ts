import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

/**
 * Workflow code runs in Temporal's deterministic sandbox and is replayed from history: it may import
 * only @temporalio/workflow and @temporalio/common, other workflow files, pure lib modules, and
 * activity *types*. This test is the boundary check that keeps it so.
 */
const WORKFLOWS_DIR = __dirname;
const ALLOWED_PACKAGES = ['@temporalio/workflow', '@temporalio/common'];
const ALLOWED_LIB = ['../lib/errors'];

function importsOf(file: string): { specifier: string; typeOnly: boolean }[] {
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.ES2022, true);
  return source.statements
    .filter((s): s is ts.ImportDeclaration | ts.ExportDeclaration => (ts.isImportDeclaration(s) || ts.isExportDeclaration(s)) && s.moduleSpecifier !== undefined)
    .map((s) => ({
      specifier: (s.moduleSpecifier as ts.StringLiteral).text,
      typeOnly: ts.isImportDeclaration(s) ? Boolean(s.importClause?.isTypeOnly) : s.isTypeOnly,
    }));
}

const workflowFiles = readdirSync(WORKFLOWS_DIR).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'));

describe('workflow purity', () => {
  it('finds the workflow files', () => {
    expect(workflowFiles).toEqual(expect.arrayContaining(['checkout.workflow.ts', 'refund.workflow.ts', 'index.ts']));
  });

  it.each(workflowFiles)('%s imports nothing with side effects or I/O', (file) => {
    const offending = importsOf(path.join(WORKFLOWS_DIR, file)).filter(({ specifier, typeOnly }) => {
      if (typeOnly) return false;
      if (ALLOWED_PACKAGES.includes(specifier)) return false;
      if (specifier.startsWith('./')) return false;
      return !ALLOWED_LIB.includes(specifier);
    });
    expect(offending).toEqual([]);
  });

  it('would catch a forbidden import', () => {
    const tmp = path.join(require('node:os').tmpdir(), `purity-${process.pid}.ts`);
    require('node:fs').writeFileSync(tmp, "import { readFileSync } from 'node:fs';\nimport type { Activities } from '../activities';\n");
    expect(importsOf(tmp)).toEqual([
      { specifier: 'node:fs', typeOnly: false },
      { specifier: '../activities', typeOnly: true },
    ]);
  });
});
