import { z } from 'zod';

const EnvSchema = z.object({
  DATABASE_URL: z
    .string({ error: 'DATABASE_URL is not set; start the app with `npm start`, which provides it.' })
    .regex(/^postgres(ql)?:\/\//, 'DATABASE_URL must be a postgresql:// URL.'),
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
});

export type ServerEnv = z.infer<typeof EnvSchema>;

/** The server's environment, validated; a bad value fails with a message naming the variable. */
export function serverEnv(): ServerEnv {
  const parsed = EnvSchema.safeParse(process.env);
  if (!parsed.success) {
    throw new Error(parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; '));
  }
  return parsed.data;
}
