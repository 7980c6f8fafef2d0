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
import { fail, ok, type Result } from "../../shared/errors";
import type { CommittedEvent, Operation } from "../../shared/protocol";
import { canManage, type Plan } from "../../shared/tenant";
import { touchDirectory } from "../directory/client";
import type { AttachmentScope } from "./attachment-scope";
import * as attachments from "./attachments";
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
import {
	addApiKey,
	addMember,
	type Credential,
	getUser,
	listApiKeys,
	listMembers,
	resolveActor,
	signIn,
} from "./members";
import { isProvisioned, migrate } from "./migrations";
import { type Actor, type Applied, applyOperation, createBoard } from "./operations";
import { Sql } from "./sql";
import { SqliteBoardStore } from "./sqlite-store";
import { readTenant, removeTenantData, updateTenant, usageSummary, writeTenant } from "./tenant-record";
import { completeUpload, type SingleUpload } from "./upload-completion";
import * as uploads from "./uploads";

/** How often, at most, the tenant reports its last activity to the directory. */
const TOUCH_INTERVAL_MS = 60_000;

export class Tenant extends Server<Env> {
	static override options = { hibernate: true };

	readonly #sql = new Sql(this.ctx.storage);
	/** Every commit, whatever made it, runs #afterCommit once it is durable. */
	readonly #store = new SqliteBoardStore(this.#sql, this.ctx.storage, (committed) => this.#afterCommit(committed));
	/** What collaboration.ts sees of this object. Kept private: public members are RPC surface. */
	readonly #room: Room = {
		store: this.#store,
		resolve: (credential) => {
			const actor = this.#authorize(credential);
			return actor.ok ? actor.value : undefined;
		},
		connections: (boardId) => this.getConnections<SocketState>(boardTag(boardId)),
	};
	#lastTouch = 0;
	readonly #completing = new Map<string, Promise<Result<Attachment>>>();
	/** Who this tenant is, cached for the hot path; undefined until read, null when unprovisioned. */
	#identity: Pick<TenantInfo, "id" | "slug" | "name" | "plan" | "status"> | null | undefined;

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
		return tenant ? ok({ ...tenant, usage: usageSummary(this.#sql) }) : fail("not_found", "No such workspace.");
	}

	async update(patch: TenantUpdate): Promise<Result<TenantInfo>> {
		this.#identity = undefined;
		const tenant = updateTenant(this.#sql, patch);
		if (!tenant) return fail("not_found", "No such workspace.");
		// A suspended tenant's open sockets are closed now, not at their next message.
		if (tenant.status === "suspended")
			for (const socket of this.getConnections()) socket.close(4403, "Tenant suspended");
		return ok(tenant);
	}

	/** Removes everything of this tenant: attachments in R2, alarms, and every row. Idempotent. */
	async destroy(): Promise<Result<null>> {
		for (const socket of this.getConnections()) socket.close(4404, "Tenant deleted");
		await removeTenantData(this.ctx.storage, this.#sql, this.env.ATTACHMENTS);
		this.#identity = undefined;
		return ok(null);
	}

	async addMember(input: NewMember): Promise<Result<Member>> {
		if (!this.#tenant()) return fail("not_found", "No such workspace.");
		return addMember(this.#sql, input);
	}

	// ── Sign-in and identity ──────────────────────────────────────────────────

	async signIn(email: string, password: string): Promise<Result<{ user: User; tenantId: string }>> {
		const tenant = this.#tenant();
		if (!tenant) return fail("not_found", "No such workspace.");
		if (tenant.status === "suspended") return fail("tenant_suspended", "This workspace is suspended.");
		const user = await signIn(this.#sql, email, password);
		return user.ok ? ok({ user: user.value, tenantId: tenant.id }) : user;
	}

	async me(credential: Credential): Promise<Result<Me>> {
		const actor = this.#authorize(credential);
		if (!actor.ok) return actor;
		const tenant = this.#tenant();
		if (!tenant) return fail("not_found", "No such workspace.");
		// An API key acts as itself, not as a member row.
		const { userId, name, role } = actor.value;
		const user = getUser(this.#sql, userId) ?? { id: userId, email: "", name, role };
		return ok({ user, tenant: { slug: tenant.slug, name: tenant.name, plan: tenant.plan, status: tenant.status } });
	}

	async listMembers(credential: Credential): Promise<Result<Member[]>> {
		return this.#with(credential, () => ok(listMembers(this.#sql)));
	}

	async createApiKey(credential: Credential, input: NewApiKey, keyHash: string): Promise<Result<ApiKey>> {
		return this.#with(credential, (actor) =>
			canManage(actor.role)
				? ok(addApiKey(this.#sql, actor, input, keyHash))
				: fail("forbidden", "Only owners and admins manage API keys."),
		);
	}

	async listApiKeys(credential: Credential): Promise<Result<ApiKey[]>> {
		return this.#with(credential, (actor) =>
			canManage(actor.role) ? ok(listApiKeys(this.#sql)) : fail("forbidden", "Only owners and admins manage API keys."),
		);
	}

	// ── Boards ────────────────────────────────────────────────────────────────

	async listBoards(credential: Credential): Promise<Result<Board[]>> {
		return this.#with(credential, () => ok(this.#store.boards()));
	}

	async createBoard(credential: Credential, title: string, opId: string | null): Promise<Result<Board>> {
		return this.#with(credential, (actor) => createBoard(this.#store, actor, title, opId));
	}

	async getBoard(credential: Credential, boardId: string): Promise<Result<BoardDetail>> {
		return this.#with(credential, () => found(this.#store.boardDetail(boardId), "board"));
	}

	async getCard(credential: Credential, cardId: string): Promise<Result<CardDetail>> {
		return this.#with(credential, () => found(this.#store.cardDetail(cardId), "card"));
	}

	async activity(credential: Credential, boardId: string): Promise<Result<ReturnType<SqliteBoardStore["activity"]>>> {
		return this.#with(credential, () =>
			this.#store.board(boardId) ? ok(this.#store.activity(boardId, 100)) : fail("not_found", "No such board."),
		);
	}

	/** Where a card lives, so HTTP routes addressed by card id can name its board. */
	async cardBoard(credential: Credential, cardId: string): Promise<Result<string>> {
		// Archived cards too, so a retried PATCH that archived one replays instead of answering 404.
		const card = () => this.#store.card(cardId) ?? this.#store.archivedCard(cardId);
		return this.#with(credential, () => found(card()?.boardId, "card"));
	}

	/** Applies one board operation; the same path WebSocket operations take. */
	async apply(credential: Credential, op: Operation, opId: string | null): Promise<Result<Applied>> {
		return this.#with(credential, (actor) => applyOperation(this.#store, actor, op, opId));
	}

	// ── Attachments: the Worker streams bytes to R2; this object keeps metadata, quota, cleanup ──

	/** Reserves quota for a file and says where its bytes go: one PUT, or parts when `multipart`. */
	async beginUpload(
		credential: Credential,
		cardId: string,
		input: NewUpload,
		multipart: boolean,
	): Promise<Result<UploadCreated & uploads.UploadTarget>> {
		return this.#withAttachments(credential, (scope, actor) =>
			uploads.beginUpload(scope, actor, cardId, input, multipart),
		);
	}

	async uploadPartTarget(
		credential: Credential,
		uploadId: string,
		part: number,
	): Promise<Result<uploads.UploadTarget>> {
		return this.#withAttachments(credential, (scope, actor) => uploads.partTarget(scope, actor, uploadId, part));
	}

	async recordUploadPart(credential: Credential, uploadId: string, part: uploads.PartReceipt): Promise<Result<null>> {
		return this.#withAttachments(credential, (scope, actor) => uploads.recordPart(scope, actor, uploadId, part));
	}

	async uploadStatus(credential: Credential, uploadId: string): Promise<Result<UploadStatus>> {
		return this.#withAttachments(credential, (scope, actor) => uploads.uploadStatus(scope, actor, uploadId));
	}

	/** Completes a multipart upload, or (with what the Worker measured) a single PUT. */
	async completeUpload(
		credential: Credential,
		uploadId: string,
		single: SingleUpload | null,
	): Promise<Result<Attachment>> {
		return this.#withAttachments(credential, (scope, actor) => completeUpload(scope, actor, uploadId, single));
	}

	async abortUpload(credential: Credential, uploadId: string): Promise<Result<null>> {
		return this.#withAttachments(credential, (scope, actor) => uploads.abortUpload(scope, actor, uploadId));
	}

	async attachmentForDownload(
		credential: Credential,
		attachmentId: string,
	): Promise<Result<{ attachment: Attachment; key: string }>> {
		return this.#withAttachments(credential, (scope) => attachments.attachmentForDownload(scope, attachmentId));
	}

	async deleteAttachment(credential: Credential, attachmentId: string): Promise<Result<null>> {
		return this.#withAttachments(credential, (scope, actor) =>
			attachments.removeAttachment(scope, actor, attachmentId),
		);
	}

	/** The cleanup alarm: expired uploads and the files of archived cards. */
	override async onAlarm(): Promise<void> {
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
		try {
			await admitSocket(this.#room, connection, request, (credential) => this.#authorize(credential));
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
	#tenant(): Pick<TenantInfo, "id" | "slug" | "name" | "plan" | "status"> | null {
		if (this.#identity === undefined) {
			const record = readTenant(this.#sql);
			this.#identity = record
				? { id: record.id, slug: record.slug, name: record.name, plan: record.plan, status: record.status }
				: null;
		}
		return this.#identity;
	}

	#authorize(credential: Credential): Result<Actor> {
		const tenant = this.#tenant();
		if (!tenant) return fail("not_found", "No such workspace.");
		if (tenant.status === "suspended")
			return fail("tenant_suspended", "This workspace is suspended. Ask its owner to contact support.");
		const actor = resolveActor(this.#sql, tenant.id, credential);
		return actor ? ok(actor) : fail("unauthenticated", "Sign in again.");
	}

	#attachmentScope(): AttachmentScope | undefined {
		const tenant = this.#tenant();
		if (!tenant) return undefined;
		const { storage } = this.ctx;
		const completing = this.#completing;
		return { sql: this.#sql, storage, store: this.#store, bucket: this.env.ATTACHMENTS, tenant, completing };
	}

	async #withAttachments<T>(
		credential: Credential,
		work: (scope: AttachmentScope, actor: Actor) => Result<T> | Promise<Result<T>>,
	): Promise<Result<T>> {
		const scope = this.#attachmentScope();
		return scope ? this.#with(credential, (actor) => work(scope, actor)) : fail("not_found", "No such workspace.");
	}

	async #with<T>(credential: Credential, work: (actor: Actor) => Result<T> | Promise<Result<T>>): Promise<Result<T>> {
		const actor = this.#authorize(credential);
		return actor.ok ? work(actor.value) : actor;
	}
}

function found<T>(value: T | undefined, noun: string): Result<T> {
	return value === undefined ? fail("not_found", `No such ${noun}.`) : ok(value);
}
