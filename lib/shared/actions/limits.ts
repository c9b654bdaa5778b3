// How large a server action's request body may be. The passcode action sends its input and the agent's token:
// the fields at their longest (note and reason 500 characters each, up to 3 bytes a character in UTF-8, or 6 as
// JSON escapes of control characters) come to about 6.5 KB, and an Entra access token for Graph is 1.5–4 KB, with
// room here for 8 KB. 16 KB holds every valid request; anything larger is refused before it is parsed.
// next.config.js states the same number for Next's own limit (a unit test keeps the two equal).
export const SERVER_ACTION_BODY_LIMIT_BYTES = 16 * 1024;
