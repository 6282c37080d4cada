/** The Swedish names of a DTO's fields, as a form labels them; a field not named here is called by its property. */
const FALTNAMN = new WeakMap<object, Readonly<Record<string, string>>>();

/** Names a DTO's fields in Swedish for validation errors: `@Faltnamn({ arendemening: 'ärendemening' })`. */
export function Faltnamn(namn: Readonly<Record<string, string>>): ClassDecorator {
  return (target) => {
    FALTNAMN.set(target, namn);
  };
}

/** The Swedish name of `property` on an instance of a DTO (its class or a class it extends). */
export function faltnamnFor(dto: object | undefined, property: string): string | undefined {
  for (let c = dto?.constructor; c && c !== Object; c = Object.getPrototypeOf(c)) {
    const namn = FALTNAMN.get(c)?.[property];
    if (namn) return namn;
  }
  return undefined;
}
