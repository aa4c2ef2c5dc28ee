/**
 * Placing numbered rows in the tree from the numbering as printed.
 *
 *  - A roman numeral is a field: code "1", "2", … (its value).
 *  - An arabic number with k parts is the child of the nearest open row printed with its
 *    first k−1 parts ("1.2.3" under "1.2"); a roman field counts as printed "n", so under
 *    field II both "2.1" (full numbering) and "1." → "1.1." (numbering restarted in each
 *    field) work. A one-part number is a child of the open roman field, or a field when
 *    the table has no roman numerals. Code = parent's code + "." + the last printed part,
 *    so field II's restarted "1." becomes "2.1" and its "1.1." becomes "2.1.1".
 *  - A letter (a, b, đ …) is a child of the row it follows (after sibling letters);
 *    its code is the parent's code + "." + its position among the parent's children.
 * When no parent can be found the row is reported, never attached somewhere else.
 */
import type { Label } from './numbering';

export interface PlacedNode {
  code: string;
  /** Printed numbers this row offers as a prefix to its children ([] for letters). */
  printed: number[];
  kind: 'roman' | 'arabic' | 'letter';
  children: PlacedNode[];
}

export type Placement<N extends PlacedNode> =
  | { ok: true; parent: N | null; code: string; printed: number[] }
  | { ok: false; message: string; messageEn: string };

export class TreePlacer<N extends PlacedNode> {
  /** The last placed node and its ancestors, root first. */
  private stack: N[] = [];
  readonly roots: N[] = [];

  get current(): N | null {
    return this.stack[this.stack.length - 1] ?? null;
  }

  place(label: Label): Placement<N> {
    switch (label.kind) {
      case 'roman':
        return { ok: true, parent: null, code: String(label.value), printed: [label.value] };
      case 'arabic': {
        const s = label.segments;
        const k = s.length;
        if (k === 1) {
          const field = this.stack[0]?.kind === 'roman' ? this.stack[0] : null;
          return { ok: true, parent: field, code: field ? `${field.code}.${s[0]}` : String(s[0]), printed: s };
        }
        const prefix = s.slice(0, k - 1);
        for (let i = this.stack.length - 1; i >= 0; i--) {
          const n = this.stack[i];
          if (n.kind !== 'letter' && n.printed.length === k - 1 && n.printed.every((p, j) => p === prefix[j])) {
            return { ok: true, parent: n, code: `${n.code}.${s[k - 1]}`, printed: s };
          }
        }
        const want = prefix.join('.');
        return {
          ok: false,
          message: `không có dòng "${want}" ở phía trên để làm tiêu chí cha của "${s.join('.')}"`,
          messageEn: `no row "${want}" above to be the parent of "${s.join('.')}"`,
        };
      }
      case 'letter': {
        let i = this.stack.length - 1;
        while (i >= 0 && this.stack[i].kind === 'letter') i--;
        const parent = i >= 0 ? this.stack[i] : null;
        if (!parent) {
          return {
            ok: false,
            message: `mục "${label.letter})" không nằm dưới tiêu chí nào`,
            messageEn: `item "${label.letter})" is not under any criterion`,
          };
        }
        return { ok: true, parent, code: `${parent.code}.${parent.children.length + 1}`, printed: [] };
      }
      default:
        throw new Error(`not a numbered label: ${label.kind}`);
    }
  }

  /** Adds a node placed under `parent` and makes it the current row. */
  push(node: N, parent: N | null): void {
    if (parent) {
      while (this.stack.length > 0 && this.stack[this.stack.length - 1] !== parent) this.stack.pop();
      parent.children.push(node);
    } else {
      this.stack = [];
      this.roots.push(node);
    }
    this.stack.push(node);
  }
}
