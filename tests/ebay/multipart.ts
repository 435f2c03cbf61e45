/**
 * Just enough multipart/form-data parsing to see what a Media upload carried (createImageFromFile's
 * file travels in the field `image`). Node's http gives raw bytes, and a form-parser dependency for
 * one test endpoint is not worth it.
 */
export function parseMultipart(
  body: Buffer,
  contentType: string,
): { name: string; filename: string | null; contentType: string | null; data: Buffer }[] | null {
  const boundary = /boundary=(?:"([^"]+)"|([^;]+))/i.exec(contentType);
  const marker = boundary?.[1] ?? boundary?.[2];
  if (!marker) return null;
  const delimiter = Buffer.from(`--${marker}`);
  const parts: { name: string; filename: string | null; contentType: string | null; data: Buffer }[] = [];
  let start = body.indexOf(delimiter);
  if (start < 0) return null;
  while (start >= 0) {
    const next = body.indexOf(delimiter, start + delimiter.length);
    if (next < 0) break;
    // Each part: CRLF, headers, CRLF CRLF, data, CRLF.
    const part = body.subarray(start + delimiter.length + 2, next - 2);
    const headerEnd = part.indexOf('\r\n\r\n');
    if (headerEnd >= 0) {
      const head = part.subarray(0, headerEnd).toString('utf8');
      const name = /name="([^"]*)"/i.exec(head)?.[1];
      if (name !== undefined) {
        parts.push({
          name,
          filename: /filename="([^"]*)"/i.exec(head)?.[1] ?? null,
          contentType: /content-type:\s*([^\r\n]+)/i.exec(head)?.[1]?.trim() ?? null,
          data: part.subarray(headerEnd + 4),
        });
      }
    }
    start = next;
  }
  return parts;
}
