// The engine: what EventBridge does with a pattern and an event, and nothing else. It imports
// nothing of ours outside this folder, no `vscode` and no SDK, so the CLI, the extension and
// the benchmarks share it and it can be tested in milliseconds.

export * from './json';
export * from './problems';
export * from './pattern';
export * from './event';
export * from './match';
export * from './explain';
export { testEventPattern } from './testEventPattern';
export type { TestEventPatternResult } from './testEventPattern';
export * from './patternShape';
