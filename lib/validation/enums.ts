/** The values of a generated Prisma enum object, as the non-empty tuple `z.enum` wants. */
export function enumValues<T extends Record<string, string>>(values: T): [T[keyof T], ...T[keyof T][]] {
  return Object.values(values) as [T[keyof T], ...T[keyof T][]];
}
