// Restoring an export into a new tenant (POST /api/admin/tenants with importFrom): the export must
// be ready; the new tenant, once provisioned, reads the archive and copies the attachments to its
// own prefix (objects/domain/archive-import.ts). A restore that fails takes the new tenant away
// again, so a failed import leaves nothing behind and the slug free.
import type { Tenant } from "../../shared/api";
import { controlPlane } from "../control-plane";
import { HttpError, unwrap } from "../http";
import type { TenantApi } from "../tenant-stub";

export interface ImportSource {
	/** What the audit log keeps about the import. */
	details: { importFrom: string; sourceSlug: string; sourceTenantId: string };
	/** Restores the archive into the just-provisioned tenant; the tenant as it then stands. */
	restoreInto(stub: TenantApi, slug: string): Promise<Tenant>;
}

/** The export to import, checked before anything is created: 404 unknown, 409 not ready. */
export async function importExport(env: Env, exportId: string): Promise<ImportSource> {
	const plane = controlPlane(env);
	const record = await plane.fleet.export(exportId);
	if (!record) throw new HttpError("not_found", "No such export.");
	if (record.status !== "ready")
		throw new HttpError("export_not_ready", `That export is ${record.status}; only a ready export can be restored.`);
	return {
		details: { importFrom: exportId, sourceSlug: record.slug, sourceTenantId: record.tenantId },
		async restoreInto(stub, slug) {
			const undo = async () => {
				await stub.destroy();
				await plane.release(slug);
			};
			const restored = await stub.importArchive(record.archiveKey).catch(async (error: unknown) => {
				await undo();
				throw error;
			});
			if (!restored.ok) await undo();
			unwrap(restored);
			return unwrap(await stub.describe());
		},
	};
}
