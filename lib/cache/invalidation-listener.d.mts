// Types for the invalidation listener (plain JavaScript, loaded by Next.js without compiling).
export declare const CHANNEL: string;
export declare function invalidationPayloads(tags: readonly string[]): string[];
export declare function tagsOfPayload(payload: string): string[] | null;
export declare function listenForInvalidations(options: {
  url: string;
  onInvalidate(tags: string[] | null): void;
  onUp(): void;
  onDown(error: Error): void;
}): { close(): Promise<void> };
