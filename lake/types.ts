/**
 * The local Content Lake's shared shapes. A transaction is the unit of everything the lake does:
 * it is written to the translog (history, crash recovery), announced to listeners and sent to the
 * publish webhook, all from the same value.
 */

/** A document as the lake holds it: `_rev` is the id of the last transaction that wrote it. */
export type LakeDocument = {
  _id: string;
  _type: string;
  _rev?: string;
  _createdAt?: string;
  _updatedAt?: string;
  [field: string]: unknown;
};

/** One document's part in a transaction: null before = it appeared, null after = it went. */
export type Change = { id: string; before: LakeDocument | null; after: LakeDocument | null };

export type Transaction = {
  /** The client's `transactionId` when it sent one, else generated; also each written document's new `_rev`. */
  id: string;
  /** ISO time; each written document's `_updatedAt`. Strictly increasing across transactions. */
  timestamp: string;
  /** The user id of whoever committed it (`p-local` for the open local editor). */
  author: string;
  changes: Change[];
};

/** An error the HTTP layer answers with its status and Sanity's error body shape. */
export class LakeError extends Error {
  readonly statusCode: number;
  readonly type: string;
  readonly details?: Record<string, unknown>;

  constructor(statusCode: number, message: string, type = 'validationError', details?: Record<string, unknown>) {
    super(message);
    this.statusCode = statusCode;
    this.type = type;
    this.details = details;
  }

  body(): Record<string, unknown> {
    return { error: { description: this.message, type: this.type, ...this.details }, statusCode: this.statusCode };
  }
}
