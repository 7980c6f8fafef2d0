// A schema rollout's step for one tenant object. The object migrates itself on every wake (see
// the constructor), so a rollout mostly wakes it; this also covers an object that is awake with an
// older bundle's schema, and answers with the tenant as it now stands for the control plane.
import type { Tenant } from "../../shared/api";
import { fail, type Result } from "../../shared/errors";
import { isProvisioned, migrate } from "./migrations";
import type { Sql } from "./sql";

export async function migrateTenant(
	storage: DurableObjectStorage,
	sql: Sql,
	describe: () => Promise<Result<Tenant>>,
): Promise<Result<Tenant>> {
	if (!isProvisioned(sql)) return fail("not_found", "No such workspace.");
	// A step that throws leaves the tenant at the version before it; the queue retries the job.
	migrate(storage, sql);
	return describe();
}
