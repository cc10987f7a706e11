/// <reference lib="dom" />

// Block Kit arrives as JSON the page did not build: read it through these narrowings, never by cast.

/** The value as a plain object, or undefined. */
export function obj(value: unknown): Record<string, unknown> | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
}

/** The value as a list (an empty one when it is not a list). */
export function list(value: unknown): unknown[] {
  return Array.isArray(value) ? (value as unknown[]) : [];
}

/** The value as a string, or undefined. */
export function str(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

/** A field of an object as a string, or undefined. */
export function field(value: unknown, key: string): string | undefined {
  return str(obj(value)?.[key]);
}
