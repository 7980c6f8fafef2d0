// The Tenant Durable Object: one per customer organisation, holding all of its data in its own
// SQLite database and its live board sockets. Its RPC methods are the tenant's API, each handed to
// the TenantService (objects/domain), which the D1 variant runs too; what is particular to the
// object is here: its own SQLite store, the cleanup alarm, and the sockets (partyserver hooks).
import { type Connection, type ConnectionContext, Server, type WSMessage } from "partyserver";
import type { NewApiKey, NewMember, NewUpload, TenantUpdate } from "../../shared/api";
import type { UsageRange } from "../../shared/billing";
import type { CommittedEvent, Operation } from "../../shared/protocol";
import type { InviteAcceptance, NewInvite, PasswordChange } from "../../shared/self-service";
import type { Plan, Role } from "../../shared/tenant";
import { directoryFor, touchDirectory } from "../directory/client";
import { purgeTime } from "../domain/attachments";
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
} from "../domain/collaboration";
import type { InviteRef } from "../domain/invites";
import type { Credential } from "../domain/members";
import { isRevoked, type Revoked } from "../domain/revocation";
import type { SignInAttempt } from "../domain/sign-in";
import { memoryFailureLog } from "../domain/sign-in-throttle";
import { TenantService } from "../domain/tenant-service";
import type { SingleUpload } from "../domain/upload-completion";
import type { PartReceipt } from "../domain/uploads";
import { UsageMeter } from "../domain/usage-meter";
import { usageWriter } from "../usage/recorder";
import { isProvisioned, migrate } from "./migrations";
import { restoreToTime } from "./point-in-time";
import { migrateTenant } from "./rollout-step";
import { Sql } from "./sql";
import { SqliteDb } from "./sqlite-db";
import { SqliteBoardStore } from "./sqlite-store";
import { sqliteTenantRecords } from "./tenant-record";

/** What every RPC answer may carry: that this call had to wake the object (request-log.ts logs it). */
export type Woke = { woke?: true };

/** The same news on a socket upgrade's response. */
export const WOKE_HEADER = "x-object-woke";

/** How often, at most, the tenant reports its last activity to the directory. */
const TOUCH_INTERVAL_MS = 60_000;
/** Read and message counts wait this long in memory before they are written (see usage-meter.ts). */
const FLUSH_AFTER_MS = 5_000;

export class Tenant extends Server<Env> {
	static override options = { hibernate: true };

