// Raw deflate through the platform's CompressionStream (browsers and Node ≥ 18): no library.

async function collect(stream, limit) {
  const reader = stream.getReader();
  const chunks = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.length;
    if (size > limit) {
      await reader.cancel();
      return null;
    }
    chunks.push(value);
  }
  const out = new Uint8Array(size);
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.length;
  }
  return out;
}

export function deflate(bytes) {
  return collect(new Blob([bytes]).stream().pipeThrough(new CompressionStream('deflate-raw')), Infinity);
}

/** The inflated bytes, or null if they are not deflate data or would pass `limit` bytes (a zip bomb stops there). */
export async function inflate(bytes, limit) {
  try {
    return await collect(new Blob([bytes]).stream().pipeThrough(new DecompressionStream('deflate-raw')), limit);
  } catch {
    return null;
  }
}
