import type { Assessment } from '../domain';
import type { PrintView } from './print-views';

export interface WorkbookOptions {
  unit?: string;
  year?: number;
  /** Values to put in the input cells: targets from a plan, or everything typed in an older copy. */
  values?: Assessment;
  /** Completion at or above this (and below 100%) is amber, "near target". */
  nearBand?: number;
  /** The printed view the file opens on (print-views.ts); default the self-assessment form. */
  printView?: PrintView;
  /** ISO timestamp stored in the metadata; fixed in tests. */
  createdAt?: string;
  /**
   * Build the template of an earlier version (only to check a file made with it, see
   * template-versions.ts); default the current one.
   */
  templateVersion?: string;
}
