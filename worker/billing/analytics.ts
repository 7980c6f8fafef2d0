// The Analytics Engine side of the billing views. In production it asks AE's SQL API (the account
// id and an API token are secrets: AE_ACCOUNT_ID, AE_API_TOKEN); with USAGE_STORE = "local" it
// asks the local recorder, which holds the same points in the same layout. Either way the query
// text comes from one definition (objects/usage/queries.ts).
import { analyticsSql, toUsageRows, type UsageQueryDef, type UsageRow } from "../../objects/usage/queries";
import { usageRecorder } from "../../objects/usage/recorder";

export interface AnalyticsAnswer {
	source: "analytics-engine" | "local";
	/** Null when the SQL API is not configured (no secrets) or did not answer. */
	rows: UsageRow[] | null;
	newest: string | null;
}

const DATASET = "boardroom_usage";

export async function analyticsUsage(env: Env, def: UsageQueryDef): Promise<AnalyticsAnswer> {
	if (env.USAGE_STORE === "local") {
		const recorder = usageRecorder(env);
		const [rows, newest] = await Promise.all([recorder.usage(def), recorder.newest()]);
		return { source: "local", rows, newest };
	}
	const { AE_ACCOUNT_ID: account, AE_API_TOKEN: token } = env as Env & {
		AE_ACCOUNT_ID?: string;
		AE_API_TOKEN?: string;
	};
	if (!account || !token) return { source: "analytics-engine", rows: null, newest: null };
	try {
		const answers = await Promise.all(analyticsSql(def, DATASET).map((sql) => querySqlApi(account, token, sql)));
		const rows = answers.flat();
		const newest = rows.reduce<string | null>((max, r) => (max === null || r.bucket > max ? r.bucket : max), null);
		return { source: "analytics-engine", rows, newest };
	} catch (error) {
		console.warn("The Analytics Engine SQL API did not answer", error);
		return { source: "analytics-engine", rows: null, newest: null };
	}
}

async function querySqlApi(account: string, token: string, sql: string): Promise<UsageRow[]> {
	const response = await fetch(`https://api.cloudflare.com/client/v4/accounts/${account}/analytics_engine/sql`, {
		method: "POST",
		headers: { Authorization: `Bearer ${token}` },
		body: sql,
	});
	if (!response.ok) throw new Error(`AE SQL API answered ${response.status}`);
	const body = (await response.json()) as { data?: Record<string, unknown>[] };
	return toUsageRows(body.data ?? []);
}
