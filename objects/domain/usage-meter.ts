// Metering: every metered event goes to both stores, the exact ledger (hourly rows in the tenant's
// database) and Analytics Engine (one point per event, through the writer).
//
// When the ledger row is written is a cost trade-off, stated here once:
// - What changes data is counted in the transaction of the change (operations, bytes uploaded and
//   stored): a failed or replayed write is never counted, a committed one always is.
// - Requests, socket messages and SQLite row counts change nothing. Writing a ledger row for each
//   would cost more writes than the work itself (and slow every request), so they gather in memory
//   and are written together, a row per meter and hour: in the Durable Object at most every few
//   seconds and before any usage is read; in the D1 variant, whose Worker keeps nothing between
//   requests, at the end of each request, off its response's path. A crash in that window loses
//   those seconds of counts: the price of not tripling the cost of every read.
import type { Meter, RequestClass } from "../../shared/meters";
import { requestMeter } from "../../shared/meters";
import type { UsageWriter } from "../usage/writer";
import type { Db, Statement } from "./db";
import type { Commit } from "./store";
import { accrueGauge, addToLedger, gaugeLevel, hourOf, markActive } from "./usage-ledger";

export interface MeteredTenant {
	id: string;
	plan: string;
}

export interface MeterOptions {
	/** False only when the load test measures a run without metering (METERING = "off"). */
	enabled: boolean;
	/** Write pending counts this long after the first one; null: the owner calls flush(). */
	flushAfterMs: number | null;
	/** The tenant database's own size, where it has one of its own (the Durable Object). */
	databaseBytes?: () => number;
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
		private readonly db: Db,
		private readonly writer: UsageWriter,
		private readonly tenant: () => MeteredTenant | null,
		private readonly options: MeterOptions,
	) {}

	/** A new invocation: the writer's per-invocation budget starts over, and the request to us counts. */
	begin(): void {
		if (!this.options.enabled) return;
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
		// A tenant that does not exist has no ledger, and nobody to bill.
		if (!this.options.enabled || quantity === 0 || !this.tenant()) return;
		const key = `${hourOf(Date.now())}|${meter}`;
		this.#pending.set(key, (this.#pending.get(key) ?? 0) + quantity);
		this.#emit(meter, quantity, detail);
		this.#flushSoon();
	}

	active(memberId: string): void {
		if (!this.options.enabled || !this.tenant()) return;
		const key = `${hourOf(Date.now())}|${memberId}`;
		if (this.#recorded.has(key)) return;
		this.#active.add(key);
		this.#flushSoon();
	}

	/**
	 * The ledger statements that commit with a change: one operation, and for attachments the bytes
	 * uploaded and the change in bytes stored. Their Analytics Engine points wait for `committed()`.
	 */
	async commitStatements({ changes, event }: Commit): Promise<Statement[]> {
		if (!this.options.enabled) return [];
		const hour = hourOf(Date.now());
		const statements = [addToLedger(hour, "operations", 1)];
		this.#uncommitted = [{ meter: "operations", quantity: 1, detail: event.type }];
		let stored = 0;
		for (const change of changes) {
			if ("put" in change && change.put === "attachment") {
				stored += change.row.size;
				statements.push(addToLedger(hour, "bytes.uploaded", change.row.size));
				this.#uncommitted.push({ meter: "bytes.uploaded", quantity: change.row.size });
			}
			if ("remove" in change && change.remove === "attachment")
				stored -=
					(await this.db.one<{ size: number }>("SELECT size FROM attachments WHERE @tenant AND id = ?", change.id))
						?.size ?? 0;
		}
		if (stored !== 0) {
			const accrual = await this.#moveStoredBytes(stored);
			statements.push(...accrual.statements);
			this.#uncommitted.push({ meter: "storage.byte_seconds", quantity: accrual.added });
		}
		return statements;
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

	/** Attachment bytes stored changed by `delta` outside a commit (the cleanup sweep). */
	async storageChanged(delta: number): Promise<void> {
		if (!this.options.enabled || !this.tenant()) return;
		const accrual = await this.#moveStoredBytes(delta);
		await this.db.batch(accrual.statements);
		this.#emit("storage.byte_seconds", accrual.added);
	}

	/** Brings byte-seconds up to now (before usage is read or an invoice computed). */
	async accrueStorage(): Promise<void> {
		if (!this.options.enabled || !this.tenant()) return;
		const accrual = await accrueGauge(this.db, "storage.byte_seconds", Date.now());
		await this.db.batch(accrual.statements);
		this.#emit("storage.byte_seconds", accrual.added);
	}

	/** Writes pending counts now. */
	async flush(): Promise<void> {
		if (this.#timer !== undefined) clearTimeout(this.#timer);
		this.#timer = undefined;
		if (this.#pending.size === 0 && this.#active.size === 0) return;
		const statements: Statement[] = [];
		const tenant = this.tenant();
		const databaseBytes = this.options.databaseBytes;
		if (databaseBytes) {
			// The database's own size, integrated like attachment storage: what its bytes cost per month.
			const accrual = await accrueGauge(this.db, "cost.sql_byte_seconds", Date.now(), databaseBytes());
			statements.push(...accrual.statements);
			this.#emit("cost.sql_byte_seconds", accrual.added);
		}
		const rows = this.db.takeRowCounts();
		this.#add("cost.rows_read", rows.read);
		this.#add("cost.rows_written", rows.written);
		for (const [key, quantity] of this.#pending) {
			const [hour = "", meter] = key.split("|") as [string, Meter];
			statements.push(addToLedger(hour, meter, quantity));
		}
		this.#pending.clear();
		const active = [...this.#active];
		this.#active.clear();
		for (const key of active) {
			const [hour = "", memberId = ""] = key.split("|");
			statements.push(markActive(hour, memberId));
		}
		const written = await this.db.batch(statements);
		// One AE point per member and hour, the first time: the fleet view counts members distinct over them.
		const firsts = written.slice(statements.length - active.length);
		active.forEach((key, i) => {
			if (firsts[i] && tenant) {
				const memberId = key.split("|")[1] ?? "";
				this.writer.write({
					tenantId: tenant.id,
					plan: tenant.plan,
					meter: "members.active",
					quantity: 1,
					subject: memberId,
				});
			}
		});
		// Only this hour's members matter from now on.
		const thisHour = hourOf(Date.now());
		this.#recorded = new Set([...this.#recorded, ...active].filter((key) => key.startsWith(thisHour)));
	}

	/** Integrates stored bytes up to now and moves the level by `delta`. */
	async #moveStoredBytes(delta: number) {
		const meter: Meter = "storage.byte_seconds";
		return accrueGauge(this.db, meter, Date.now(), (await gaugeLevel(this.db, meter)) + delta);
	}

	/** Row counts are taken inside flush itself, so they join the pending counts there. */
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
		const delay = this.options.flushAfterMs;
		if (delay !== null) this.#timer ??= setTimeout(() => void this.flush(), delay);
	}
}
