// Helpers for fleet jobs in workerd tests: the real queue runs its consumer (this Worker's
// queue()), so tests wait for outcomes through the admin API, always with a timeout.
import type { Rollout, TenantExport } from "../../shared/fleet";
import { admin } from "./api";
import { eventually } from "./billing";

/** Deletes a tenant and waits until the queue has purged it (the admin API answers 404). */
export async function deleteAndPurge(slug: string, timeoutMs = 15_000): Promise<void> {
	const res = await admin(`/api/admin/tenants/${slug}`, { method: "DELETE" });
	if (res.status !== 202 && res.status !== 204) throw new Error(`delete ${slug}: ${res.status} ${await res.text()}`);
	await purged(slug, timeoutMs);
}

/** Waits until a tenant is gone from the admin API. */
export function purged(slug: string, timeoutMs = 15_000): Promise<void> {
	return eventually(async () => (await admin(`/api/admin/tenants/${slug}`)).status === 404, timeoutMs);
}

export async function exportStatus(slug: string, exportId: string): Promise<TenantExport> {
	const res = await admin(`/api/admin/tenants/${slug}/exports/${exportId}`, {
		headers: { accept: "application/json" },
	});
	if (res.status !== 200) throw new Error(`export ${exportId}: ${res.status} ${await res.text()}`);
	return res.json();
}

/** Starts an export and waits until it is ready; its final status. */
export async function exportTenant(slug: string, timeoutMs = 30_000): Promise<TenantExport> {
	const res = await admin(`/api/admin/tenants/${slug}/exports`, { method: "POST" });
	if (res.status !== 202) throw new Error(`export ${slug}: ${res.status} ${await res.text()}`);
	const { id } = (await res.json()) as { id: string };
	let status: TenantExport | undefined;
	await eventually(async () => {
		status = await exportStatus(slug, id);
		return status.status === "ready" || status.status === "failed";
	}, timeoutMs);
	if (status?.status !== "ready") throw new Error(`export ${id} ended ${JSON.stringify(status)}`);
	return status;
}

export async function rolloutStatus(id: string): Promise<Rollout> {
	const res = await admin(`/api/admin/rollouts/${id}`);
	if (res.status !== 200) throw new Error(`rollout ${id}: ${res.status} ${await res.text()}`);
	return res.json();
}
