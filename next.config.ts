import type { NextConfig } from 'next';

const nextConfig: NextConfig = {
  serverExternalPackages: ['libpg-query', 'ssh2', 'bullmq', 'ioredis', 'postgres'],
  poweredByHeader: false,
};

export default nextConfig;
