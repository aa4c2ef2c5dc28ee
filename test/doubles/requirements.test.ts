/**
 * The double's requirement table (REQUIRES) is not kept by hand: it must equal what
 * @types/office-js says, in its "[Api set: ExcelApi x.y]" notes, for every Excel member
 * src/workbook/office/ uses — property reads and writes, method calls, and the fields of option
 * objects (WorksheetProtectionOptions, DataValidationRule…). Enum values are left out: they are
 * strings in office.js, the member that takes them carries the requirement. PRINT_REQUIRES=1
 * prints the derived table in the form REQUIRES takes.
 */
import { readdirSync } from 'fs';
import { join } from 'path';
import ts from 'typescript';
import { REQUIRES } from './excel-recording-double';

const ROOT = join(__dirname, '..', '..');
const OFFICE_DIR = join(ROOT, 'src', 'workbook', 'office');
const TYPINGS = join('@types', 'office-js', 'index.d.ts');

/**
 * The highest ExcelApi version in a declaration's doc comment, its parameters' notes included
 * ("1.2 for options; 1.7 for password" → 1.7; getUsedRange 1.1 with valuesOnly 1.2 → 1.2).
 */
function apiSet(declaration: ts.Node): string | null {
  const text = declaration.getFullText().slice(0, declaration.getLeadingTriviaWidth());
  const notes = [...text.matchAll(/\[Api set: ExcelApi ([^\]]+)\]/g)];
  if (notes.length === 0) return null;
  const versions = notes.flatMap((note) => [...note[1].matchAll(/\b(\d+)\.(\d+)\b/g)]).map((m) => [Number(m[1]), Number(m[2])] as const);
  versions.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const [major, minor] = versions[versions.length - 1];
  return `${major}.${minor}`;
}

/** "Worksheet" for a member declared in `namespace Excel { class Worksheet … }` of the typings. */
function excelOwner(declaration: ts.Declaration): string | null {
  if (!declaration.getSourceFile().fileName.replace(/\\/g, '/').endsWith(TYPINGS.replace(/\\/g, '/'))) return null;
  const owner = declaration.parent;
  if (!ts.isClassDeclaration(owner) && !ts.isInterfaceDeclaration(owner)) return null;
  const block = owner.parent;
  const namespace = ts.isModuleBlock(block) ? block.parent : null;
  if (!namespace || !ts.isModuleDeclaration(namespace) || namespace.name.getText() !== 'Excel') return null;
  return owner.name?.text ?? null;
}

export function usedRequirements(): { requires: Record<string, string>; used: Set<string> } {
  const files = readdirSync(OFFICE_DIR)
    .filter((f) => f.endsWith('.ts'))
    .map((f) => join(OFFICE_DIR, f));
  const config = ts.getParsedCommandLineOfConfigFile(join(ROOT, 'tsconfig.json'), {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => undefined })!;
  const program = ts.createProgram(files, { ...config.options, noEmit: true });
  const checker = program.getTypeChecker();
  const requires: Record<string, string> = {};
  const used = new Set<string>();
  const note = (symbol: ts.Symbol | undefined, name: string, declaration?: ts.Declaration) => {
    const decl = declaration ?? symbol?.declarations?.[0];
    const owner = decl && excelOwner(decl);
    if (!decl || !owner) return;
    const key = `${owner}.${name}`;
    used.add(key);
    const version = apiSet(decl);
    if (version && version !== '1.1') requires[key] = version;
  };
  for (const file of files) {
    const source = program.getSourceFile(file)!;
    const visit = (node: ts.Node): void => {
      if (ts.isPropertyAccessExpression(node)) {
        const call = ts.isCallExpression(node.parent) && node.parent.expression === node ? node.parent : null;
        const declaration = call ? (checker.getResolvedSignature(call)?.declaration as ts.Declaration | undefined) : undefined;
        note(checker.getSymbolAtLocation(node.name), node.name.text, declaration && ts.isMethodDeclaration(declaration) ? declaration : undefined);
      }
      if (ts.isObjectLiteralExpression(node)) {
        const type = checker.getContextualType(node);
        for (const property of node.properties) {
          const name = property.name && ts.isIdentifier(property.name) ? property.name.text : null;
          if (type && name) note(type.getProperty(name) ?? checker.getApparentType(type).getProperty(name), name);
        }
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return { requires, used };
}

describe('the Excel double\'s requirement table', () => {
  const { requires, used } = usedRequirements();

  it('finds the members the renderer, reader and port use', () => {
    for (const member of ['Worksheet.visibility', 'NamedItem.delete', 'WorksheetProtection.protect', 'WorksheetProtectionOptions.selectionMode', 'Range.formulas', 'WorksheetCollection.onChanged']) {
      expect([member, used.has(member)]).toEqual([member, true]);
    }
    expect(used.size).toBeGreaterThan(60);
  });

  it('reads the notes as the typings give them', () => {
    expect(requires['WorksheetProtection.protect']).toBe('1.7'); // "1.2 for options; 1.7 for password"
    expect(requires['Worksheet.visibility']).toBe('1.2'); // "1.1 for reading visibility; 1.2 for setting it"
    expect(requires['Range.formulas']).toBeUndefined(); // 1.1
  });

  it('equals the table the double enforces', () => {
    if (process.env.PRINT_REQUIRES) console.log(Object.entries(requires).sort().map(([k, v]) => `  '${k}': '${v}',`).join('\n'));
    expect(Object.fromEntries(Object.entries(REQUIRES).sort())).toEqual(Object.fromEntries(Object.entries(requires).sort()));
  });
});
