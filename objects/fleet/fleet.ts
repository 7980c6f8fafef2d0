// The Fleet object: one per deployment (named "fleet"), the Durable Object design's home for the
// operator's audit log and the bookkeeping of fleet jobs (rollouts, exports). Its methods hand
// the work to FleetRecords, which the D1 design runs over its shared database instead. Operator
// actions and job progress are a few writes a second at most, well within one object.
import { DurableObject } from "cloudflare:workers";
import type { AuditEntry, ExportStatus } from "../../shared/fleet";
import { Sql } from "../tenant/sql";
import { FLEET_SCHEMA, FleetRecords, type RolloutState } from "./fleet-records";

export class Fleet extends DurableObject<Env> {
	readonly #records: FleetRecords;

	constructor(ctx: DurableObjectState, env: Env) {
		super(ctx, env);
		const sql = new Sql(ctx.storage);
		for (const statement of FLEET_SCHEMA) sql.run(statement);
		this.#records = new FleetRecords({
			all: async (query, ...params) => sql.all(query, ...params),
			run: async (query, ...params) => sql.run(query, ...params),
		});
	}

	async audit(entry: Omit<AuditEntry, "id" | "at">) {
		return this.#records.audit(entry);
	}

	async auditPage(cursor: string | null) {
		return this.#records.auditPage(cursor);
	}

	async startRollout(id: string, targetVersion: number, note: string) {
		return this.#records.startRollout(id, targetVersion, note);
	}

	async addToRollout(id: string, slugs: string[], state: RolloutState) {
		return this.#records.addToRollout(id, slugs, state);
	}

	async rolloutAttempt(id: string, slug: string, state: RolloutState, reason: string | null) {
		return this.#records.rolloutAttempt(id, slug, state, reason);
	}

	async rollout(id: string) {
		return this.#records.rollout(id);
	}

	async createExport(record: { id: string; tenantId: string; slug: string; archiveKey: string }) {
		return this.#records.createExport(record);
	}

	async updateExport(
		id: string,
		status: ExportStatus,
		outcome: { bytes?: number; counts?: Record<string, number>; error?: string },
	) {
		return this.#records.updateExport(id, status, outcome);
	}

	async export(id: string) {
		return this.#records.export(id);
	}
}
