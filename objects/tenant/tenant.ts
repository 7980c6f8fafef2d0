// The Tenant Durable Object: one per customer organisation, holding all of its data in its own
// SQLite database and its live board sockets. Its RPC methods are the tenant's API, each handed to
// the TenantService (objects/domain), which the D1 variant runs too; what is particular to the
// object is here: its own SQLite store, the cleanup alarm, and the sockets (partyserver hooks).
import { type Connection, type ConnectionContext, Server, type WSMessage } from "partyserver";
import type { NewApiKey, NewMember, NewUpload, TenantUpdate } from "../../shared/api";
import type { UsageRange } from "../../shared/billing";
import type { CommittedEvent, Operation } from "../../shared/protocol";
import type { Plan } from "../../shared/tenant";
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
import { Sql } from "./sql";
import { SqliteDb } from "./sqlite-db";
import { SqliteBoardStore } from "./sqlite-store";
import { sqliteTenantRecords } from "./tenant-record";

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
		return this.#service.provision(input);
	}

	async describe() {
		return this.#service.describe();
	}

	async update(patch: TenantUpdate) {
		return this.#service.update(patch);
	}

	async destroy() {
		return this.#service.destroy();
	}

	async addMember(input: NewMember) {
		return this.#service.addMember(input);
	}

	async operatorUsage(range: UsageRange) {
		return this.#service.operatorUsage(range);
	}

	async operatorInvoices() {
		return this.#service.operatorInvoices();
	}

	// ── Sign-in, members and keys ─────────────────────────────────────────────

	async signIn(attempt: SignInAttempt) {
		return this.#service.signIn(attempt);
	}

	async signOut(credential: Credential, everywhere: boolean) {
		return this.#service.signOut(credential, everywhere);
	}

	async me(credential: Credential) {
		return this.#service.me(credential);
	}

	async listMembers(credential: Credential) {
		return this.#service.listMembers(credential);
	}

	async removeMember(credential: Credential, userId: string) {
		return this.#service.removeMember(credential, userId);
	}

	async createApiKey(credential: Credential, input: NewApiKey, keyHash: string) {
		return this.#service.createApiKey(credential, input, keyHash);
	}

	async revokeApiKey(credential: Credential, keyId: string) {
		return this.#service.revokeApiKey(credential, keyId);
	}

	async listApiKeys(credential: Credential) {
		return this.#service.listApiKeys(credential);
	}

	// ── Boards ────────────────────────────────────────────────────────────────

	async listBoards(credential: Credential) {
		return this.#service.listBoards(credential);
	}

	async createBoard(credential: Credential, title: string, opId: string | null) {
		return this.#service.createBoard(credential, title, opId);
	}

	async getBoard(credential: Credential, boardId: string) {
		return this.#service.getBoard(credential, boardId);
	}

	async getCard(credential: Credential, cardId: string) {
		return this.#service.getCard(credential, cardId);
	}

	async activity(credential: Credential, boardId: string) {
		return this.#service.activity(credential, boardId);
	}

	async cardBoard(credential: Credential, cardId: string) {
		return this.#service.cardBoard(credential, cardId);
	}

	async apply(credential: Credential, op: Operation, opId: string | null) {
		return this.#service.apply(credential, op, opId);
	}

	// ── Attachments ───────────────────────────────────────────────────────────

	async beginUpload(credential: Credential, cardId: string, input: NewUpload, multipart: boolean) {
		return this.#service.beginUpload(credential, cardId, input, multipart);
	}

	async uploadPartTarget(credential: Credential, uploadId: string, part: number) {
		return this.#service.uploadPartTarget(credential, uploadId, part);
	}

	async recordUploadPart(credential: Credential, uploadId: string, part: PartReceipt) {
		return this.#service.recordUploadPart(credential, uploadId, part);
	}

	async uploadStatus(credential: Credential, uploadId: string) {
		return this.#service.uploadStatus(credential, uploadId);
	}

	async completeUpload(credential: Credential, uploadId: string, single: SingleUpload | null) {
		return this.#service.completeUpload(credential, uploadId, single);
	}

	async abortUpload(credential: Credential, uploadId: string) {
		return this.#service.abortUpload(credential, uploadId);
	}

	async attachmentForDownload(credential: Credential, attachmentId: string) {
		return this.#service.attachmentForDownload(credential, attachmentId);
	}

	async deleteAttachment(credential: Credential, attachmentId: string) {
		return this.#service.deleteAttachment(credential, attachmentId);
	}

	async recordDownload(credential: Credential, bytes: number) {
		return this.#service.recordDownload(credential, bytes);
	}

	// ── Usage and billing ─────────────────────────────────────────────────────

	async usage(credential: Credential, range: UsageRange) {
		return this.#service.usage(credential, range);
	}

	async invoices(credential: Credential) {
		return this.#service.invoices(credential);
	}

	/** The cleanup alarm: expired uploads and the files of cards archived past their retention. */
	override async onAlarm(): Promise<void> {
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
		return handleFrame(this.#room, connection, message);
	}

	override onClose(connection: BoardSocket): void {
		const boardId = connection.state?.boardId;
		if (boardId) broadcastPresence(this.#room, boardId, connection.id);
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
