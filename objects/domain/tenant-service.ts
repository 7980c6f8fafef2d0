// One tenant's API, written once for both designs: the Durable Object exposes these methods over
// RPC (objects/tenant/tenant.ts), and the D1 variant's Worker calls them directly (worker/d1/).
// It reads as a table of contents: each method checks who is calling, meters the request, and
// hands the work to a module beside it. What differs between the designs — where rows live, how
// sockets are reached, how the cleanup sweep is scheduled — comes in through TenantDeps.
import type {
	ApiKey,
	ArchivedBoard,
	Attachment,
	Board,
	BoardArchive,
	BoardDetail,
	CardDetail,
	Me,
	Member,
	NewApiKey,
	NewMember,
	NewUpload,
	SearchResult,
	Tenant as TenantInfo,
	TenantUpdate,
	UploadStatus,
	User,
} from "../../shared/api";
import type { InvoiceList, UsageRange, UsageReport } from "../../shared/billing";
import { fail, INVALID_INVITE_MESSAGE, ok, type Result, SUSPENDED_MESSAGE } from "../../shared/errors";
import type { RequestClass } from "../../shared/meters";
import { PLANS } from "../../shared/plans";
import type { Operation } from "../../shared/protocol";
import type { Invite, InviteAcceptance, InvitePreview, NewInvite, PasswordChange } from "../../shared/self-service";
import { canManage, type Plan, type Role } from "../../shared/tenant";
import { changePassword, renameMember } from "./account";
import { type ArchiveSummary, writeArchive } from "./archive-export";
import { type RestoreSummary, restoreArchive } from "./archive-import";
import type { AttachmentScope } from "./attachment-scope";
import * as attachments from "./attachments";
import { type BillingRecords, finalInvoice, invoiceList, usageReport } from "./billing";
import { setBoardArchived } from "./board-archive";
import type { Db } from "./db";
import * as invites from "./invites";
import {
	addApiKey,
	addMember,
	type Credential,
	changeRole,
	getUser,
	listApiKeys,
	listMembers,
	resolveActor,
} from "./members";
import { type Actor, type Applied, applyOperation, createBoard } from "./operations";
import { type Revoked, removeMember, revokeApiKey, signOut } from "./revocation";
import { search } from "./search";
import type { Session } from "./sessions";
import { checkPassword, refuseSignIn, type SignInAttempt, signIn } from "./sign-in";
import { dbFailureLog, type FailureLog } from "./sign-in-throttle";
import type { BoardStore } from "./store";
import type { TenantRecords } from "./tenant-records";
import { removeTenantFiles } from "./tenant-records";
import { redeemTicket } from "./tickets";
import { completeUpload, type SingleUpload } from "./upload-completion";
import * as uploads from "./uploads";
import type { UsageMeter } from "./usage-meter";

/** What differs between the two designs. */
export interface TenantDeps {
	db: Db;
	store: BoardStore;
	records: TenantRecords;
	meter: UsageMeter;
	bucket: R2Bucket;
	/** Closed invoices and adjustments, kept apart from the tenant so they outlive it. */
	billing(slug: string): BillingRecords;
	/** Sign-in failures where there is no tenant to write them to. */
	strangerFailures: FailureLog;
	/** Closes the tenant's open sockets that `match` (all, when omitted). */
	closeSockets(code: number, reason: string, match?: Revoked): Promise<void>;
	/** Makes sure the cleanup sweep runs by `at` (ms). */
	scheduleSweep(at: number): Promise<void>;
	/** Multipart completions in flight (see AttachmentScope). */
	completing: Map<string, Promise<Result<Attachment>>>;
	/**
	 * Before usage is read: counts held elsewhere get written (in the D1 design, the relay's, and
	 * this isolate's end-of-request writes still in flight).
	 */
	settleUsage?(): Promise<void>;
}

export type Identity = Pick<TenantInfo, "id" | "slug" | "name" | "plan" | "status" | "createdAt">;

export class TenantService {
	/** Who this tenant is, cached; undefined until read, null when there is no such tenant. */
	#identity: Identity | null | undefined;

	constructor(private readonly deps: TenantDeps) {}

	// ── Control plane (the admin API) ─────────────────────────────────────────

	async provision(input: { slug: string; name: string; plan: Plan }): Promise<Result<TenantInfo>> {
		const tenant = await this.deps.records.create(input);
		await this.#reload();
		return tenant ? ok(tenant) : fail("slug_taken", `The slug ${input.slug} is taken.`);
	}

