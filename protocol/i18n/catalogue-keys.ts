// The keys of a message catalogue, nested groups as dotted paths: what the key-parity tests compare.

export function catalogueKeys(catalogue: object, prefix = ''): string[] {
  return Object.entries(catalogue).flatMap(([key, value]) =>
    value !== null && typeof value === 'object' && !Array.isArray(value)
      ? catalogueKeys(value as object, `${prefix}${key}.`)
      : [`${prefix}${key}`],
  );
}
