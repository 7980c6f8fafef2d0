// The Tenant Durable Object: one per customer organisation, holding all of its data in its own
// SQLite database and its live board sockets. It reads as a table of contents: each RPC method
// checks who is calling and hands the work to a module beside it.
import { type Connection, type ConnectionContext, Server, type WSMessage } from "partyserver";
import type {
	ApiKey,
	Attachment,
	Board,
	BoardDetail,
	CardDetail,
	Me,
	Member,
	NewApiKey,
	NewMember,
	NewUpload,
	Tenant as TenantInfo,
	TenantUpdate,
	UploadCreated,
	UploadStatus,
	User,
} from "../../shared/api";
import type { InvoiceList, UsageRange, UsageReport } from "../../shared/billing";
import { fail, ok, type Result } from "../../shared/errors";
import type { RequestClass } from "../../shared/meters";
import { PLANS } from "../../shared/plans";
import type { CommittedEvent, Operation } from "../../shared/protocol";
import { canManage, type Plan } from "../../shared/tenant";
import { directoryFor, touchDirectory } from "../directory/client";
import { type Actor, type Applied, applyOperation, createBoard } from "../domain/operations";
import { usageWriter } from "../usage/recorder";
import type { AttachmentScope } from "./attachment-scope";
import * as attachments from "./attachments";
import { type BillingRecords, finalInvoice, invoiceList, usageReport } from "./billing";
import {
	admitSocket,
	type BoardSocket,
	boardParam,
	boardTag,
	broadcastEvent,
	broadcastPresence,
	handleFrame,
	type Room,
	type SocketState,
} from "./collaboration";
import { addApiKey, addMember, type Credential, getUser, listApiKeys, listMembers, resolveActor } from "./members";
import { isProvisioned, migrate } from "./migrations";
import { type Revoked, removeMember, revokeApiKey, signOut } from "./revocation";
import type { Session } from "./sessions";
import { checkPassword, refuseSignIn, type SignInAttempt, signIn } from "./sign-in";
import { memoryFailureLog, sqlFailureLog } from "./sign-in-throttle";
import { Sql } from "./sql";
import { SqliteBoardStore } from "./sqlite-store";
import { readTenant, removeTenantData, updateTenant, usageSummary, writeTenant } from "./tenant-record";
import { redeemTicket } from "./tickets";
import { completeUpload, type SingleUpload } from "./upload-completion";
import * as uploads from "./uploads";
import { UsageMeter } from "./usage-meter";

type Identity = Pick<TenantInfo, "id" | "slug" | "name" | "plan" | "status" | "createdAt">;

/** How often, at most, the tenant reports its last activity to the directory. */
const TOUCH_INTERVAL_MS = 60_000;

export class Tenant extends Server<Env> {
	static override options = { hibernate: true };

