// Before each test file of the workers-d1 project: the schema of migrations/ applied to the local
// D1 database, as `wrangler d1 migrations apply` would (migrations already applied are skipped).
import { applyD1Migrations } from "cloudflare:test";
import { testEnv } from "./helpers";

await applyD1Migrations(testEnv.DB, testEnv.TEST_MIGRATIONS);
