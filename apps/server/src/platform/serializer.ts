import fastJson from 'fast-json-stringify';
import type { FastifySerializerCompiler } from 'fastify/types/schema.js';
import { z } from 'zod';

/**
 * Responses are written by fast-json-stringify from each route's zod schema (converted to
 * JSON Schema once, at start). It writes only the properties the schema declares, so a
 * field a row happens to carry (a password hash, a secret) can never leak, and it is far
 * cheaper than validating every response with zod: a list of 50 services with their
 * checks and results is tens of kilobytes.
 */
export const serializerCompiler: FastifySerializerCompiler<z.ZodType> = ({ schema }) => {
  const jsonSchema = z.toJSONSchema(schema, {
    io: 'output',
    target: 'draft-7',
    unrepresentable: 'any',
  });
  return fastJson(jsonSchema as Parameters<typeof fastJson>[0]);
};
