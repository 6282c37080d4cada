/** The injection token of the parsed config (its own file, so providers of the config module can import it). */
export const APP_CONFIG = Symbol('APP_CONFIG');
