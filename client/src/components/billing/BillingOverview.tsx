// Everything about one tenant's bill: the month against its plan, usage over a chosen period,
// the invoice preview and projection, past invoices and plan changes, with CSV exports. The
// tenant's own page and the operator's drill-down both render this, each with its own source.
import { type ReactNode, useEffect } from "react";
import type { InvoiceList, UsageReport } from "../../../../shared/billing";
import { ApiError, describeError } from "../../api";
import { formatMonth } from "../../billing-format";
import { type PeriodChoice, toParams, useLastValid } from "../../billing-period";
import type { BillingSource } from "../../billing-source";
import { useResource } from "../../use-resource";
import { Spinner } from "../Feedback";
import { AllowanceList } from "./AllowanceList";
import { BillingSummary } from "./BillingSummary";
import { CsvDownload } from "./CsvDownload";
import { InvoiceHistory, PlanHistory } from "./InvoiceHistory";
import { InvoiceTable } from "./InvoiceTable";
import { PeriodPicker } from "./PeriodPicker";
import { Section } from "./Section";
import { UsageCharts } from "./UsageCharts";

interface BillingOverviewProps {
	source: BillingSource;
	/** Names the source (tenant and credential), so switching tenants reloads. */
	sourceKey: string;
	choice: PeriodChoice;
	/** Given, the overview shows the period picker; absent, the page above has one. */
	onChoice?: (choice: PeriodChoice) => void;
	audience: "usage" | "all";
	/** The heading level of its sections: 2 on the tenant's page, 3 inside the operator's. */
	level: 2 | 3;
	onUnauthorized: () => void;
	/** Extra controls under the invoice preview (the operator's adjustments); `reload` refreshes it. */
	invoiceTools?: (list: InvoiceList, reload: () => void) => ReactNode;
}

export function BillingOverview(props: BillingOverviewProps) {
	const { source, sourceKey, choice, onChoice, audience, level, onUnauthorized, invoiceTools } = props;
	const params = toParams(choice);
	const valid = useLastValid("invalid" in params ? null : params);
	const usage = useResource<UsageReport | null>(`${sourceKey}|${JSON.stringify(valid)}`, (signal) =>
		valid ? source.usage(valid, signal) : Promise.resolve(null),
	);
	const invoices = useResource<InvoiceList>(sourceKey, (signal) => source.invoices(signal));
	const signedOut = [usage.error, invoices.error].some((e) => e instanceof ApiError && e.status === 401);
	useEffect(() => {
		if (signedOut) onUnauthorized();
	}, [signedOut, onUnauthorized]);

	const rangeProblem =
		"invalid" in params
			? params.invalid
			: usage.error instanceof ApiError && usage.error.status === 400
				? usage.error.message
				: null;
	const report = usage.data;
	return (
		<div className="billing-overview">
			{invoices.data && report && <BillingSummary list={invoices.data} plan={report.plan} />}
			<Section title="This month against the plan" level={level} busy={usage.loading}>
				{report ? (
					<AllowanceList allowance={report.allowance} plan={report.plan} />
				) : (
					<Loading error={usage.error} label="Loading usage…" />
				)}
			</Section>
			<Section
				title="Usage over time"
				level={level}
				busy={usage.loading}
				actions={
					valid && (
						<CsvDownload href={source.usageCsv(valid)} label="Download usage (CSV)" headers={source.downloadHeaders} />
					)
				}
			>
				{onChoice && <PeriodPicker value={choice} onChange={onChoice} problem={rangeProblem} />}
				{report ? (
					<UsageCharts range={report} series={report.series} audience={audience} />
				) : (
					<Loading error={rangeProblem ? null : usage.error} label="Loading usage…" />
				)}
			</Section>
			<div className="billing-columns">
				<Section
					title={invoices.data ? `Invoice preview: ${formatMonth(invoices.data.preview.period.id)}` : "Invoice preview"}
					level={level}
					busy={invoices.loading}
					actions={
						<CsvDownload href={source.invoicesCsv()} label="Download invoices (CSV)" headers={source.downloadHeaders} />
					}
				>
					{invoices.data ? (
						<>
							<InvoiceTable invoice={invoices.data.preview} />
							<details className="projected">
								<summary>Projected invoice for the whole month</summary>
								<InvoiceTable invoice={invoices.data.projected} caption="Projected invoice" />
							</details>
							{invoiceTools?.(invoices.data, invoices.reload)}
						</>
					) : (
						<Loading error={invoices.error} label="Loading invoices…" />
					)}
				</Section>
				<div className="billing-side">
					<Section title="Past invoices" level={level}>
						{invoices.data ? (
							<InvoiceHistory list={invoices.data} />
						) : (
							<Loading error={invoices.error} label="Loading…" />
						)}
					</Section>
					<Section title="Plan history" level={level}>
						{invoices.data ? <PlanHistory list={invoices.data} /> : <Loading error={invoices.error} label="Loading…" />}
					</Section>
				</div>
			</div>
		</div>
	);
}

function Loading({ error, label }: { error: unknown; label: string }) {
	if (error && !(error instanceof ApiError && error.status === 401))
		return (
			<p className="field-error" role="alert">
				{describeError(error)}
			</p>
		);
	return <Spinner label={label} />;
}
