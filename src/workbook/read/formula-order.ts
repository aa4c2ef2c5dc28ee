/**
 * Sorting rows in Excel or LibreOffice moves the rows' contents but does not rewrite
 * references into them: after the sub-criteria of one criterion are sorted, the parent's
 * =SUM(C42,C43,C44) names the same cells while the rows hold other codes, so the template's
 * formula moved to where each code is now reads =SUM(C44,C42,C43). Both add up the same
 * cells. This is the form in which they are equal: the arguments of every SUM and COUNT
 * (whose order does not matter) in one fixed order. One forward pass with an explicit
 * stack, no recursion, so a hostile formula costs time in proportion to its length.
 */

/** Functions whose result does not depend on the order of their arguments. */
const ORDER_FREE = new Set(['SUM', 'COUNT']);

/** A canonical formula (canonicalFormula) with the arguments of its SUMs and COUNTs sorted; null when its brackets do not balance. */
export function orderFreeFormula(formula: string): string | null {
  interface Call {
    name: string;
    args: string[];
    /** The text before the call's name, in the enclosing argument. */
    before: string;
  }
  const stack: Call[] = [];
  let current = '';
  for (let i = 0; i < formula.length; i++) {
    const ch = formula[i];
    if (ch === '"') {
      // A string literal, "" standing for a quote, copied whole.
      let end = i + 1;
      while (end < formula.length && !(formula[end] === '"' && formula[end + 1] !== '"')) end += formula[end] === '"' ? 2 : 1;
      current += formula.slice(i, end + 1);
      i = end;
    } else if (ch === '(') {
      let start = current.length;
      while (start > 0 && /[A-Z0-9_.]/.test(current[start - 1])) start--;
      stack.push({ name: current.slice(start), args: [], before: current.slice(0, start) });
      current = '';
    } else if (ch === ',' && stack.length > 0) {
      stack[stack.length - 1].args.push(current);
      current = '';
    } else if (ch === ')') {
      const call = stack.pop();
      if (!call) return null;
      call.args.push(current);
      const args = ORDER_FREE.has(call.name) ? [...call.args].sort() : call.args;
      current = `${call.before}${call.name}(${args.join(',')})`;
    } else current += ch;
  }
  return stack.length === 0 ? current : null;
}
