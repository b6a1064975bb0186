// What the server's API sends and answers, as the client reads it: the API contract's types
// (@engine/contract), derived from the schemas the server validates and documents with (GET
// /api/openapi.json). Types only: no zod reaches the officer's pages.
export type * from '@engine/contract';
