// What holds for every operation, said once at the top of the reference: the credentials, and
// the headers that come and go on many routes (request ids, D1 bookmarks, idempotency keys).
import type { ApiDocument } from "../../docs/api-document";
import { Prose } from "./Prose";

export function Conventions({ doc }: { doc: ApiDocument }) {
	const schemes = Object.entries(doc.components.securitySchemes ?? {});
	const sent = Object.values(doc.components.parameters ?? {}).filter((p) => p.in === "header");
	const received = Object.entries(doc.components.headers ?? {});
	return (
		<section className="panel docs-conventions" aria-labelledby="docs-conventions">
			<h2 id="docs-conventions">Credentials and headers</h2>
			<dl>
				{schemes.map(([name, scheme]) => (
					<div key={name}>
						<dt>
							<code>{scheme.type === "apiKey" ? `${scheme.name} cookie` : `Bearer (${name})`}</code>
						</dt>
						<dd>
							<Prose text={scheme.description} />
						</dd>
					</div>
				))}
				{sent.map((parameter) => (
					<div key={`sent-${parameter.name}`}>
						<dt>
							<code>{parameter.name}</code> request header
						</dt>
						<dd>
							<Prose text={parameter.description ?? parameter.schema?.description} />
						</dd>
					</div>
				))}
				{received.map(([name, header]) => (
					<div key={`received-${name}`}>
						<dt>
							<code>{name}</code> response header
						</dt>
						<dd>
							<Prose text={header.description ?? header.schema?.description} />
						</dd>
					</div>
				))}
			</dl>
		</section>
	);
}
