import { z } from 'zod';

// The hub's Content-Security-Policy forbids eval: zod must not even try its compiled
// parsers. Imported first by main.tsx, before any module builds or parses a schema.
z.config({ jitless: true });
