// A CSV export. With a session cookie a plain link does it (the server answers with
// Content-Disposition: attachment); the operator's token travels in a header, which a link cannot
// carry, so that case fetches the file and hands it to the browser as a download.
import { useState } from "react";
import { describeError, toApiError } from "../../api";
import { useToast } from "../../toasts";

interface CsvDownloadProps {
	href: string;
	label: string;
	headers?: () => Record<string, string>;
}

export function CsvDownload({ href, label, headers }: CsvDownloadProps) {
	const [busy, setBusy] = useState(false);
	const notify = useToast();
	if (!headers)
		return (
			<a className="button button-secondary csv-download" href={href} download data-testid="csv-download">
				{label}
			</a>
		);
	const download = async () => {
		setBusy(true);
		try {
			const response = await fetch(href, { headers: headers() });
			if (!response.ok) throw await toApiError(response);
			const name = /filename="([^"]+)"/.exec(response.headers.get("Content-Disposition") ?? "")?.[1] ?? "export.csv";
			const url = URL.createObjectURL(await response.blob());
			const link = document.createElement("a");
			link.href = url;
			link.download = name;
			link.click();
			// The click has started the download; the object URL is no longer needed after this turn.
			setTimeout(() => URL.revokeObjectURL(url), 0);
		} catch (error) {
			notify(describeError(error));
		} finally {
			setBusy(false);
		}
	};
	return (
		<button
			type="button"
			className="button button-secondary csv-download"
			disabled={busy}
			onClick={() => void download()}
			data-testid="csv-download"
		>
			{busy ? "Preparing…" : label}
		</button>
	);
}
