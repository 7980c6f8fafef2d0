// Metering inside the tenant object: every metered event goes to both stores at once, the exact
// ledger (SQLite, hourly) and Analytics Engine (one point per event, through the writer).
//
// When the ledger row is written is a cost trade-off, stated here once:
// - What changes data is counted in the transaction of the change (operations, bytes stored and
//   uploaded): a failed or replayed write is never counted, a committed one always is.
// - Requests, socket messages and SQLite row counts change nothing. Writing a ledger row for each
//   would cost more SQLite writes than the work itself (and slow every request), so they gather
//   in memory and are written together, a few rows per meter, at most every few seconds and before
//   any usage is read. A crash in that window loses those seconds of counts: the price of not
//   tripling the cost of every read.
import type { Meter, RequestClass } from "../../shared/meters";
import { requestMeter } from "../../shared/meters";
import type { Commit } from "../domain/store";
import type { UsageWriter } from "../usage/writer";
import type { Sql } from "./sql";
import { accrueGauge, addToLedger, gaugeLevel, hourOf, markActive } from "./usage-ledger";

/** How long read counts may wait in memory before they are written. */
const FLUSH_AFTER_MS = 5_000;

export interface MeteredTenant {
	id: string;
	plan: string;
}

export class UsageMeter {
	/** Counts not yet in the ledger, by "hour|meter". */
	#pending = new Map<string, number>();
	/** Members seen active and not yet recorded, by "hour|member". */
	#active = new Set<string>();
	/** Members already recorded as active, by "hour|member": one row per member and hour is enough. */
	#recorded = new Set<string>();
	#timer: ReturnType<typeof setTimeout> | undefined;
	/** Points for Analytics Engine that wait for their commit to succeed. */
	#uncommitted: { meter: Meter; quantity: number; detail?: string }[] = [];

	constructor(
		private readonly sql: Sql,
		private readonly storage: DurableObjectStorage,
		private readonly writer: UsageWriter,
		private readonly tenant: () => MeteredTenant | null,
		/** False only when the load test measures a run without metering (METERING = "off"). */
		private readonly enabled = true,
	) {}

	/** A new invocation: the writer's per-invocation budget starts over, and the object request counts. */
	begin(): void {
		if (!this.enabled) return;
		this.writer.beginInvocation();
		this.count("cost.object_requests", 1);
	}

	/** One API request of a class, by a member (null for an API key, which is not a person). */
	request(kind: RequestClass, memberId: string | null): void {
		this.count(requestMeter(kind), 1, kind);
		if (memberId) this.active(memberId);
	}

	/** A quantity of a meter, now. Goes to the ledger soon (see the header) and to AE at once. */
	count(meter: Meter, quantity: number, detail?: string): void {
		// An object never provisioned has no ledger, and nobody to bill.
		if (!this.enabled || quantity === 0 || !this.tenant()) return;
		const key = `${hourOf(Date.now())}|${meter}`;
		this.#pending.set(key, (this.#pending.get(key) ?? 0) + quantity);
		this.#emit(meter, quantity, detail);
		this.#flushSoon();
	}

