// Whether an available topic can be delivered to Amazon EventBridge, judged from its
// `transports` list. Genesys does not document the values; "All" and anything naming
// EventBridge are taken as yes, so a new spelling errs towards showing a topic, not hiding it.

export function offersEventBridge(transports: readonly string[]): boolean {
  return transports.some((transport) => {
    const normalized = transport.toLowerCase().replace(/[^a-z]/g, '');
    return normalized === 'all' || normalized.includes('eventbridge');
  });
}
