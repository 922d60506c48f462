import type { NextConfig } from 'next';

const config: NextConfig = {
  // The server package finds its migrations next to its own files and PGlite loads its WASM
  // from its package folder: both must be required from node_modules, never bundled.
  serverExternalPackages: ['@resale-kit/server', '@electric-sql/pglite', 'postgres'],
  // `pnpm typecheck` runs tsc over the app (with its tests); the build need not do it again.
  typescript: { ignoreBuildErrors: true },
  experimental: {
    // Turbopack's build cache speeds up the next local build; a CI run starts from a clean
    // clone and would only spend time writing it.
    turbopackFileSystemCacheForBuild: !process.env.CI,
  },
  poweredByHeader: false,
};

export default config;
