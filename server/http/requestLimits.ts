// The bounds every request meets at the door, before any handler or recursive walk sees it (the
// body's size, 1 MB, is the server's config: maxBodyBytes).
import { MAX_DEFINITION_DEPTH } from '@engine';

/**
 * Nesting of a JSON body. Above the engine's own limits (a definition 128 deep, sent inside
 * {definition}; data 32 deep), so those still answer with their precise issue; far below the
 * thousands of levels at which a recursive walk (JSON.stringify included) runs out of stack.
 */
export const MAX_BODY_DEPTH = MAX_DEFINITION_DEPTH + 32;

/** Length of each path segment and of each query name and value (ids are 36, filters 50). */
export const MAX_PARAM_LENGTH = 1000;
