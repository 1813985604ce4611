import type { Role } from '../db/schema/users';
import type { Classification, StatementInfo } from '../sql/classify-sql';
import type { PolicyAction } from './policy-rule-schema';

export type PolicyIdentity = { userId: string; role: Role; tokenId?: string | null };

export type PolicyContext = { identity: PolicyIdentity; classification: Classification };

export type RuleRef = { id: string; name: string };

export type Decision = {
  action: PolicyAction;
  rule: RuleRef | null;
  message: string;
  /** Which statement of the string decided; null when none did (empty or unparseable text). */
  statementIndex: number | null;
};

export type StatementDecision = {
  index: number;
  statement: StatementInfo;
  action: PolicyAction;
  rule: RuleRef | null;
  message: string;
};

/** What the portal's simulator shows: the overall decision and how each statement was decided. */
export type Simulation = { decision: Decision; statements: StatementDecision[] };
