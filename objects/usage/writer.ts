// The one writer of usage data points. Every metered event becomes one Analytics Engine point:
// index = the tenant's stable id (never its slug, which can be reused), blobs = meter, detail,
// plan, variant and subject, double1 = quantity. The writer enforces the production limits that
// local runs do not, and never throws into a request: a point it cannot write is dropped and
// counted. Locally, wrangler drops AE writes, so the same points also go to a recorder with AE's
// column layout when the configuration says so (USAGE_STORE = "local").
import type { Meter } from "../../shared/meters";
import { utf8Length } from "../../shared/text";

/** Limits of Workers Analytics Engine (developers.cloudflare.com/analytics/analytics-engine/limits). */
export const AE_LIMITS = {
	indexBytes: 96,
	blobs: 20,
	doubles: 20,
	blobBytes: 16 * 1024,
	pointsPerInvocation: 250,
} as const;

export interface UsageEvent {
	tenantId: string;
	meter: Meter;
	quantity: number;
	plan: string;
	/** What kind of thing was counted: the operation type, the request class… */
	detail?: string;
	/** Who, for distinct meters (a member id). */
	subject?: string;
}

/** A point in Analytics Engine's own column layout, as the local recorder stores it. */
export interface RecordedPoint {
	timestamp: number;
	index1: string;
	blobs: string[];
	doubles: number[];
	sampleInterval: number;
}

/** Where the local copy of each point goes (the UsageRecorder object, batched). */
export interface PointSink {
	add(point: RecordedPoint): void;
}

export class UsageWriter {
	#written = 0;
	/** Points dropped for breaking a limit, since this writer was made. */
	dropped = 0;

	constructor(
		private readonly dataset: AnalyticsEngineDataset | undefined,
		private readonly variant: string,
		private readonly sink: PointSink | undefined,
	) {}

	/** A new invocation (request, socket message, alarm): the per-invocation budget starts over. */
	beginInvocation(): void {
		this.#written = 0;
	}

	write(event: UsageEvent): void {
		const blobs = [event.meter, event.detail ?? "", event.plan, this.variant, event.subject ?? ""];
		const problem = this.#check(event.tenantId, blobs);
		if (problem) {
			this.dropped += 1;
			console.warn(`Usage point dropped (${problem}); ${this.dropped} dropped so far`, event.meter);
			return;
		}
		this.#written += 1;
		try {
			this.dataset?.writeDataPoint({ indexes: [event.tenantId], blobs, doubles: [event.quantity] });
		} catch (error) {
			this.dropped += 1;
			console.warn("Analytics Engine refused a usage point", error);
		}
		this.sink?.add({
			timestamp: Date.now(),
			index1: event.tenantId,
			blobs,
			doubles: [event.quantity],
			sampleInterval: 1,
		});
	}

	#check(index: string, blobs: string[]): string | undefined {
		if (this.#written >= AE_LIMITS.pointsPerInvocation) return "over 250 points in one invocation";
		if (utf8Length(index) > AE_LIMITS.indexBytes) return "index over 96 bytes";
		if (blobs.length > AE_LIMITS.blobs) return "more than 20 blobs";
		// A UTF-16 unit is at most 3 UTF-8 bytes: short blobs (every usual point) need no counting.
		const units = blobs.reduce((sum, blob) => sum + blob.length, 0);
		if (units * 3 > AE_LIMITS.blobBytes && blobs.reduce((sum, blob) => sum + utf8Length(blob), 0) > AE_LIMITS.blobBytes)
			return "blobs over 16 KB";
		return undefined;
	}
}
