import next from 'eslint-config-next';

const layer = (files, groups, message) => ({
  files,
  rules: {
    'no-restricted-imports': ['error', { patterns: [{ group: groups, message }] }],
  },
});

const config = [
  { ignores: ['.next/**', 'node_modules/**', 'drizzle/**', 'next-env.d.ts', 'test-results/**', 'playwright-report/**'] },
  ...next,
  layer(
    ['lib/**/*.ts'],
    ['@/app/*', '@/components/*', '@/gateway/*', '**/app/*', '**/components/*', '**/gateway/*', 'next/*', 'react', 'react-dom'],
    'lib/ is the domain: it imports neither app/, components/, gateway/, next/* nor react.',
  ),
  layer(
    ['gateway/**/*.ts'],
    ['@/app/*', '@/components/*', '**/app/*', '**/components/*', 'next/*', 'react'],
    'gateway/ imports lib/ only, never app/ or components/.',
  ),
  layer(['components/**/*.{ts,tsx}'], ['@/app/*', '**/app/*', '@/gateway/*'], 'components/ never import app/ or gateway/.'),
];
export default config;
