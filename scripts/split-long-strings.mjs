// Splits string and template literals on lines over 140 characters into 'first part ' + 'rest', at spaces,
// so Prettier can lay them out over several lines. The value is the same text; literals whose type or
// position needs one literal (import paths, literal types, property names, enum members, tagged templates
// such as String.raw or odata) are left alone, and so are regular expressions and comments.
// Usage: node scripts/split-long-strings.mjs [files...]  (default: every tracked .ts/.mts/.cts/.mjs/.cjs file)
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import ts from 'typescript';

const MAX_LINE = 140;
// Room for the indentation and the ` +` that Prettier adds when it breaks the concatenation over lines.
const LAYOUT_MARGIN = 14;
const SHORTEST_WORTH_SPLITTING = 40;

const files =
  process.argv.length > 2
    ? process.argv.slice(2)
    : execFileSync('git', ['ls-files', '*.ts', '*.mts', '*.cts', '*.mjs', '*.cjs'], { encoding: 'utf8' }).split('\n').filter(Boolean);

let splitCount = 0;
for (const file of files) {
  const source = readFileSync(file, 'utf8');
  const edited = splitLongLiterals(file, source);
  if (edited !== source) writeFileSync(file, edited);
}
console.log(`Split ${splitCount} long string or template literal${splitCount === 1 ? '' : 's'}.`);

function splitLongLiterals(file, source) {
  const sourceFile = ts.createSourceFile(file, source, ts.ScriptTarget.Latest, true, scriptKind(file));
  const lineStarts = sourceFile.getLineStarts();
  const lineText = (line) => source.slice(lineStarts[line], (lineStarts[line + 1] ?? source.length + 1) - 1).replace(/\r$/, '');
  const edits = [];

  const visit = (node) => {
    if (isSplittable(node)) {
      const start = node.getStart(sourceFile);
      const { line } = sourceFile.getLineAndCharacterOfPosition(start);
      const endLine = sourceFile.getLineAndCharacterOfPosition(node.end).line;
      const text = lineText(line);
      if (line === endLine && text.length > MAX_LINE && node.end - start >= SHORTEST_WORTH_SPLITTING) {
        const indent = text.length - text.trimStart().length;
        const parts = splitAtSpaces(node, source, sourceFile, Math.max(60, MAX_LINE - indent - LAYOUT_MARGIN));
        if (parts.length > 1) {
          // Parentheses keep any neighbour's precedence (Prettier drops the needless ones); beside another `+` the
          // grouping cannot change a string concatenation's value, and Prettier would keep them.
          const joined = parts.join(' + ');
          const inConcatenation = ts.isBinaryExpression(node.parent) && node.parent.operatorToken.kind === ts.SyntaxKind.PlusToken;
          edits.push({ start, end: node.end, text: inConcatenation ? joined : `(${joined})` });
          splitCount += 1;
          return; // a literal nested inside this one moves with it
        }
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(sourceFile);

  let result = source;
  for (const edit of edits.sort((a, b) => b.start - a.start)) result = result.slice(0, edit.start) + edit.text + result.slice(edit.end);
  return result;
}

function scriptKind(file) {
  return /\.[mc]?js$/.test(file) ? ts.ScriptKind.JS : ts.ScriptKind.TS;
}

function isSplittable(node) {
  const literal = ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node) || ts.isTemplateExpression(node);
  if (!literal) return false;
  const parent = node.parent;
  if (!parent) return false;
  if (ts.isTaggedTemplateExpression(parent)) return false; // String.raw`…`, odata`…`: the tag sees the parts
  if (ts.isLiteralTypeNode(parent) || ts.isImportDeclaration(parent) || ts.isExportDeclaration(parent)) return false;
  if (ts.isExternalModuleReference(parent) || ts.isModuleDeclaration(parent) || ts.isImportTypeNode(parent)) return false;
  if (ts.isEnumMember(parent) || ts.isImportAttribute?.(parent)) return false;
  if ('name' in parent && parent.name === node) return false; // a property, method or member name
  if (ts.isExpressionStatement(parent)) return false; // a directive such as 'use strict'
  if (ts.isCallExpression(parent) && (parent.expression.kind === ts.SyntaxKind.ImportKeyword || isRequire(parent))) return false;
  // `as const` and `satisfies` keep literal types that a concatenation would widen to string.
  if (ts.isAsExpression(parent) || ts.isSatisfiesExpression(parent) || ts.isTypeAssertionExpression(parent)) return false;
  return true;
}

function isRequire(call) {
  return ts.isIdentifier(call.expression) && call.expression.text === 'require';
}

/** The literal's source text cut into pieces no longer than `width`, each itself a valid literal of the same kind. */
function splitAtSpaces(node, source, sourceFile, width) {
  const start = node.getStart(sourceFile);
  const raw = source.slice(start, node.end);
  const quote = raw[0];
  // Offsets (into raw) just after a space that lies in literal text, not in a ${…} expression or an escape.
  const cuts = [];
  for (const [from, to] of literalTextRanges(node, sourceFile)) {
    for (let at = from - start; at < to - start; at += 1) {
      if (raw[at] === ' ' && !escaped(raw, at) && at + 1 < to - start) cuts.push(at + 1);
    }
  }
  const parts = [];
  let pieceStart = 0;
  let lastFitting;
  for (const cut of cuts) {
    if (cut - pieceStart + 2 > width) {
      // Cut at the last space that fits; a run of text with no space in reach is cut as soon as it can be.
      const at = lastFitting ?? cut;
      parts.push(raw.slice(pieceStart, at));
      pieceStart = at;
    }
    lastFitting = cut > pieceStart && cut - pieceStart + 2 <= width ? cut : undefined;
  }
  if (raw.length - pieceStart > width && lastFitting !== undefined) {
    parts.push(raw.slice(pieceStart, lastFitting));
    pieceStart = lastFitting;
  }
  parts.push(raw.slice(pieceStart));
  if (parts.length === 1) return parts;
  return parts.map((part, index) => (index === 0 ? '' : quote) + part + (index === parts.length - 1 ? '' : quote));
}

/** Source ranges of the literal's own text (between quotes, outside every ${…}). */
function literalTextRanges(node, sourceFile) {
  if (!ts.isTemplateExpression(node)) return [[node.getStart(sourceFile) + 1, node.end - 1]];
  const ranges = [[node.head.getStart(sourceFile) + 1, node.head.end - 2]];
  for (const span of node.templateSpans) {
    const literal = span.literal;
    const closing = ts.isTemplateTail(literal) ? 1 : 2;
    ranges.push([literal.getStart(sourceFile) + 1, literal.end - closing]);
  }
  return ranges;
}

function escaped(text, at) {
  let backslashes = 0;
  for (let index = at - 1; index >= 0 && text[index] === '\\'; index -= 1) backslashes += 1;
  return backslashes % 2 === 1;
}
