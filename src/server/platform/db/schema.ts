/** The one drizzle schema, used on both stores. drizzle-kit reads the *.table.ts files directly. */
export * from '../../patients/patients.table';
export * from './platform.table';
