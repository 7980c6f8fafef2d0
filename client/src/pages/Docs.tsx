// The API reference at /docs: /api/openapi.json rendered by our own small renderer (no
// Swagger UI, nothing from a CDN): operations grouped by tag, each with who may call it, its
// parameters, bodies and answers as field tables, and its error codes. Loaded on demand.
import "../docs.css";
import { paths } from "../../../shared/paths";
import { describeError, request } from "../api";
import { Conventions } from "../components/docs/Conventions";
import { OperationDoc } from "../components/docs/OperationDoc";
import { Prose } from "../components/docs/Prose";
import { Spinner } from "../components/Feedback";
import { SiteHeader } from "../components/SiteHeader";
import { type ApiDocument, anchorOf, operationsByTag } from "../docs/api-document";
import { useResource } from "../use-resource";

export function DocsPage() {
	const { data: doc, error } = useResource("openapi", (signal) => request<ApiDocument>(paths.openApi(), { signal }));
	return (
		<div className="app docs">
			<SiteHeader label="API reference">
				<a className="button button-ghost" href={paths.openApi()}>
					openapi.json
				</a>
			</SiteHeader>
			{doc ? (
				<Reference doc={doc} />
			) : error ? (
				<main className="page">
					<h1>API reference</h1>
					<p role="alert">{describeError(error)}</p>
				</main>
			) : (
				<Spinner label="Loading the API reference…" fullPage />
			)}
		</div>
	);
}

function Reference({ doc }: { doc: ApiDocument }) {
	const tags = operationsByTag(doc);
	return (
		<div className="docs-layout">
			<nav className="docs-nav" aria-label="API sections">
				<ul>
					{tags.map((tag) => (
						<li key={tag.name}>
							<a href={`#${tagAnchor(tag.name)}`}>{tag.name}</a>
						</li>
					))}
				</ul>
			</nav>
			<main className="page docs-main">
				<div className="page-header">
					<div>
						<h1>{doc.info.title}</h1>
						<p className="muted">
							{doc.info.summary} OpenAPI {doc.openapi}, version {doc.info.version}.
						</p>
					</div>
				</div>
				{doc.info.description && (
					<p className="docs-intro">
						<Prose text={doc.info.description} />
					</p>
				)}
				<Conventions doc={doc} />
				{tags.map((tag) => (
					<section key={tag.name} className="docs-tag" aria-labelledby={tagAnchor(tag.name)}>
						<h2 id={tagAnchor(tag.name)}>{tag.name}</h2>
						{tag.description && (
							<p className="muted">
								<Prose text={tag.description} />
							</p>
						)}
						<ul className="docs-index">
							{tag.operations.map((view) => (
								<li key={anchorOf(view)}>
									<a href={`#${anchorOf(view)}`}>
										<span className={`docs-method docs-method-${view.method}`}>{view.method.toUpperCase()}</span>{" "}
										{view.operation.summary}
									</a>
								</li>
							))}
						</ul>
						{tag.operations.map((view) => (
							<OperationDoc key={anchorOf(view)} doc={doc} view={view} />
						))}
					</section>
				))}
			</main>
		</div>
	);
}

function tagAnchor(tag: string): string {
	return `tag-${tag.toLowerCase().replace(/[^a-z0-9]+/g, "-")}`;
}
