// Search results: cards and comments of the workspace that match, best first, each linking to
// its card (the board opens with the card's dialog). Loaded on demand, a chunk of its own.
import { useEffect, useState } from "react";
import type { SearchResult } from "../../../shared/api";
import { paths } from "../../../shared/paths";
import { highlightParts } from "../../../shared/search";
import { ApiError, describeError, request } from "../api";
import { EmptyState, Skeleton } from "../components/Feedback";
import { Link } from "../components/Link";
import { TopBar } from "../components/TopBar";
import { cardHref, tenantHref, useSearchParam } from "../router";
import { useSession } from "../tenant-session";

type Outcome = { query: string; results: SearchResult[] } | { query: string; error: string };

export function SearchPage() {
	const { slug, expire } = useSession();
	const query = useSearchParam("q") ?? "";
	const [outcome, setOutcome] = useState<Outcome | null>(null);
	useEffect(() => {
		const controller = new AbortController();
		request<{ results: SearchResult[] }>(paths.search(slug, query), { signal: controller.signal })
			.then(({ results }) => setOutcome({ query, results }))
			.catch((error: unknown) => {
				if (controller.signal.aborted) return;
				if (error instanceof ApiError && error.status === 401) return expire();
				setOutcome({ query, error: describeError(error) });
			});
		return () => controller.abort();
	}, [slug, query, expire]);
	const current = outcome?.query === query ? outcome : null;
	return (
		<div className="app">
			<TopBar />
			<main className="page search-page">
				<div className="page-header">
					<div>
						<Link href={tenantHref(slug)} className="back-link">
							← Boards
						</Link>
						<h1>Search</h1>
						<p className="muted" aria-live="polite">
							{current && "results" in current
								? `${current.results.length} ${current.results.length === 1 ? "result" : "results"} for “${query}”`
								: query && `Searching for “${query}”…`}
						</p>
					</div>
				</div>
				{!current && <Skeleton height={60} />}
				{current && "error" in current && (
					<p className="search-error" role="alert">
						{current.error}
					</p>
				)}
				{current && "results" in current && current.results.length === 0 && (
					<EmptyState title="Nothing matches">Archived cards are not searched. Try fewer or other words.</EmptyState>
				)}
				{current && "results" in current && current.results.length > 0 && (
					<ol className="search-results" data-testid="search-results">
						{current.results.map((result) => (
							<ResultItem key={result.commentId ?? result.cardId} slug={slug} result={result} />
						))}
					</ol>
				)}
			</main>
		</div>
	);
}

function ResultItem({ slug, result }: { slug: string; result: SearchResult }) {
	return (
		<li className="search-result" data-testid="search-result" data-kind={result.kind}>
			<Link href={cardHref(slug, result.boardId, result.cardId)} className="search-result-title">
				{result.cardTitle}
			</Link>
			<span className="muted small">
				{result.kind === "comment" ? "Comment on a card" : "Card"} · {result.boardTitle}
			</span>
			<p className="search-snippet">
				{highlightParts(result.snippet).map((part, i) =>
					// biome-ignore lint/suspicious/noArrayIndexKey: the parts of one snippet never move.
					part.match ? <mark key={i}>{part.text}</mark> : <span key={i}>{part.text}</span>,
				)}
			</p>
		</li>
	);
}