	active(memberId: string): void {
		if (!this.enabled || !this.tenant()) return;
		const key = `${hourOf(Date.now())}|${memberId}`;
		if (this.#recorded.has(key)) return;
		this.#active.add(key);
		this.#flushSoon();
	}

	/**
	 * Counts a commit in the ledger, inside its transaction and before its changes are written:
	 * one operation, and for attachments the bytes uploaded and the change in bytes stored. Its
	 * Analytics Engine points wait for `committed()`.
	 */
	recordCommit({ changes, event }: Commit): void {
		if (!this.enabled) return;
		const hour = hourOf(Date.now());
		addToLedger(this.sql, hour, "operations", 1);
		this.#uncommitted.push({ meter: "operations", quantity: 1, detail: event.type });
		let stored = 0;
		for (const change of changes) {
			if ("put" in change && change.put === "attachment") {
				stored += change.row.size;
				addToLedger(this.sql, hour, "bytes.uploaded", change.row.size);
				this.#uncommitted.push({ meter: "bytes.uploaded", quantity: change.row.size });
			}
			if ("remove" in change && change.remove === "attachment")
				stored -= this.sql.one<{ size: number }>("SELECT size FROM attachments WHERE id = ?", change.id)?.size ?? 0;
		}
		if (stored !== 0)
			this.#uncommitted.push({ meter: "storage.byte_seconds", quantity: this.#moveStoredBytes(stored) });
	}

	/** The commit succeeded: its points go to Analytics Engine. */
	committed(): void {
		for (const { meter, quantity, detail } of this.#uncommitted) this.#emit(meter, quantity, detail);
		this.#uncommitted = [];
	}

	/** The commit failed: nothing of it is counted anywhere. */
	rolledBack(): void {
		this.#uncommitted = [];
	}

	/**
	 * Attachment bytes stored change by `delta` outside a commit (the cleanup sweep): integrates
	 * the old level up to now. Call inside the transaction that deletes the rows.
	 */
	storageChanged(delta: number): void {
		if (!this.enabled) return;
		this.#emit("storage.byte_seconds", this.#moveStoredBytes(delta));
	}

	/** Integrates stored bytes up to now and moves the level by `delta`; the byte-seconds added. */
	#moveStoredBytes(delta: number): number {
		const meter: Meter = "storage.byte_seconds";
		return accrueGauge(this.sql, meter, Date.now(), gaugeLevel(this.sql, meter) + delta);
	}

	/** Brings byte-seconds up to now (before usage is read or an invoice computed). */
	accrueStorage(): void {
		if (!this.enabled) return;
		this.storage.transactionSync(() =>
			this.#emit("storage.byte_seconds", accrueGauge(this.sql, "storage.byte_seconds", Date.now())),
		);
	}

	/** Writes every pending count into the ledger; inside flush's transaction. */
	#writePending(): void {
		// The database's own size, integrated like attachment storage: what its bytes cost per month.
		this.#emit(
			"cost.sql_byte_seconds",
			accrueGauge(this.sql, "cost.sql_byte_seconds", Date.now(), this.storage.sql.databaseSize),
		);
		const rows = this.sql.takeRowCounts();
		this.#add("cost.rows_read", rows.read);
		this.#add("cost.rows_written", rows.written);
		for (const [key, quantity] of this.#pending) {
			const [hour = "", meter] = key.split("|") as [string, Meter];
			addToLedger(this.sql, hour, meter, quantity);
		}
		this.#pending.clear();
		const tenant = this.tenant();
		for (const key of this.#active) {
			const [hour = "", memberId = ""] = key.split("|");
			// One AE point per member and hour: the fleet view counts members distinct over them.
			if (markActive(this.sql, hour, memberId) && tenant)
				this.writer.write({
					tenantId: tenant.id,
					plan: tenant.plan,
					meter: "members.active",
					quantity: 1,
					subject: memberId,
				});
		}
		this.#active.clear();
	}

	/** Writes pending counts now, in their own transaction. */
	flush(): void {
		if (this.#timer !== undefined) clearTimeout(this.#timer);
		this.#timer = undefined;
		if (this.#pending.size === 0 && this.#active.size === 0) return;
		this.storage.transactionSync(() => this.#writePending());
	}

	/** Row counts go straight to the ledger: they are taken inside #writePending itself. */
	#add(meter: Meter, quantity: number): void {
		if (quantity === 0) return;
		const key = `${hourOf(Date.now())}|${meter}`;
		this.#pending.set(key, (this.#pending.get(key) ?? 0) + quantity);
		this.#emit(meter, quantity);
	}

	#emit(meter: Meter, quantity: number, detail?: string): void {
		const tenant = this.tenant();
		if (tenant && quantity !== 0)
			this.writer.write({ tenantId: tenant.id, plan: tenant.plan, meter, quantity, detail });
	}

	#flushSoon(): void {
		this.#timer ??= setTimeout(() => this.flush(), FLUSH_AFTER_MS);
	}
}