	readonly #sql = new Sql(this.ctx.storage);
	readonly #db = new SqliteDb(this.#sql, this.ctx.storage);
	readonly #meter = new UsageMeter(
		this.#db,
		usageWriter(this.env, "do", (promise) => this.ctx.waitUntil(promise)),
		() => this.#service.identityNow(),
		{
			enabled: this.env.METERING !== "off",
			flushAfterMs: FLUSH_AFTER_MS,
			databaseBytes: () => this.ctx.storage.sql.databaseSize,
		},
	);
	/** Every commit, whatever made it, is metered in its transaction and runs #afterCommit once durable. */
	readonly #store = new SqliteBoardStore(this.#sql, this.#db, this.ctx.storage, {
		ledger: (commit) => this.#meter.commitStatements(commit),
		after: (committed) => {
			this.#meter.committed();
			this.#afterCommit(committed);
		},
		failed: () => this.#meter.rolledBack(),
	});
	readonly #service: TenantService = new TenantService({
		db: this.#db,
		store: this.#store,
		records: sqliteTenantRecords(this.#sql, this.#db, this.ctx.storage),
		meter: this.#meter,
		bucket: this.env.ATTACHMENTS,
		billing: (slug) => directoryFor(this.env, slug),
		strangerFailures: memoryFailureLog(),
		closeSockets: async (code, reason, match) => this.#closeSockets(code, reason, match),
		scheduleSweep: (at) => this.#scheduleSweep(at),
		completing: new Map(),
	});
	/** What collaboration sees of this object. Kept private: public members are RPC surface. */
	readonly #room: Room = {
		store: this.#store,
		meter: this.#meter,
		resolve: async (credential) => {
			const actor = await this.#service.authorize(credential);
			return actor.ok ? actor.value : undefined;
		},
		connections: (boardId) => this.getConnections<SocketState>(boardTag(boardId)),
	};
	#lastTouch = 0;
	/** Until this object has answered once, its answers say it just woke (the Worker logs that). */
	#justWoke = true;

	constructor(ctx: DurableObjectState, env: Env) {
		super(ctx, env);
		// Schema check on wake: cheap when current. An object never provisioned stays empty, so a
		// request for an unknown tenant writes nothing.
		if (isProvisioned(this.#sql)) migrate(ctx.storage, this.#sql);
		// Who this tenant is, known before the first event: metering names the tenant synchronously.
		void ctx.blockConcurrencyWhile(async () => void (await this.#service.identity()));
	}

	// ── Control plane (called by the admin API) ───────────────────────────────

	async provision(input: { slug: string; name: string; plan: Plan }) {
		if (!(await this.#service.identity())) migrate(this.ctx.storage, this.#sql);
		return this.#answer(this.#service.provision(input));
	}

	async describe() {
		return this.#answer(this.#service.describe());
	}

	async update(patch: TenantUpdate) {
		return this.#answer(this.#service.update(patch));
	}

	async destroy() {
		return this.#answer(this.#service.destroy());
	}

	async addMember(input: NewMember) {
		return this.#answer(this.#service.addMember(input));
	}

	// ── Fleet jobs (the admin API and the fleet queue) ────────────────────────

	async markDeleting() {
		return this.#answer(this.#service.markDeleting());
	}

	async purge(tenantId: string) {
		return this.#answer(this.#service.purge(tenantId));
	}

	async exportArchive(tenantId: string, exportId: string, variant: string) {
		return this.#answer(this.#service.exportArchive(tenantId, exportId, variant));
	}

	async importArchive(key: string) {
		return this.#answer(this.#service.importArchive(key));
	}

	async exportAccess(credential: Credential) {
		return this.#answer(this.#service.exportAccess(credential));
	}

	/** A schema rollout's step for this tenant: migrations run now, not at its next wake. */
	async migrateSchema() {
		return migrateTenant(this.ctx.storage, this.#sql, () => this.#service.describe());
	}

	/** Point-in-time restore: the database goes back to `at` when the object restarts, which it does at once. */
	async restoreTo(at: number) {
		return restoreToTime(this.ctx, at);
	}

	async operatorUsage(range: UsageRange) {
		return this.#answer(this.#service.operatorUsage(range));
	}

	async operatorInvoices() {
		return this.#answer(this.#service.operatorInvoices());
	}

	// ── Sign-in, members and keys ─────────────────────────────────────────────

	async signIn(attempt: SignInAttempt) {
		return this.#answer(this.#service.signIn(attempt));
	}

	async signOut(credential: Credential, everywhere: boolean) {
		return this.#answer(this.#service.signOut(credential, everywhere));
	}

	async me(credential: Credential) {
		return this.#answer(this.#service.me(credential));
	}

	async updateProfile(credential: Credential, name: string) {
		return this.#answer(this.#service.updateProfile(credential, name));
	}

	async changePassword(credential: Credential, change: PasswordChange, client: string) {
		return this.#answer(this.#service.changePassword(credential, change, client));
	}

	async listMembers(credential: Credential) {
		return this.#answer(this.#service.listMembers(credential));
	}

	async changeRole(credential: Credential, userId: string, role: Role) {
		return this.#answer(this.#service.changeRole(credential, userId, role));
	}

	async removeMember(credential: Credential, userId: string) {
		return this.#answer(this.#service.removeMember(credential, userId));
	}

	async createInvite(credential: Credential, input: NewInvite) {
		return this.#answer(this.#service.createInvite(credential, input));
	}

	async listInvites(credential: Credential) {
		return this.#answer(this.#service.listInvites(credential));
	}

	async revokeInvite(credential: Credential, inviteId: string) {
		return this.#answer(this.#service.revokeInvite(credential, inviteId));
	}

	async previewInvite(ref: InviteRef) {
		return this.#answer(this.#service.previewInvite(ref));
	}

	async acceptInvite(ref: InviteRef, input: InviteAcceptance) {
		return this.#answer(this.#service.acceptInvite(ref, input));
	}

	async renameWorkspace(credential: Credential, name: string) {
		return this.#answer(this.#service.renameWorkspace(credential, name));
	}

	async createApiKey(credential: Credential, input: NewApiKey, keyHash: string) {
		return this.#answer(this.#service.createApiKey(credential, input, keyHash));
	}

	async revokeApiKey(credential: Credential, keyId: string) {
		return this.#answer(this.#service.revokeApiKey(credential, keyId));
	}

	async listApiKeys(credential: Credential) {
		return this.#answer(this.#service.listApiKeys(credential));
	}

	// ── Boards ────────────────────────────────────────────────────────────────

	async listBoards(credential: Credential) {
		return this.#answer(this.#service.listBoards(credential));
	}

	async createBoard(credential: Credential, title: string, opId: string | null) {
		return this.#answer(this.#service.createBoard(credential, title, opId));
	}

	async getBoardJson(credential: Credential, boardId: string) {
		return this.#answer(this.#service.getBoardJson(credential, boardId));
	}

	async setBoardArchived(credential: Credential, boardId: string, archived: boolean, opId: string | null) {
		return this.#answer(this.#service.setBoardArchived(credential, boardId, archived, opId));
	}

	async archivedBoards(credential: Credential) {
		return this.#answer(this.#service.archivedBoards(credential));
	}

	async boardArchive(credential: Credential, boardId: string) {
		return this.#answer(this.#service.boardArchive(credential, boardId));
	}

	async search(credential: Credential, query: string) {
		return this.#answer(this.#service.search(credential, query));
	}

	async getCard(credential: Credential, cardId: string) {
		return this.#answer(this.#service.getCard(credential, cardId));
	}

	async activity(credential: Credential, boardId: string) {
		return this.#answer(this.#service.activity(credential, boardId));
	}

	async cardBoard(credential: Credential, cardId: string) {
		return this.#answer(this.#service.cardBoard(credential, cardId));
	}

	async apply(credential: Credential, op: Operation, opId: string | null) {
		return this.#answer(this.#service.apply(credential, op, opId));
	}

	// ── Attachments ───────────────────────────────────────────────────────────

	async beginUpload(credential: Credential, cardId: string, input: NewUpload, multipart: boolean) {
		return this.#answer(this.#service.beginUpload(credential, cardId, input, multipart));
	}

	async uploadPartTarget(credential: Credential, uploadId: string, part: number) {
		return this.#answer(this.#service.uploadPartTarget(credential, uploadId, part));
	}

	async recordUploadPart(credential: Credential, uploadId: string, part: PartReceipt) {
		return this.#answer(this.#service.recordUploadPart(credential, uploadId, part));
	}

	async uploadStatus(credential: Credential, uploadId: string) {
		return this.#answer(this.#service.uploadStatus(credential, uploadId));
	}

	async completeUpload(credential: Credential, uploadId: string, single: SingleUpload | null) {
		return this.#answer(this.#service.completeUpload(credential, uploadId, single));
	}

	async abortUpload(credential: Credential, uploadId: string) {
		return this.#answer(this.#service.abortUpload(credential, uploadId));
	}

	async attachmentForDownload(credential: Credential, attachmentId: string) {
		return this.#answer(this.#service.attachmentForDownload(credential, attachmentId));
	}

	async deleteAttachment(credential: Credential, attachmentId: string) {
		return this.#answer(this.#service.deleteAttachment(credential, attachmentId));
	}

	async recordDownload(credential: Credential, bytes: number) {
		return this.#answer(this.#service.recordDownload(credential, bytes));
	}

	// ── Usage and billing ─────────────────────────────────────────────────────

	async usage(credential: Credential, range: UsageRange) {
		return this.#answer(this.#service.usage(credential, range));
	}

	async invoices(credential: Credential) {
		return this.#answer(this.#service.invoices(credential));
	}

	/** The cleanup alarm: expired uploads and the files of cards archived past their retention. */
	override async onAlarm(): Promise<void> {
		this.#justWoke = false;
		this.#meter.begin();
		const next = await this.#service.sweep();
		// Inside the alarm handler no alarm is pending, so the next one is set outright.
		if (next !== undefined) await this.ctx.storage.setAlarm(next);
	}

	// ── Collaboration (partyserver hooks) ─────────────────────────────────────

	// partyserver reports a hook that throws during the upgrade with `err.stack` in a frame, so
	// these two never throw: a bad board id gets a harmless tag and is closed by admitSocket.
	override getConnectionTags(_connection: Connection, { request }: ConnectionContext): string[] {
		return [boardTag(boardParam(request) ?? "none")];
	}

	override async onConnect(connection: BoardSocket, { request }: ConnectionContext): Promise<void> {
		const boardId = boardParam(request) ?? "";
		await this.#service.identity();
		this.#meter.begin();
		try {
			await admitSocket(this.#room, connection, request, (credential) => this.#service.admit(credential, boardId));
		} catch (error) {
			console.error("Admitting a socket failed", error);
			connection.close(1011, "Something went wrong on our side");
		}
	}

	override onMessage(connection: BoardSocket, message: WSMessage): Promise<void> {
		this.#justWoke = false;
		return handleFrame(this.#room, connection, message);
	}

	override onClose(connection: BoardSocket): void {
		this.#justWoke = false;
		const boardId = connection.state?.boardId;
		if (boardId) broadcastPresence(this.#room, boardId, connection.id);
	}

	override onRequest(): Response {
		return Response.json({ error: { code: "not_found", message: "Not found." } }, { status: 404 });
	}

	/** partyserver answers its own failures with `err.stack` as a text body; ours is JSON without one. */
	override async fetch(request: Request): Promise<Response> {
		const woke = this.#justWoke;
		this.#justWoke = false;
		const response = await super.fetch(request);
		if (woke && response.status === 101) return wokeUpgrade(response);
		if (response.status !== 500) return response;
		return Response.json(
			{ error: { code: "internal", message: "Something went wrong on our side." } },
			{ status: 500 },
		);
	}

	// ── Private ───────────────────────────────────────────────────────────────

	/** An RPC method's answer; the first one since the object woke carries `woke: true`. */
	async #answer<T extends object>(answer: Promise<T>): Promise<T & Woke> {
		const value = await answer;
		if (!this.#justWoke) return value;
		this.#justWoke = false;
		return { ...value, woke: true };
	}

	/** After every commit: tell everyone on the board, and now and then tell the directory. */
	#afterCommit(committed: CommittedEvent): void {
		broadcastEvent(this.#room, committed);
		const purgeAt = purgeTime(committed.event, Date.now());
		if (purgeAt !== undefined) this.ctx.waitUntil(this.#scheduleSweep(purgeAt));
		const now = Date.now();
		const tenant = now - this.#lastTouch > TOUCH_INTERVAL_MS ? this.#service.identityNow() : null;
		if (tenant) {
			this.#lastTouch = now;
			this.ctx.waitUntil(touchDirectory(this.env, tenant.slug, new Date(now).toISOString()).catch(() => {}));
		}
	}

	/** Makes sure the cleanup alarm fires by `at`. */
	async #scheduleSweep(at: number): Promise<void> {
		const current = await this.ctx.storage.getAlarm();
		if (current === null || current > at) await this.ctx.storage.setAlarm(at);
	}

	#closeSockets(code: number, reason: string, match?: Revoked): void {
		for (const socket of this.getConnections<SocketState>()) {
			const credential = socket.state?.credential;
			if (!match || (credential && isRevoked(match, credential))) socket.close(code, reason);
		}
	}
}

function wokeUpgrade(response: Response): Response {
	const headers = new Headers(response.headers);
	headers.set(WOKE_HEADER, "1");
	return new Response(null, { status: 101, webSocket: response.webSocket, headers });
}
