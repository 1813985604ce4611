import type { Command } from '../command';
import { auditVerify } from './audit-verify';
import { gateway } from './gateway';
import { migrate } from './migrate';
import { seed } from './seed';
import { start } from './start';
import { targetAdd } from './target-add';
import { tokenCreate } from './token-create';
import { tokenRevoke } from './token-revoke';
import { userAdd } from './user-add';

export const COMMANDS: readonly Command[] = [start, gateway, migrate, seed, userAdd, tokenCreate, tokenRevoke, targetAdd, auditVerify];
