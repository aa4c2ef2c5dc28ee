/**
 * Text decoded from its markup once, however many files repeat it: the submissions of a
 * set share the template's formulas, labels and the stored set (tens of kilobytes of
 * escaped JSON), and decoding them again for every file was a large part of reading one.
 * The same holds for the small parts every file of one writer repeats (workbook, styles).
 * Keys are copies of the markup: what the readers hand in is a slice of a whole part,
 * which must not outlive its file. Bounded by entries and by characters kept (4 million
 * characters is a few megabytes of keys and text: a folder of hostile files full of unique
 * strings cannot grow it past that; the memo is emptied and starts again).
 */
/**
 * A class, not an object literal: a literal's allocation site is inlined into the readers,
 * and when V8 decides to pretenure it (memo entries all live long) it throws away every
 * compiled function that allocates from it — the whole reader, in the middle of a folder.
 */
export class Decoded<T = string> {
  constructor(
    readonly markup: string,
    readonly text: T,
  ) {}
}

export class MarkupMemo<T = string> {
  private readonly known = new Map<string, Decoded<T>>();
  private chars = 0;

  constructor(
    private readonly decode: (markup: string) => T,
    private readonly maxEntries: number,
    private readonly maxChars: number,
  ) {}

  entry(markup: string): Decoded<T> {
    let entry = this.known.get(markup);
    if (entry === undefined) {
      if (this.known.size >= this.maxEntries || this.chars + markup.length > this.maxChars) {
        this.known.clear();
        this.chars = 0;
      }
      entry = new Decoded(Buffer.from(markup, 'latin1').toString('latin1'), this.decode(markup));
      this.known.set(entry.markup, entry);
      this.chars += markup.length;
    }
    return entry;
  }
}
