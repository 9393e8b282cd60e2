/**
 * A whole number: ports, counts and seconds. TypeScript has no integer type, so this alias is
 * what tells the schema generator to write `integer` (Go `int`, Python `int`) instead of `number`.
 */
export type Integer = number;
