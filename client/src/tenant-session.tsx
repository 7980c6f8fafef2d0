// Who is signed in to which tenant: GET me decides between the sign-in form and the tenant's pages.
import { createContext, type ReactNode, useCallback, useContext, useEffect, useState } from "react";
import type { Me } from "../../shared/api";
import { paths } from "../../shared/paths";
import { ApiError, describeError, request } from "./api";
import { FullPageMessage, Spinner } from "./components/Feedback";
import { forgetWorkspace, recallMe, rememberMe } from "./offline-cache";
import { SignInPage } from "./pages/SignIn";
import { workspaceAddress } from "./router";

export type { Me };

export interface TenantSession {
	slug: string;
	me: Me;
	/** Ends this session, or with `everywhere` every session of this member, and shows the sign-in form. */
	signOut: (options?: { everywhere?: boolean }) => Promise<void>;
	/** Takes in who the server now says is signed in (after a change of name, or of the workspace's). */
	update: (me: Me) => void;
	/** Called when the server says the session is gone (401, or a socket closed with 4401/4403). */
	expire: () => void;
}

const SessionContext = createContext<TenantSession | null>(null);

export function useSession(): TenantSession {
	const session = useContext(SessionContext);
	if (!session) throw new Error("useSession outside a TenantGate");
	return session;
}

type GateState =
	| { kind: "loading" }
	| { kind: "signed-out" }
	| { kind: "error"; error: ApiError }
	| { kind: "in"; me: Me };

export function TenantGate({ slug, children }: { slug: string; children: ReactNode }) {
	const [state, setState] = useState<GateState>({ kind: "loading" });
	const load = useCallback(() => {
		request<Me>(paths.me(slug))
			.then((me) => {
				rememberMe(slug, me);
				setState({ kind: "in", me });
			})
			.catch((error: unknown) => {
				// Offline (status 0): open the workspace as it was last seen; its pages show what they cached.
				const offline = error instanceof ApiError && error.status === 0 ? recallMe(slug) : null;
				if (offline) setState({ kind: "in", me: offline });
				else if (error instanceof ApiError && error.status === 401) setState({ kind: "signed-out" });
				else setState({ kind: "error", error: toApiError(error) });
			});
	}, [slug]);
	useEffect(load, [load]);

	const signOut = useCallback(
		async ({ everywhere = false }: { everywhere?: boolean } = {}) => {
			const ended = request(paths.session(slug, { everywhere }), { method: "DELETE" });
			// Signing out here happens anyway (the cookie goes with the answer, or with the session's
			// row); signing out everywhere must not pretend it worked, so its failure reaches the caller.
			await (everywhere ? ended : ended.catch(() => undefined));
			forgetWorkspace(slug);
			setState({ kind: "signed-out" });
		},
		[slug],
	);
	const update = useCallback(
		(me: Me) => {
			rememberMe(slug, me);
			setState({ kind: "in", me });
		},
		[slug],
	);
	const expire = useCallback(() => {
		forgetWorkspace(slug);
		setState({ kind: "signed-out" });
	}, [slug]);

	if (state.kind === "loading") return <Spinner label="Opening workspace…" fullPage />;
	if (state.kind === "signed-out") return <SignInPage slug={slug} onSignedIn={load} />;
	if (state.kind === "error") return <GateError slug={slug} error={state.error} />;
	return (
		<SessionContext.Provider value={{ slug, me: state.me, signOut, update, expire }}>
			{children}
		</SessionContext.Provider>
	);
}

function toApiError(error: unknown): ApiError {
	return error instanceof ApiError ? error : new ApiError(0, "internal", describeError(error));
}

function GateError({ slug, error }: { slug: string; error: ApiError }) {
	if (error.code === "tenant_suspended")
		return (
			<FullPageMessage title="This workspace is suspended">
				The workspace at <strong>{workspaceAddress(slug)}</strong> has been suspended. Ask your administrator or
				Boardroom support to restore access.
			</FullPageMessage>
		);
	// A malformed address (invalid_slug) is as missing as an unknown one, and worded the same way.
	if (error.status === 404 || error.code === "invalid_slug")
		return (
			<FullPageMessage title="No such workspace">
				There is no workspace at <strong>{workspaceAddress(slug)}</strong>. Check the address, or ask whoever invited
				you for the right link.
			</FullPageMessage>
		);
	return <FullPageMessage title="Couldn't open this workspace">{error.message}</FullPageMessage>;
}
