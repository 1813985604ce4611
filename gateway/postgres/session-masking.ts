import type { Classification, StatementInfo } from '@/lib/sql/classify-sql';
import { compileMasking, type CompiledMasking } from '@/lib/masking/compile-masking';
import type { MaskingCatalog } from '@/lib/masking/masking-catalog';
import type { MaskingIdentity } from '@/lib/masking/masking-identity';
import type { MaskingRule } from '@/lib/masking/masking-schema';
import { statementMasking, type StatementMasking } from '@/lib/masking/statement-masking';
import type { ResultField, ResultPlan } from '@/lib/masking/plan-result';
import type { CellMasker } from '@/lib/masking/mask-cell';

/** Masking state of one statement in flight: what it reads, and the plan of its current result. */
export type MaskingState = {
  statement: StatementMasking;
  masking: CompiledMasking;
  catalog: MaskingCatalog;
  fields: ResultField[] | null;
  plan: ResultPlan | null;
  /** Per column of the plan, its compiled masking (null: left alone). */
  maskers: (CellMasker | null)[] | null;
  /** Set by CopyOutResponse: 0 text or CSV, 1 binary. */
  copyFormat: number | null;
};

export type SessionMaskingOptions = {
  rules: () => readonly MaskingRule[];
  identity: () => MaskingIdentity;
  catalog: () => MaskingCatalog;
  hashKey: Buffer;
  onCatalogStale: () => void;
};

/** A statement we know nothing about (a portal of an unknown statement): it reads everything. */
const UNKNOWN_STATEMENT: StatementInfo = {
  kind: 'unknown',
  command: 'EXECUTE',
  text: '',
  tables: [],
  functions: [],
  flags: [],
  uses: { names: ['*'], predicateNames: [], aliases: [], copyTo: null },
};

/**
 * One session's view of its target's masking: compiled for the caller (recompiled when the rules
 * or the caller's effective role change), and the per-statement state the ResponseTracker masks
 * results with. Null state means nothing applies to this caller, and results pass untouched.
 */
export class SessionMasking {
  private compiled: { rules: readonly MaskingRule[]; role: string; masking: CompiledMasking } | null = null;
  private last: { classification: Classification | undefined; masking: CompiledMasking; catalog: MaskingCatalog; result: StatementMasking } | null = null;

  constructor(private readonly options: SessionMaskingOptions) {}

  /** The rules as last read: a new array whenever they change. */
  rules(): readonly MaskingRule[] {
    return this.options.rules();
  }

  current(): CompiledMasking {
    const rules = this.options.rules();
    const identity = this.options.identity();
    if (this.compiled?.rules !== rules || this.compiled.role !== identity.role) {
      this.compiled = { rules, role: identity.role, masking: compileMasking(rules, identity, this.options.hashKey) };
    }
    return this.compiled.masking;
  }

  forClassification(classification: Classification | undefined): MaskingState | null {
    const masking = this.current();
    if (masking.isEmpty) return null;
    const catalog = this.options.catalog();
    return { statement: this.analysed(classification, masking, catalog), masking, catalog, fields: null, plan: null, maskers: null, copyFormat: null };
  }

  /**
   * A statement is analysed when it is judged and again when it is sent (and at each Describe and
   * Execute of a prepared one): the last analysis is kept for the same classification, rules and
   * catalog, which classifySql's cache makes the same objects.
   */
  private analysed(classification: Classification | undefined, masking: CompiledMasking, catalog: MaskingCatalog): StatementMasking {
    const last = this.last;
    if (last && last.classification === classification && last.masking === masking && last.catalog === catalog) return last.result;
    const statements = classification?.ok ? classification.statements : [UNKNOWN_STATEMENT];
    const result = statementMasking(statements, masking, catalog);
    this.last = { classification, masking, catalog, result };
    return result;
  }

  catalogIsStale(): void {
    this.options.onCatalogStale();
  }
}
