import { defineConfig } from 'prisma/config';

// The CLI is only used for `prisma generate` here; migrations run through scripts/db.ts on the
// WebAssembly schema engine, so no datasource URL is needed at generate time.
export default defineConfig({
  schema: 'prisma/schema.prisma',
  migrations: { path: 'prisma/migrations' },
});
