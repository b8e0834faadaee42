/** Recognise constraint violations on both dialects (SQLite codes, PostgreSQL SQLSTATEs). */
function codeOf(error: unknown): string | undefined {
  if (typeof error === 'object' && error !== null && 'code' in error) {
    const code = error.code;
    return typeof code === 'string' ? code : undefined;
  }
  return undefined;
}

export const isForeignKeyViolation = (e: unknown) =>
  ['SQLITE_CONSTRAINT_FOREIGNKEY', '23503'].includes(codeOf(e) ?? '');

export const isUniqueViolation = (e: unknown) =>
  ['SQLITE_CONSTRAINT_UNIQUE', 'SQLITE_CONSTRAINT_PRIMARYKEY', '23505'].includes(codeOf(e) ?? '');
