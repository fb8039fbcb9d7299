/** The dataset contract, schema version 1 (see DESIGN.md): columns, types and allowed values. */

export const SCHEMA_VERSION = 1;

/** Allowed values of each enum column of `incidents`. */
export const ENUMS = {
  location_type: [
    'licensed_premises',
    'street',
    'home',
    'public_transport',
    'school',
    'workplace',
    'other',
    'unknown',
  ],
  weapon: ['body', 'knife_sharp', 'blunt', 'glass_bottle', 'firearm', 'other', 'unknown'],
  sex: ['male', 'female', 'unknown'],
  age_band: ['0-15', '16-17', '18-24', '25-34', '35-49', '50-64', '65+', 'unknown'],
  relationship: ['stranger', 'acquaintance', 'partner_ex', 'family', 'other', 'unknown'],
} as const;

export type EnumColumn = keyof typeof ENUMS;

/** Whether a column of `incidents` is one of the enum columns. */
export function isEnumColumn(column: string): column is EnumColumn {
  return Object.hasOwn(ENUMS, column);
}

export const PREMISES_TYPES = [
  'pub',
  'bar',
  'nightclub',
  'restaurant',
  'late_night_refreshment',
  'off_licence',
  'hotel',
  'other',
] as const;

/** A family of physical types that all mean the same thing to the contract. */
export type TypeFamily = 'date' | 'integer' | 'string' | 'number';

/** One column a table must (or may) have. */
export interface ColumnSpec {
  name: string;
  family: TypeFamily;
  nullable: boolean;
  required: boolean;
}

const col = (name: string, family: TypeFamily, nullable: boolean, required = true): ColumnSpec => ({
  name,
  family,
  nullable,
  required,
});

/** Columns of each contract table. */
export const TABLE_COLUMNS: Record<'incidents' | 'premises' | 'sites', ColumnSpec[]> = {
  incidents: [
    col('date', 'date', false),
    col('hour', 'integer', true),
    col('lad_code', 'string', true),
    col('lsoa_code', 'string', true),
    col('h3', 'string', true),
    col('location_type', 'string', false),
    col('premises_id', 'string', true),
    col('weapon', 'string', false),
    col('sex', 'string', false),
    col('age_band', 'string', false),
    col('relationship', 'string', false),
    col('site_code', 'string', true),
    col('n', 'integer', false),
  ],
  premises: [
    col('premises_id', 'string', false),
    col('name', 'string', true),
    col('address', 'string', true, false),
    col('postcode', 'string', true, false),
    col('lat', 'number', true),
    col('lon', 'number', true),
    col('lad_code', 'string', true, false),
    col('premises_type', 'string', true, false),
    col('licence_ref', 'string', true, false),
    col('closing_time', 'string', true, false),
    col('capacity', 'integer', true, false),
  ],
  sites: [
    col('site_code', 'string', false),
    col('name', 'string', true),
    col('lat', 'number', true),
    col('lon', 'number', true),
  ],
};

const FAMILY_PATTERNS: Record<TypeFamily, RegExp> = {
  // Not TIMESTAMP WITH TIME ZONE: its date depends on a zone DuckDB-WASM cannot apply offline.
  date: /^(DATE|TIMESTAMP(_S|_MS|_NS)?)$/,
  integer: /^(TINYINT|SMALLINT|INTEGER|BIGINT|HUGEINT|UTINYINT|USMALLINT|UINTEGER|UBIGINT)$/,
  string: /^VARCHAR$/,
  number: /^(TINYINT|SMALLINT|INTEGER|BIGINT|FLOAT|DOUBLE|DECIMAL.*|REAL)$/,
};

/** Whether a DuckDB column type (as DESCRIBE prints it) belongs to a type family. */
export function isTypeInFamily(duckdbType: string, family: TypeFamily): boolean {
  return FAMILY_PATTERNS[family].test(duckdbType.toUpperCase());
}

/** Human words for a type family, for error messages. */
export const FAMILY_WORDS: Record<TypeFamily, string> = {
  date: 'a DATE or TIMESTAMP',
  integer: 'an integer (TINYINT to BIGINT)',
  string: 'a string (VARCHAR)',
  number: 'a number (DOUBLE)',
};
