// Every table, enum and status list; column helpers (columns.ts) stay inside the schema.
export * from "./newsroom";
export * from "./access";
export * from "./public-site";
export * from "./email";
