import {
  CheckoutEarnRequestSchema,
  ReceiptLineSchema,
  evaluateEarn,
  type CheckoutEarnRequest,
  type EarnMember,
  type EarnResult,
  type LineKind,
  type MemberSummary,
  type ProblemFieldError,
  type Programme,
  type ReceiptLine,
} from '@tally/domain';
import { issuesToFieldErrors } from '@tally/ui';
import { MAX_UNIT_PRICE, parsePounds, parseWholeNumber } from './money';

/**
 * The receipt a cashier is typing, as the inputs hold it (text), and how it becomes the API's request
 * and the engine's input. Field paths are the request's own (`receipt.lines.0.unitPrice`), so a message
 * from the schema, from the API or from parsing the text lands beside the same input.
 */
export type EntryMode = 'lines' | 'total';

export interface DraftLine {
  sku: string;
  category: string;
  quantity: string;
  /** In pounds, as typed. */
  unitPrice: string;
  kind: LineKind;
}

export interface SaleDraft {
  receiptId: string;
  mode: EntryMode;
  lines: DraftLine[];
  /** The quick mode: one amount (in pounds) with a category. */
  total: { amount: string; category: string };
}

/** The SKU of the one line a quick "total with a category" sale sends. */
export const QUICK_SALE_SKU = 'TOTAL';

export const LINE_KIND_LABELS: Readonly<Record<LineKind, string>> = {
  item: 'Item',
  tax: 'Tax',
  shipping: 'Shipping',
  gift_card: 'Gift card',
  paid_with_points: 'Paid with points',
};

export function emptyLine(): DraftLine {
  return { sku: '', category: '', quantity: '1', unitPrice: '', kind: 'item' };
}

export function emptyDraft(): SaleDraft {
  return { receiptId: '', mode: 'lines', lines: [emptyLine()], total: { amount: '', category: '' } };
}

export function linePath(index: number, field: keyof DraftLine): string {
  return `receipt.lines.${index}.${field}`;
}

interface LineInput {
  sku: string;
  category?: string;
  quantity: number;
  unitPrice: number;
  kind: LineKind;
}

function optionalText(value: string): string | undefined {
  return value.trim() === '' ? undefined : value;
}

function parseQuantity(text: string, path: string, errors: ProblemFieldError[]): number {
  if (text.trim() === '') {
    errors.push({ field: path, message: 'is required' });
    return Number.NaN;
  }
  const quantity = parseWholeNumber(text);
  if (quantity === null) errors.push({ field: path, message: 'must be a whole number' });
  return quantity ?? Number.NaN;
}

function parsePrice(text: string, path: string, errors: ProblemFieldError[]): number {
  if (text.trim() === '') {
    errors.push({ field: path, message: 'is required' });
    return Number.NaN;
  }
  const pence = parsePounds(text);
  if (pence === null) {
    errors.push({ field: path, message: 'must be an amount in pounds, e.g. 4.99' });
    return Number.NaN;
  }
  if (pence > MAX_UNIT_PRICE) errors.push({ field: path, message: 'must be at most £1,000,000.00' });
  return pence;
}

/** The receipt's lines as the schema reads them, and what could not be read from the text. */
export function draftLines(draft: SaleDraft): { lines: LineInput[]; errors: ProblemFieldError[] } {
  const errors: ProblemFieldError[] = [];
  if (draft.mode === 'total') {
    const line: LineInput = {
      sku: QUICK_SALE_SKU,
      quantity: 1,
      unitPrice: parsePrice(draft.total.amount, linePath(0, 'unitPrice'), errors),
      kind: 'item',
    };
    const category = optionalText(draft.total.category);
    return { lines: [category === undefined ? line : { ...line, category }], errors };
  }
  const lines = draft.lines.map((line, index): LineInput => {
    const input: LineInput = {
      sku: line.sku,
      quantity: parseQuantity(line.quantity, linePath(index, 'quantity'), errors),
      unitPrice: parsePrice(line.unitPrice, linePath(index, 'unitPrice'), errors),
      kind: line.kind,
    };
    const category = optionalText(line.category);
    return category === undefined ? input : { ...input, category };
  });
  return { lines, errors };
}

export type EarnRequestResult =
  { ok: true; body: CheckoutEarnRequest } | { ok: false; errors: ProblemFieldError[] };

/** The request `POST /api/v1/checkout/earn` takes, checked by the domain's `CheckoutEarnRequestSchema`. */
export function buildEarnRequest(
  draft: SaleDraft,
  { memberId, storeId, currency }: { memberId: string; storeId: string | undefined; currency: string },
): EarnRequestResult {
  const { lines, errors } = draftLines(draft);
  const parsed = CheckoutEarnRequestSchema.safeParse({
    member: { memberId },
    ...(storeId ? { storeId } : {}),
    receipt: { id: draft.receiptId, currency, lines },
  });
  // Parsing messages first: "must be a whole number" says more than the schema's view of NaN.
  if (!parsed.success) return { ok: false, errors: [...errors, ...issuesToFieldErrors(parsed.error.issues)] };
  if (errors.length > 0) return { ok: false, errors };
  return { ok: true, body: parsed.data };
}

/** The member as the engine sees them at the till: the lookup names only the tier. */
export function earnMemberOf(member: MemberSummary): EarnMember {
  return {
    tierId: member.tier?.id ?? null,
    segments: [],
    joinedAt: new Date(0).toISOString(),
    birthday: null,
  };
}

export interface SalePreview {
  result: EarnResult;
  /** Lines left out because they cannot be read yet (no price, a bad quantity). */
  skipped: number;
}

/**
 * The live preview: the same engine the API awards with, over every line that can already be read. A
 * missing SKU does not change the points, so a line counts as soon as its quantity and price do.
 */
export function previewSale(
  draft: SaleDraft,
  member: MemberSummary,
  programme: Programme,
  now: Date = new Date(),
): SalePreview | null {
  const readable: ReceiptLine[] = [];
  let skipped = 0;
  for (const line of draftLines(draft).lines) {
    const parsed = ReceiptLineSchema.safeParse({
      ...line,
      sku: line.sku.trim() === '' ? 'preview' : line.sku,
    });
    if (parsed.success) readable.push(parsed.data);
    else skipped += 1;
  }
  if (readable.length === 0) return null;
  const result = evaluateEarn(
    { id: 'preview', currency: programme.currency, lines: readable },
    earnMemberOf(member),
    programme,
    [],
    { now, timeZone: 'Europe/London' },
  );
  return { result, skipped };
}