	async describe(): Promise<Result<TenantInfo>> {
		const tenant = await this.deps.records.read();
		return tenant ? ok({ ...tenant, usage: await this.deps.records.summary() }) : noTenant();
	}

	async update(patch: TenantUpdate): Promise<Result<TenantInfo>> {
		if ((await this.identity())?.status === "deleting") return deleting();
		const tenant = await this.deps.records.update(patch);
		await this.#reload();
		if (!tenant) return noTenant();
		// A suspended tenant's open sockets are closed now, not at their next message.
		if (tenant.status === "suspended") await this.deps.closeSockets(4403, "Tenant suspended");
		return ok(tenant);
	}

	/**
	 * Removes everything of this tenant: files in R2, then every row. Its last invoice is frozen
	 * first, so what was billed outlives it. Idempotent.
	 */
	async destroy(): Promise<Result<null>> {
		await this.deps.closeSockets(4404, "Tenant deleted");
		const tenant = await this.billed();
		if (tenant) {
			await finalInvoice(this.deps.db, tenant, this.deps.billing(tenant.slug));
			await removeTenantFiles(this.deps.db, this.deps.bucket, tenant.id);
		}
		await this.deps.records.destroy();
		this.#identity = undefined;
		return ok(null);
	}

	async addMember(input: NewMember): Promise<Result<Member>> {
		const tenant = await this.identity();
		if (tenant?.status === "deleting") return deleting();
		return tenant ? addMember(this.deps.db, input, PLANS[tenant.plan].maxMembers) : noTenant();
	}

	// ── Fleet jobs (the admin API and the fleet queue) ────────────────────────

	/** The first step of deleting: refused from now on, sockets closed; the queue purges it later. */
	async markDeleting(): Promise<Result<TenantInfo>> {
		if (!(await this.identity())) return noTenant();
		const tenant = await this.deps.records.update({ status: "deleting" });
		await this.#reload();
		await this.deps.closeSockets(4404, "Tenant deleted");
		return tenant ? ok(tenant) : noTenant();
	}

	/**
	 * The purge job: removes everything, if this is still the tenant that was deleted. A message
	 * delivered twice finds it "gone"; one late enough to meet a new tenant under the same slug
	 * finds it "kept", and leaves it alone.
	 */
	async purge(tenantId: string): Promise<Result<"purged" | "gone" | "kept">> {
		const tenant = await this.identity();
		if (!tenant) return ok("gone");
		if (tenant.id !== tenantId || tenant.status !== "deleting") return ok("kept");
		await this.destroy();
		return ok("purged");
	}

	/** Writes the export archive of this tenant (the export job). */
	async exportArchive(tenantId: string, exportId: string, variant: string): Promise<Result<ArchiveSummary>> {
		const tenant = await this.identity();
		if (!tenant || tenant.id !== tenantId) return fail("not_found", "The workspace was deleted before its export ran.");
		const { id, slug, name, plan } = tenant;
		return ok(
			await writeArchive(this.deps.db, this.deps.bucket, { tenantId: id, slug, name, plan, variant }, exportId),
		);
	}

	/** Restores an export archive into this tenant, just provisioned and still empty. */
	async importArchive(key: string): Promise<Result<RestoreSummary>> {
		const tenant = await this.identity();
		if (!tenant) return noTenant();
		const restored = await restoreArchive(this.deps.db, this.deps.bucket, tenant.id, key);
		if (restored.ok) await this.deps.meter.storageChanged(restored.value.storedBytes);
		return restored;
	}

