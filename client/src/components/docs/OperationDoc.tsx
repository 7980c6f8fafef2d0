// One operation of the API: method and path, what it does, who may call it, its parameters,
// request body and answers as field tables, and the error codes it can answer with.
import {
	type ApiDocument,
	anchorOf,
	type Content,
	type OperationView,
	type Parameter,
	resolveParameter,
} from "../../docs/api-document";
import { describe } from "../../docs/schema-rows";
import { FieldsFrame, FieldTable } from "./FieldTable";
import { CodeList, Prose } from "./Prose";

const CREDENTIALS: Record<string, string> = {
	sessionCookie: "session cookie",
	tenantBearer: "Bearer session token or API key",
	adminToken: "Bearer admin token",
};

export function OperationDoc({ doc, view }: { doc: ApiDocument; view: OperationView }) {
	const { operation } = view;
	const id = anchorOf(view);
	const answers = Object.entries(operation.responses).filter(
		([status]) => !operation.responses[status]?.["x-error-codes"],
	);
	const errors = Object.entries(operation.responses).filter(([, response]) => response["x-error-codes"]);
	return (
		<article
			className="panel docs-operation"
			aria-label={`${view.method.toUpperCase()} ${view.path}`}
			data-testid="docs-operation"
		>
			<h3 id={id} className="docs-operation-title">
				<span className={`docs-method docs-method-${view.method}`}>{view.method.toUpperCase()}</span>
				<code className="docs-path">{view.path}</code>
			</h3>
			<p className="docs-summary">{operation.summary}</p>
			{operation.description && (
				<p className="muted">
					<Prose text={operation.description} />
				</p>
			)}
			<p className="docs-access">
				<strong>Who may call it:</strong> {operation["x-access"] ?? "Not said."}
				{credentialsOf(operation.security)}
			</p>
			<Parameters doc={doc} view={view} />
			{operation.requestBody && <Body doc={doc} content={operation.requestBody.content} caption="Request body" />}
			{answers.map(([status, response]) => (
				<div key={status} className="docs-answer">
					<h4>
						{status}{" "}
						<span className="docs-answer-about">
							<Prose text={response.description} />
						</span>
					</h4>
					{response.content && <Body doc={doc} content={response.content} caption={`${status} body`} />}
				</div>
			))}
			{errors.length > 0 && (
				<div className="docs-errors">
					<h4>Errors</h4>
					<ul>
						{errors.map(([status, response]) => (
							<li key={status}>
								<strong>{status}</strong> <CodeList items={response["x-error-codes"] ?? []} />
							</li>
						))}
					</ul>
				</div>
			)}
		</article>
	);
}

function credentialsOf(security: Record<string, string[]>[] | undefined): string {
	const names = (security ?? []).flatMap((requirement) =>
		Object.keys(requirement).map((key) => CREDENTIALS[key] ?? key),
	);
	return names.length > 0 ? ` With: ${names.join(" or ")}.` : "";
}

/** Path and query parameters in a table; headers, the same on many routes, as a line of names (see Headers). */
function Parameters({ doc, view }: { doc: ApiDocument; view: OperationView }) {
	const all = (view.operation.parameters ?? []).map((p) => resolveParameter(doc, p));
	const headers = all.filter((p) => p.in === "header").map((p) => p.name);
	const parameters = all.filter((p) => p.in !== "header");
	return (
		<>
			{headers.length > 0 && (
				<p className="docs-headers">
					Request headers: <CodeList items={headers} />
				</p>
			)}
			{parameters.length > 0 && <ParameterTable doc={doc} parameters={parameters} />}
		</>
	);
}

function ParameterTable({ doc, parameters }: { doc: ApiDocument; parameters: Parameter[] }) {
	return (
		<FieldsFrame caption="Parameters" first="Name" className="docs-parameters">
			{parameters.map((parameter) => {
				const about = parameter.schema ? describe(doc, parameter.schema) : undefined;
				return (
					<tr key={`${parameter.in}-${parameter.name}`}>
						<th scope="row" className="docs-field-name">
							<code>{parameter.name}</code>
							<span className="docs-optional">
								{parameter.in}
								{parameter.required ? "" : ", optional"}
							</span>
						</th>
						<td className="docs-field-type">
							<code>{about?.type ?? "string"}</code>
						</td>
						<td className="docs-field-about">
							<Prose text={parameter.description ?? about?.description} />
							{about?.values && (
								<span className="docs-values">
									One of: <CodeList items={about.values} />
								</span>
							)}
							{about && about.notes.length > 0 && <span className="docs-notes">{about.notes.join("; ")}</span>}
						</td>
					</tr>
				);
			})}
		</FieldsFrame>
	);
}

function Body({ doc, content, caption }: { doc: ApiDocument; content: Content; caption: string }) {
	return (
		<>
			{Object.entries(content).map(([type, media]) => (
				<div key={type} className="docs-body">
					{media.schema ? (
						<FieldTable doc={doc} schema={media.schema} caption={`${caption} (${type})`} />
					) : (
						<p className="docs-media">
							{caption}: <code>{type}</code>
						</p>
					)}
				</div>
			))}
		</>
	);
}
