/** The methods that change nothing (RFC 9110 "safe"): no forged-request check applies to them. */
export const SAFE_METHODS: ReadonlySet<string> = new Set(['GET', 'HEAD', 'OPTIONS']);