	readonly #sql = new Sql(this.ctx.storage);
	readonly #meter = new UsageMeter(
		this.#sql,
		this.ctx.storage,
		usageWriter(this.env, "do", (promise) => this.ctx.waitUntil(promise)),
		() => this.#tenant(),
		this.env.METERING !== "off",
	);
	/** Every commit, whatever made it, is metered in its transaction and runs #afterCommit once durable. */
	readonly #store = new SqliteBoardStore(this.#sql, this.ctx.storage, {
		during: (commit) => this.#meter.recordCommit(commit),
		after: (committed) => {
			this.#meter.committed();
			this.#afterCommit(committed);
		},
		failed: () => this.#meter.rolledBack(),
	});
	/** What collaboration.ts sees of this object. Kept private: public members are RPC surface. */
	readonly #room: Room = {
		store: this.#store,
		meter: this.#meter,
		resolve: (credential) => {
			const actor = this.#authorize(credential);
			return actor.ok ? actor.value : undefined;
		},
		connections: (boardId) => this.getConnections<SocketState>(boardTag(boardId)),
	};
	#lastTouch = 0;
	readonly #completing = new Map<string, Promise<Result<Attachment>>>();
	/** Failed sign-ins where there is no tenant to write them to (see sign-in-throttle.ts). */
	readonly #strangerFailures = memoryFailureLog();
	/** Who this tenant is, cached for the hot path; undefined until read, null when unprovisioned. */
	#identity: Identity | null | undefined;

	constructor(ctx: DurableObjectState, env: Env) {
		super(ctx, env);
		// Schema check on wake: cheap when current. An object never provisioned stays empty, so a
		// request for an unknown tenant writes nothing.
		if (isProvisioned(this.#sql)) migrate(ctx.storage, this.#sql);
	}

	// ── Control plane (called by the admin API) ───────────────────────────────

	async provision(input: { slug: string; name: string; plan: Plan }): Promise<Result<TenantInfo>> {
		if (this.#tenant()) return fail("slug_taken", `The slug ${input.slug} is taken.`);
		migrate(this.ctx.storage, this.#sql);
		this.#identity = undefined;
		return ok(writeTenant(this.#sql, input));
	}

	async describe(): Promise<Result<TenantInfo>> {
		const tenant = readTenant(this.#sql);
		return tenant ? ok({ ...tenant, usage: usageSummary(this.#sql) }) : fail("not_found", "No such tenant.");
	}

	async update(patch: TenantUpdate): Promise<Result<TenantInfo>> {
		this.#identity = undefined;
		const tenant = updateTenant(this.#sql, patch);
		if (!tenant) return fail("not_found", "No such tenant.");
		// A suspended tenant's open sockets are closed now, not at their next message.
		if (tenant.status === "suspended")
			for (const socket of this.getConnections()) socket.close(4403, "Tenant suspended");
		return ok(tenant);
	}

	/**
	 * Removes everything of this tenant: attachments in R2, alarms, and every row. Its last invoice
	 * is frozen in the control plane first, so what was billed outlives it. Idempotent.
	 */
	async destroy(): Promise<Result<null>> {
		for (const socket of this.getConnections()) socket.close(4404, "Tenant deleted");
		const tenant = this.#billed();
		if (tenant) {
			this.#meter.flush();
			this.#meter.accrueStorage();
			await finalInvoice(this.#sql, tenant, this.#billingRecords(tenant.slug));
		}
		await removeTenantData(this.ctx.storage, this.#sql, this.env.ATTACHMENTS);
		this.#identity = undefined;
		return ok(null);
	}

	async addMember(input: NewMember): Promise<Result<Member>> {
		const tenant = this.#tenant();
		if (!tenant) return fail("not_found", "No such tenant.");
		return addMember(this.#sql, input, PLANS[tenant.plan].maxMembers);
	}

	/** One tenant's usage as the operator sees it: the same exact ledger its owners see. */
	async operatorUsage(range: UsageRange): Promise<Result<UsageReport>> {
		const tenant = this.#billed();
		return tenant ? ok(this.#usageReport(tenant, range)) : fail("not_found", "No such workspace.");
	}

	async operatorInvoices(): Promise<Result<InvoiceList>> {
		const tenant = this.#billed();
		return tenant ? ok(await this.#invoices(tenant)) : fail("not_found", "No such workspace.");
	}

	// ── Sign-in and identity ──────────────────────────────────────────────────

	/**
	 * Checks a password and opens a session. An unknown or suspended tenant answers exactly like a
	 * wrong password, after the same PBKDF2 work, so sign-in never tells which tenants exist.
	 */
	async signIn(attempt: SignInAttempt): Promise<Result<{ user: User; tenantId: string; session: Session }>> {
		const tenant = this.#tenant();
		if (!tenant) return refuseSignIn(this.#strangerFailures, attempt);
		if (tenant.status !== "active") {
			// A stranger gets "wrong email or password"; a member who proved their password is told why.
			const member = await checkPassword(sqlFailureLog(this.#sql), this.#sql, attempt);
			return member.ok
				? fail("tenant_suspended", "This workspace is suspended. Ask its owner to contact support.")
				: member;
		}
		const result = await signIn(sqlFailureLog(this.#sql), this.#sql, attempt);
		return result.ok ? ok({ ...result.value, tenantId: tenant.id }) : result;
	}

	/**
	 * Ends the caller's session, or every session of theirs; their sockets close at once. Allowed
	 * in a suspended tenant too: giving up access is never refused.
	 */
	async signOut(credential: Credential, everywhere: boolean): Promise<Result<null>> {
		const tenant = this.#tenant();
		if (!tenant || !resolveActor(this.#sql, tenant.id, credential)) return fail("unauthenticated", "Sign in again.");
		return this.#revoke(signOut(this.#sql, credential, everywhere));
	}

	async me(credential: Credential): Promise<Result<Me>> {
		const actor = this.#authorize(credential);
		if (!actor.ok) return actor;
		const tenant = this.#tenant();
		if (!tenant) return fail("not_found", "No such tenant.");
		// An API key acts as itself, not as a member row.
		const { userId, name, role } = actor.value;
		const user = getUser(this.#sql, userId) ?? { id: userId, email: "", name, role };
		return ok({ user, tenant: { slug: tenant.slug, name: tenant.name, plan: tenant.plan, status: tenant.status } });
	}

	async listMembers(credential: Credential): Promise<Result<Member[]>> {
		return this.#with(credential, "read", () => ok(listMembers(this.#sql)));
	}

	async removeMember(credential: Credential, userId: string): Promise<Result<null>> {
		return this.#with(credential, "write", (actor) =>
			this.#revoke(removeMember(this.#sql, this.ctx.storage, actor, userId)),
		);
	}

	async createApiKey(credential: Credential, input: NewApiKey, keyHash: string): Promise<Result<ApiKey>> {
		return this.#with(credential, "write", (actor) => addApiKey(this.#sql, credential, actor, input, keyHash));
	}

	async revokeApiKey(credential: Credential, keyId: string): Promise<Result<null>> {
		return this.#with(credential, "write", (actor) => this.#revoke(revokeApiKey(this.#sql, actor, keyId)));
	}

	async listApiKeys(credential: Credential): Promise<Result<ApiKey[]>> {
		return this.#with(credential, "read", (actor) =>
			canManage(actor.role) ? ok(listApiKeys(this.#sql)) : fail("forbidden", "Only owners and admins manage API keys."),
		);
	}

	// ── Boards ────────────────────────────────────────────────────────────────

	async listBoards(credential: Credential): Promise<Result<Board[]>> {
		return this.#with(credential, "read", () => ok(this.#store.boards()));
	}

	async createBoard(credential: Credential, title: string, opId: string | null): Promise<Result<Board>> {
		const maxBoards = PLANS[this.#tenant()?.plan ?? "free"].maxBoards;
		return this.#with(credential, "write", (actor) => createBoard(this.#store, actor, title, opId, maxBoards));
	}

	async getBoard(credential: Credential, boardId: string): Promise<Result<BoardDetail>> {
		return this.#with(credential, "read", () => found(this.#store.boardDetail(boardId), "board"));
	}

	async getCard(credential: Credential, cardId: string): Promise<Result<CardDetail>> {
		return this.#with(credential, "read", () => found(this.#store.cardDetail(cardId), "card"));
	}

	async activity(credential: Credential, boardId: string): Promise<Result<ReturnType<SqliteBoardStore["activity"]>>> {
		return this.#with(credential, "read", () =>
			this.#store.board(boardId) ? ok(this.#store.activity(boardId, 100)) : fail("not_found", "No such board."),
		);
	}

	/** Where a card lives, so HTTP routes addressed by card id can name its board. */
	async cardBoard(credential: Credential, cardId: string): Promise<Result<string>> {
		// Archived cards too, so a retried PATCH that archived one replays instead of answering 404.
		const card = () => this.#store.card(cardId) ?? this.#store.archivedCard(cardId);
		return this.#with(credential, null, () => found(card()?.boardId, "card"));
	}

	/** Applies one board operation; the same path WebSocket operations take. */
	async apply(credential: Credential, op: Operation, opId: string | null): Promise<Result<Applied>> {
		return this.#with(credential, "write", (actor) => applyOperation(this.#store, actor, op, opId));
	}

	// ── Attachments: the Worker streams bytes to R2; this object keeps metadata, quota, cleanup ──

	/** Reserves quota for a file and says where its bytes go: one PUT, or parts when `multipart`. */
	async beginUpload(
		credential: Credential,
		cardId: string,
		input: NewUpload,
		multipart: boolean,
	): Promise<Result<UploadCreated & uploads.UploadTarget>> {
		return this.#withAttachments(credential, "upload", (scope, actor) =>
			uploads.beginUpload(scope, actor, cardId, input, multipart),
		);
	}

	async uploadPartTarget(
		credential: Credential,
		uploadId: string,
		part: number,
	): Promise<Result<uploads.UploadTarget>> {
		return this.#withAttachments(credential, "upload", (scope, actor) =>
			uploads.partTarget(scope, actor, uploadId, part),
		);
	}

	async recordUploadPart(credential: Credential, uploadId: string, part: uploads.PartReceipt): Promise<Result<null>> {
		return this.#withAttachments(credential, null, (scope, actor) => uploads.recordPart(scope, actor, uploadId, part));
	}

	async uploadStatus(credential: Credential, uploadId: string): Promise<Result<UploadStatus>> {
		return this.#withAttachments(credential, "read", (scope, actor) => uploads.uploadStatus(scope, actor, uploadId));
	}

	/** Completes a multipart upload, or (with what the Worker measured) a single PUT. */
	async completeUpload(
		credential: Credential,
		uploadId: string,
		single: SingleUpload | null,
	): Promise<Result<Attachment>> {
		return this.#withAttachments(credential, single === null ? "upload" : null, (scope, actor) =>
			completeUpload(scope, actor, uploadId, single),
		);
	}

	async abortUpload(credential: Credential, uploadId: string): Promise<Result<null>> {
		return this.#withAttachments(credential, "upload", (scope, actor) => uploads.abortUpload(scope, actor, uploadId));
	}

	async attachmentForDownload(
		credential: Credential,
		attachmentId: string,
	): Promise<Result<{ attachment: Attachment; key: string }>> {
		return this.#withAttachments(credential, "download", (scope) =>
			attachments.attachmentForDownload(scope, attachmentId),
		);
	}

	async deleteAttachment(credential: Credential, attachmentId: string): Promise<Result<null>> {
		return this.#withAttachments(credential, "write", (scope, actor) =>
			attachments.removeAttachment(scope, actor, attachmentId),
		);
	}

	/** Bytes the Worker sent of a download, known only once it streamed them. Not a request of its own. */
	async recordDownload(credential: Credential, bytes: number): Promise<Result<null>> {
		return this.#with(credential, null, () => {
			this.#meter.count("bytes.downloaded", bytes);
			return ok(null);
		});
	}

	// ── Usage and billing (owners and admins) ─────────────────────────────────

	async usage(credential: Credential, range: UsageRange): Promise<Result<UsageReport>> {
		return this.#with(credential, "read", (actor) => {
			const tenant = this.#billed();
			if (!canManage(actor.role) || !tenant) return fail("forbidden", "Only owners and admins see usage and billing.");
			return ok(this.#usageReport(tenant, range));
		});
	}

	async invoices(credential: Credential): Promise<Result<InvoiceList>> {
		return this.#with(credential, "read", async (actor) => {
			const tenant = this.#billed();
			if (!canManage(actor.role) || !tenant) return fail("forbidden", "Only owners and admins see usage and billing.");
			return ok(await this.#invoices(tenant));
		});
	}

	/** The cleanup alarm: expired uploads and the files of archived cards. */
	override async onAlarm(): Promise<void> {
		this.#meter.begin();
		const scope = this.#attachmentScope();
		if (scope) await attachments.sweepAttachments(scope, Date.now());
	}

	// ── Collaboration (partyserver hooks) ─────────────────────────────────────

	// partyserver reports a hook that throws during the upgrade with `err.stack` in a frame, so
	// these two never throw: a bad board id gets a harmless tag and is closed by admitSocket.
	override getConnectionTags(_connection: Connection, { request }: ConnectionContext): string[] {
		return [boardTag(boardParam(request) ?? "none")];
	}

	override async onConnect(connection: BoardSocket, { request }: ConnectionContext): Promise<void> {
		const boardId = boardParam(request) ?? "";
		this.#meter.begin();
		try {
			await admitSocket(this.#room, connection, request, (credential) => this.#admit(credential, boardId));
		} catch (error) {
			console.error("Admitting a socket failed", error);
			connection.close(1011, "Something went wrong on our side");
		}
	}

	override onMessage(connection: BoardSocket, message: WSMessage): Promise<void> {
		return handleFrame(this.#room, connection, message);
	}

	override onClose(connection: BoardSocket): void {
		const boardId = connection.state?.boardId;
		if (boardId) broadcastPresence(this.#room, boardId);
	}

	override onRequest(): Response {
		return Response.json({ error: { code: "not_found", message: "Not found." } }, { status: 404 });
	}

	/** partyserver answers its own failures with `err.stack` as a text body; ours is JSON without one. */
	override async fetch(request: Request): Promise<Response> {
		const response = await super.fetch(request);
		if (response.status !== 500) return response;
		return Response.json(
			{ error: { code: "internal", message: "Something went wrong on our side." } },
			{ status: 500 },
		);
	}

	// ── Private ───────────────────────────────────────────────────────────────

	/** After every commit: tell everyone on the board, and now and then tell the directory. */
	#afterCommit(committed: CommittedEvent): void {
		broadcastEvent(this.#room, committed);
		const purgeAt = attachments.purgeTime(committed.event, Date.now());
		if (purgeAt !== undefined) this.ctx.waitUntil(uploads.scheduleSweep(this.ctx.storage, purgeAt));
		const now = Date.now();
		const tenant = now - this.#lastTouch > TOUCH_INTERVAL_MS ? this.#tenant() : undefined;
		if (tenant) {
			this.#lastTouch = now;
			this.ctx.waitUntil(touchDirectory(this.env, tenant.slug, new Date(now).toISOString()).catch(() => {}));
		}
	}

	/** The tenant's record, read once and kept until provision, update or destroy change it. */
	#tenant(): Identity | null {
		if (this.#identity === undefined) {
			const record = readTenant(this.#sql);
			this.#identity = record
				? {
						id: record.id,
						slug: record.slug,
						name: record.name,
						plan: record.plan,
						status: record.status,
						createdAt: record.createdAt,
					}
				: null;
		}
		return this.#identity;
	}

	/** The tenant as billing sees it, with every count so far in the ledger. */
	#billed(): Identity | null {
		const tenant = this.#tenant();
		if (tenant) {
			this.#meter.flush();
			this.#meter.accrueStorage();
		}
		return tenant;
	}

	#usageReport(tenant: Identity, range: UsageRange): UsageReport {
		return usageReport(this.#sql, tenant, range);
	}

	#invoices(tenant: Identity): Promise<InvoiceList> {
		return invoiceList(this.#sql, tenant, this.#billingRecords(tenant.slug));
	}

	/** Where closed invoices and adjustments live: the directory shard of this tenant's slug. */
	#billingRecords(slug: string): BillingRecords {
		const directory = directoryFor(this.env, slug);
		return {
			closedInvoices: (tenantId) => directory.closedInvoices(tenantId),
			freezeInvoices: (invoices) => directory.freezeInvoices(invoices),
			adjustments: (tenantId, period) => directory.adjustments(tenantId, period),
		};
	}

	#authorize(credential: Credential): Result<Actor> {
		const tenant = this.#tenant();
		if (!tenant) return fail("not_found", "No such tenant.");
		if (tenant.status === "suspended")
			return fail("tenant_suspended", "This workspace is suspended. Ask its owner to contact support.");
		const actor = resolveActor(this.#sql, tenant.id, credential);
		return actor ? ok(actor) : fail("unauthenticated", "Sign in again.");
	}

	/** A socket's way in: the credential as for any request, and a ticket used once, for its board. */
	#admit(credential: Credential, boardId: string): Result<Actor> {
		const actor = this.#authorize(credential);
		if (!actor.ok || credential.kind !== "session" || !credential.ticket) return actor;
		const redeemed = redeemTicket(this.#sql, credential.ticket, boardId);
		return redeemed.ok ? actor : redeemed;
	}

	/** Closes, now, the sockets that were opened with a credential that was just revoked. */
	#revoke(revoked: Result<Revoked>): Result<null> {
		if (!revoked.ok) return revoked;
		for (const socket of this.getConnections<SocketState>()) {
			const credential = socket.state?.credential;
			if (credential && revoked.value(credential)) socket.close(4401, "Access revoked");
		}
		return ok(null);
	}

	#attachmentScope(): AttachmentScope | undefined {
		const tenant = this.#tenant();
		if (!tenant) return undefined;
		const { storage } = this.ctx;
		const completing = this.#completing;
		const meter = this.#meter;
		return { sql: this.#sql, storage, store: this.#store, bucket: this.env.ATTACHMENTS, tenant, completing, meter };
	}

	async #withAttachments<T>(
		credential: Credential,
		kind: RequestClass | null,
		work: (scope: AttachmentScope, actor: Actor) => Result<T> | Promise<Result<T>>,
	): Promise<Result<T>> {
		const scope = this.#attachmentScope();
		return scope ? this.#with(credential, kind, (actor) => work(scope, actor)) : fail("not_found", "No such tenant.");
	}

	/**
	 * Every RPC from a tenant route comes through here: who is calling, then the work. `kind` is
	 * the request class it is metered as; null for a second call that serves the same request.
	 */
	async #with<T>(
		credential: Credential,
		kind: RequestClass | null,
		work: (actor: Actor) => Result<T> | Promise<Result<T>>,
	): Promise<Result<T>> {
		this.#meter.begin();
		const actor = this.#authorize(credential);
		if (!actor.ok) return actor;
		if (kind) this.#meter.request(kind, credential.kind === "session" ? actor.value.userId : null);
		return work(actor.value);
	}
}

function found<T>(value: T | undefined, noun: string): Result<T> {
	return value === undefined ? fail("not_found", `No such ${noun}.`) : ok(value);
}
