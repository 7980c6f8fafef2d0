// The operator's audit log, as the admin routes write it: who (the admin token has no name, so
// the optional `x-operator` header names the person, and a short hash of the caller's address and
// user agent tells callers apart without keeping either), what, to which tenant, and when (the
// log's clock). Entries are written after the action succeeded, before the response goes out.
import type { AuditAction, AuditEntry } from "../shared/fleet";
import { sha256Hex } from "./auth";
import { clientAddress } from "./client-address";
import { controlPlane } from "./control-plane";

/** An `x-operator` name: printable, short. Anything else is ignored, not refused: it is a label, not a credential. */
const OPERATOR_NAME = /^[\p{L}\p{N} .@_+-]{1,64}$/u;

/** Who asked, as the log records it. */
export async function operatorOf(request: Request): Promise<Pick<AuditEntry, "actor" | "client">> {
	const named = request.headers.get("x-operator")?.trim() ?? "";
	const actor = OPERATOR_NAME.test(named) ? named : "operator";
	const client = (await sha256Hex(`${clientAddress(request)}\n${request.headers.get("user-agent") ?? ""}`)).slice(
		0,
		12,
	);
	return { actor, client };
}

export async function audit(
	request: Request,
	env: Env,
	action: AuditAction,
	tenant: { slug: string | null; id?: string | null },
	details: Record<string, unknown> = {},
): Promise<void> {
	await controlPlane(env).fleet.audit({
		...(await operatorOf(request)),
		action,
		slug: tenant.slug,
		tenantId: tenant.id ?? null,
		details,
	});
}

/** What the fleet queue did on its own (a purge finished or gave up): the actor is "fleet". */
export async function auditJob(
	env: Env,
	action: AuditAction,
	tenant: { slug: string; id: string },
	details: Record<string, unknown> = {},
): Promise<void> {
	await controlPlane(env).fleet.audit({
		actor: "fleet",
		client: null,
		action,
		slug: tenant.slug,
		tenantId: tenant.id,
		details,
	});
}