	/** Who may download this tenant's exports: its owners. The tenant's id, to match the export against. */
	async exportAccess(credential: Credential): Promise<Result<string>> {
		return this.#with(credential, "download", async (actor, tenant) =>
			actor.role === "owner" ? ok(tenant.id) : fail("forbidden", "Only owners download exports of the workspace."),
		);
	}

	async operatorUsage(range: UsageRange): Promise<Result<UsageReport>> {
		const tenant = await this.billed();
		return tenant ? ok(await usageReport(this.deps.db, tenant, range)) : noTenant();
	}

	async operatorInvoices(): Promise<Result<InvoiceList>> {
		const tenant = await this.billed();
		return tenant ? ok(await invoiceList(this.deps.db, tenant, this.deps.billing(tenant.slug))) : noTenant();
	}

	// ── Sign-in and identity ──────────────────────────────────────────────────

	/**
	 * Checks a password and opens a session. An unknown tenant answers exactly like a wrong
	 * password, after the same PBKDF2 work, so sign-in never tells which tenants exist; a suspended
	 * one tells only a member who gave the right password.
	 */
	async signIn(attempt: SignInAttempt): Promise<Result<{ user: User; tenantId: string; session: Session }>> {
		const tenant = await this.identity();
		// A tenant being deleted answers like one that does not exist.
		if (!tenant || tenant.status === "deleting") return refuseSignIn(this.deps.strangerFailures, attempt);
		const failures = dbFailureLog(this.deps.db);
		if (tenant.status !== "active") {
			const member = await checkPassword(failures, this.deps.db, attempt);
			return member.ok ? fail("tenant_suspended", SUSPENDED_MESSAGE) : member;
		}
		const result = await signIn(failures, this.deps.db, attempt);
		return result.ok ? ok({ ...result.value, tenantId: tenant.id }) : result;
	}

	/** Ends the caller's session, or every session of theirs. Allowed in a suspended tenant too. */
	async signOut(credential: Credential, everywhere: boolean): Promise<Result<null>> {
		const tenant = await this.identity();
		if (!tenant || !(await resolveActor(this.deps.db, tenant.id, credential)))
			return fail("unauthenticated", "Sign in again.");
		return this.#revoke(await signOut(this.deps.db, credential, everywhere));
	}

	async me(credential: Credential): Promise<Result<Me>> {
		return this.#with(credential, "read", async (actor, tenant) => ok(await this.#me(actor, tenant)));
	}

	// ── The member's own account ──────────────────────────────────────────────

	/** Changes the caller's display name; answers with who they are now, as `me` does. */
	async updateProfile(credential: Credential, name: string): Promise<Result<Me>> {
		return this.#with(credential, "write", async (actor, tenant) => {
			const user = await renameMember(this.deps.db, credential, name);
			return user.ok ? ok(await this.#me(actor, tenant)) : user;
		});
	}

	/** Changes the caller's password (the current one required) and ends their other sessions and sockets. */
	async changePassword(credential: Credential, change: PasswordChange, client: string): Promise<Result<null>> {
		return this.#with(credential, "write", async () =>
			this.#revoke(await changePassword(dbFailureLog(this.deps.db), this.deps.db, credential, change, client)),
		);
	}

	// ── Members, invites and the workspace's settings (owners and admins) ─────

	async listMembers(credential: Credential): Promise<Result<Member[]>> {
		return this.#with(credential, "read", async () => ok(await listMembers(this.deps.db)));
	}

	/** Gives a member another role; the last owner stays an owner. */
	async changeRole(credential: Credential, userId: string, role: Role): Promise<Result<Member>> {
		return this.#with(credential, "write", (actor) => changeRole(this.deps.db, actor, userId, role));
	}

	/** Records an invite; the Worker signs its link with the tenant's id, which comes back with it. */
	async createInvite(credential: Credential, input: NewInvite): Promise<Result<{ invite: Invite; tenantId: string }>> {
		return this.#with(credential, "write", async (actor, tenant) => {
			const maxMembers = PLANS[tenant.plan].maxMembers;
			const invite = await invites.createInvite(this.deps.db, credential, actor, input, maxMembers);
			return invite.ok ? ok({ invite: invite.value, tenantId: tenant.id }) : invite;
		});
	}

	async listInvites(credential: Credential): Promise<Result<Invite[]>> {
		return this.#with(credential, "read", (actor) => invites.listInvites(this.deps.db, actor));
	}

	async revokeInvite(credential: Credential, inviteId: string): Promise<Result<null>> {
		return this.#with(credential, "write", (actor) => invites.revokeInvite(this.deps.db, actor, inviteId));
	}

	/** What an invite link offers, shown to whoever holds it (no account needed). */
	async previewInvite(ref: invites.InviteRef): Promise<Result<InvitePreview>> {
		const tenant = await this.#invitedTo(ref);
		if (!tenant.ok) return tenant;
		this.deps.meter.request("read", null);
		const { slug, name } = tenant.value;
		return invites.previewInvite(this.deps.db, { slug, name }, ref.inviteId);
	}

	/** Turns an invite into a member with the name and password they chose, signed in. */
	async acceptInvite(
		ref: invites.InviteRef,
		input: InviteAcceptance,
	): Promise<Result<{ user: User; tenantId: string; session: Session }>> {
		const tenant = await this.#invitedTo(ref);
		if (!tenant.ok) return tenant;
		const maxMembers = PLANS[tenant.value.plan].maxMembers;
		const accepted = await invites.acceptInvite(this.deps.db, ref.inviteId, input, maxMembers);
		if (!accepted.ok) return accepted;
		this.deps.meter.request("write", accepted.value.user.id);
		return ok({ ...accepted.value, tenantId: tenant.value.id });
	}

	/** Renames the workspace; answers with the whole record, which the Worker copies to the control plane. */
	async renameWorkspace(credential: Credential, name: string): Promise<Result<TenantInfo>> {
		return this.#with(credential, "write", async (actor) => {
			if (!canManage(actor.role)) return fail("forbidden", "Only owners and admins change the workspace's settings.");
			const tenant = await this.deps.records.rename(name);
			await this.#reload();
			return tenant ? ok(tenant) : noTenant();
		});
	}

	async removeMember(credential: Credential, userId: string): Promise<Result<null>> {
		return this.#with(credential, "write", async (actor) =>
			this.#revoke(await removeMember(this.deps.db, actor, userId)),
		);
	}

	async createApiKey(credential: Credential, input: NewApiKey, keyHash: string): Promise<Result<ApiKey>> {
		return this.#with(credential, "write", (actor) => addApiKey(this.deps.db, credential, actor, input, keyHash));
	}

	async revokeApiKey(credential: Credential, keyId: string): Promise<Result<null>> {
		return this.#with(credential, "write", async (actor) =>
			this.#revoke(await revokeApiKey(this.deps.db, actor, keyId)),
		);
	}

	async listApiKeys(credential: Credential): Promise<Result<ApiKey[]>> {
		return this.#with(credential, "read", async (actor) =>
			canManage(actor.role)
				? ok(await listApiKeys(this.deps.db))
				: fail("forbidden", "Only owners and admins manage API keys."),
		);
	}

	// ── Boards ────────────────────────────────────────────────────────────────

	async listBoards(credential: Credential): Promise<Result<Board[]>> {
		return this.#with(credential, "read", async () => ok(await this.deps.store.boards()));
	}

	async createBoard(credential: Credential, title: string, opId: string | null): Promise<Result<Board>> {
		return this.#with(credential, "write", (actor, tenant) =>
			createBoard(this.deps.store, actor, title, opId, PLANS[tenant.plan].maxBoards),
		);
	}

	/** Archives a board (true) or brings it back (false, if the plan has room for it). */
	async setBoardArchived(
		credential: Credential,
		boardId: string,
		archived: boolean,
		opId: string | null,
	): Promise<Result<Board>> {
		return this.#with(credential, "write", (actor, tenant) =>
			setBoardArchived(this.deps.store, actor, boardId, archived, opId, PLANS[tenant.plan].maxBoards),
		);
	}

	async archivedBoards(credential: Credential): Promise<Result<ArchivedBoard[]>> {
		return this.#with(credential, "read", async () => ok(await this.deps.store.archivedBoards()));
	}

	/** A live board's archived lists and cards, which can be restored from there. */
	async boardArchive(credential: Credential, boardId: string): Promise<Result<BoardArchive>> {
		return this.#with(credential, "read", async () =>
			(await this.deps.store.board(boardId))
				? ok(await this.deps.store.boardArchive(boardId))
				: fail("not_found", "No such board."),
		);
	}

	/** Cards and comments of live boards that match, best first. */
	async search(credential: Credential, query: string): Promise<Result<SearchResult[]>> {
		return this.#with(credential, "read", () => search(this.deps.db, query));
	}

	/**
	 * The board page's payload, as JSON text. A big board crosses from the object to the Worker as
	 * one string, which is cheaper than thousands of card objects copied across RPC and then
	 * serialised again by the Worker (about a quarter more 3,000-card reads per second).
	 */
	async getBoardJson(credential: Credential, boardId: string): Promise<Result<string>> {
		return this.#with(credential, "read", async () => {
			const board: Result<BoardDetail> = found(await this.deps.store.boardDetail(boardId), "board");
			return board.ok ? ok(JSON.stringify(board.value)) : board;
		});
	}

	async getCard(credential: Credential, cardId: string): Promise<Result<CardDetail>> {
		return this.#with(credential, "read", async () => found(await this.deps.store.cardDetail(cardId), "card"));
	}

	async activity(credential: Credential, boardId: string) {
		return this.#with(credential, "read", async () =>
			(await this.deps.store.board(boardId))
				? ok(await this.deps.store.activity(boardId, 100))
				: fail("not_found", "No such board."),
		);
	}

	/** Where a card lives, so HTTP routes addressed by card id can name its board. Not a request of its own. */
	async cardBoard(credential: Credential, cardId: string): Promise<Result<string>> {
		// Archived cards too, so a retried PATCH that archived one replays instead of answering 404.
		return this.#with(credential, null, async () => {
			const card = (await this.deps.store.card(cardId)) ?? (await this.deps.store.archivedCard(cardId));
			return found(card?.boardId, "card");
		});
	}

	/** Applies one board operation; the same path WebSocket operations take. */
	async apply(credential: Credential, op: Operation, opId: string | null): Promise<Result<Applied>> {
		return this.#with(credential, "write", (actor) => applyOperation(this.deps.store, actor, op, opId));
	}

	// ── Attachments: the Worker streams bytes to R2; the tenant keeps metadata, quota, cleanup ──

	/** Reserves quota for a file and says where its bytes go: one PUT, or parts when `multipart`. */
	async beginUpload(credential: Credential, cardId: string, input: NewUpload, multipart: boolean) {
		return this.#withFiles(credential, "upload", (scope, actor) =>
			uploads.beginUpload(scope, actor, cardId, input, multipart),
		);
	}

	async uploadPartTarget(credential: Credential, uploadId: string, part: number) {
		return this.#withFiles(credential, "upload", (scope, actor) => uploads.partTarget(scope, actor, uploadId, part));
	}

	async recordUploadPart(credential: Credential, uploadId: string, part: uploads.PartReceipt): Promise<Result<null>> {
		return this.#withFiles(credential, null, (scope, actor) => uploads.recordPart(scope, actor, uploadId, part));
	}

	async uploadStatus(credential: Credential, uploadId: string): Promise<Result<UploadStatus>> {
		return this.#withFiles(credential, "read", (scope, actor) => uploads.uploadStatus(scope, actor, uploadId));
	}

	/** Completes a multipart upload, or (with what the Worker measured) a single PUT. */
	async completeUpload(
		credential: Credential,
		uploadId: string,
		single: SingleUpload | null,
	): Promise<Result<Attachment>> {
		const kind = single === null ? "upload" : null;
		return this.#withFiles(credential, kind, (scope, actor) => completeUpload(scope, actor, uploadId, single));
	}

	async abortUpload(credential: Credential, uploadId: string): Promise<Result<null>> {
		return this.#withFiles(credential, "upload", (scope, actor) => uploads.abortUpload(scope, actor, uploadId));
	}

	async attachmentForDownload(credential: Credential, attachmentId: string) {
		return this.#withFiles(credential, "download", (scope) => attachments.attachmentForDownload(scope, attachmentId));
	}

	async deleteAttachment(credential: Credential, attachmentId: string): Promise<Result<null>> {
		return this.#withFiles(credential, "write", (scope, actor) =>
			attachments.removeAttachment(scope, actor, attachmentId),
		);
	}

	/** Bytes the Worker sent of a download, known only once it streamed them. Not a request of its own. */
	async recordDownload(credential: Credential, bytes: number): Promise<Result<null>> {
		return this.#with(credential, null, async () => {
			this.deps.meter.count("bytes.downloaded", bytes);
			return ok(null);
		});
	}

	/** The cleanup sweep: expired uploads, and the files of cards archived past their retention. */
	async sweep(): Promise<number | undefined> {
		const tenant = await this.identity();
		return tenant ? attachments.sweepAttachments(this.#files(tenant), Date.now()) : undefined;
	}

	// ── Usage and billing (owners and admins) ─────────────────────────────────

	async usage(credential: Credential, range: UsageRange): Promise<Result<UsageReport>> {
		return this.#with(credential, "read", async (actor) => {
			if (!canManage(actor.role)) return notBilling();
			return ok(await usageReport(this.deps.db, await this.#accrued(), range));
		});
	}

	async invoices(credential: Credential): Promise<Result<InvoiceList>> {
		return this.#with(credential, "read", async (actor) => {
			if (!canManage(actor.role)) return notBilling();
			const tenant = await this.#accrued();
			return ok(await invoiceList(this.deps.db, tenant, this.deps.billing(tenant.slug)));
		});
	}

	// ── Who is calling ────────────────────────────────────────────────────────

	/** The identity already read, without reading: what synchronous callers (the meter) see. */
	identityNow(): Identity | null {
		return this.#identity ?? null;
	}

	async #reload(): Promise<void> {
		this.#identity = undefined;
		await this.identity();
	}

	/** The tenant's record, read once and kept until provision, update or destroy change it. */
	async identity(): Promise<Identity | null> {
		if (this.#identity === undefined) {
			const record = await this.deps.records.read();
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

	/** The member (or key) a credential stands for, if the tenant is active and it is still valid. */
	async authorize(credential: Credential): Promise<Result<Actor>> {
		const tenant = await this.identity();
		if (!tenant || tenant.status === "deleting") return noTenant();
		if (tenant.status === "suspended") return fail("tenant_suspended", SUSPENDED_MESSAGE);
		const actor = await resolveActor(this.deps.db, tenant.id, credential);
		return actor ? ok(actor) : fail("unauthenticated", "Sign in again.");
	}

	/** A socket's way in: the credential as for any request, and a ticket used once, for its board. */
	async admit(credential: Credential, boardId: string): Promise<Result<Actor>> {
		const actor = await this.authorize(credential);
		if (!actor.ok || credential.kind !== "session" || !credential.ticket) return actor;
		const redeemed = await redeemTicket(this.deps.db, credential.ticket, boardId);
		return redeemed.ok ? actor : redeemed;
	}

	/** The tenant as billing sees it, with every count so far in the ledger. */
	async billed(): Promise<Identity | null> {
		const tenant = await this.identity();
		if (tenant) await this.#accrue();
		return tenant;
	}

	async #accrued(): Promise<Identity> {
		const tenant = await this.billed();
		if (!tenant) throw new Error("The tenant went away while it was being billed.");
		return tenant;
	}

	async #accrue(): Promise<void> {
		await this.deps.meter.flush();
		await this.deps.settleUsage?.();
		await this.deps.meter.accrueStorage();
	}

	/** Who is signed in, and to which workspace. An API key acts as itself, not as a member row. */
	async #me({ userId, name, role }: Actor, tenant: Identity): Promise<Me> {
		const user = (await getUser(this.deps.db, userId)) ?? { id: userId, email: "", name, role };
		return { user, tenant: { slug: tenant.slug, name: tenant.name, plan: tenant.plan, status: tenant.status } };
	}

	/** The tenant an invite token names, if it is this one and it is active. */
	async #invitedTo(ref: invites.InviteRef): Promise<Result<Identity>> {
		const tenant = await this.identity();
		this.deps.meter.begin();
		if (!tenant || tenant.id !== ref.tenantId) return fail("not_found", INVALID_INVITE_MESSAGE);
		if (tenant.status === "suspended") return fail("tenant_suspended", SUSPENDED_MESSAGE);
		return ok(tenant);
	}

	/** Closes the sockets of credentials a revocation ended. */
	async #revoke(revoked: Result<Revoked>): Promise<Result<null>> {
		if (!revoked.ok) return revoked;
		await this.deps.closeSockets(4401, "Access revoked", revoked.value);
		return ok(null);
	}

	#files(tenant: Identity): AttachmentScope {
		const { db, store, bucket, completing, meter } = this.deps;
		return { db, store, bucket, tenant, completing, meter, scheduleSweep: (at) => this.deps.scheduleSweep(at) };
	}

	async #withFiles<T>(
		credential: Credential,
		kind: RequestClass | null,
		work: (scope: AttachmentScope, actor: Actor) => Result<T> | Promise<Result<T>>,
	): Promise<Result<T>> {
		return this.#with(credential, kind, (actor, tenant) => work(this.#files(tenant), actor));
	}

	/**
	 * Every call from a tenant route comes through here: who is calling, then the work. `kind` is
	 * the request class it is metered as; null for a second call that serves the same request.
	 */
	async #with<T>(
		credential: Credential,
		kind: RequestClass | null,
		work: (actor: Actor, tenant: Identity) => Result<T> | Promise<Result<T>>,
	): Promise<Result<T>> {
		const tenant = await this.identity();
		this.deps.meter.begin();
		const actor = await this.authorize(credential);
		if (!actor.ok) return actor;
		if (!tenant) return noTenant();
		if (kind) this.deps.meter.request(kind, credential.kind === "session" ? actor.value.userId : null);
		return work(actor.value, tenant);
	}
}

function found<T>(value: T | undefined, noun: string): Result<T> {
	return value === undefined ? fail("not_found", `No such ${noun}.`) : ok(value);
}

function noTenant(): Result<never> {
	return fail("not_found", "No such workspace.");
}

function deleting(): Result<never> {
	return fail("tenant_deleting", "This workspace is being deleted.");
}

function notBilling(): Result<never> {
	return fail("forbidden", "Only owners and admins see usage and billing.");
}
