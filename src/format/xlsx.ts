export async function formatXlsx(): Promise<Uint8Array> { return new Uint8Array(); }
