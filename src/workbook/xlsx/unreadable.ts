/** Why a file given as a workbook could not be opened at all. */
export type UnreadableReason =
  | 'missing'
  | 'empty'
  | 'too-big'
  | 'too-many-cells'
  | 'too-many-rows'
  | 'not-xlsx'
  | 'xls'
  | 'ods'
  | 'corrupt'
  | 'encrypted'
  | 'timeout';

export class UnreadableWorkbookError extends Error {
  constructor(
    readonly reason: UnreadableReason,
    /** Vietnamese, for the user. */
    message: string,
    readonly messageEn: string,
    readonly source = '',
  ) {
    super(message);
    this.name = 'UnreadableWorkbookError';
  }
}
