import { inject } from 'vitest';
import { resetEnvForTests } from '../lib/env';

process.env.DATABASE_URL = inject('databaseUrl');
process.env.REDIS_PREFIX = inject('redisPrefix');
process.env.GATEHOUSE_MASTER_KEY = inject('masterKey');
process.env.NEXTAUTH_SECRET = 'test-secret-test-secret-test-secret-0123';
resetEnvForTests();
