import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Browser end-to-end files start their own bot and Playground: keep them from competing for the two cores.
    fileParallelism: true,
    maxWorkers: 2,
  },
});
