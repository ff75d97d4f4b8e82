// Schema-aware lint in the editor: each warning comes with its quick fix, applying the fix
// clears it, and "Generate matching event" builds an event the pattern really matches.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { closeAllWithoutSaving, codeOf, describeDiagnostics, open, waitFor } from './helpers';

const MATCHING_COMMAND = 'genesysEventBridge.generateMatchingEvent';

async function diagnosticWithCode(uri: vscode.Uri, code: string): Promise<vscode.Diagnostic> {
  return waitFor(`a ${code} diagnostic`, () =>
    vscode.languages.getDiagnostics(uri).find((d) => codeOf(d) === code))
    .catch((err: Error) => {
      throw new Error(`${err.message}; diagnostics now: ${describeDiagnostics(uri)}`);
    });
}

async function applyOnlyQuickFix(
  document: vscode.TextDocument,
  diagnostic: vscode.Diagnostic,
): Promise<vscode.CodeAction> {
  let actions: vscode.CodeAction[] | undefined;
  for (let attempt = 0; attempt < 20 && !actions?.length; attempt++) {
    if (attempt > 0) await new Promise((r) => setTimeout(r, 250));
    actions = await vscode.commands.executeCommand<vscode.CodeAction[]>(
      'vscode.executeCodeActionProvider', document.uri, diagnostic.range,
      vscode.CodeActionKind.QuickFix.value);
  }
  // The command does not always hand back an action's diagnostics; when it does, they must be
  // the finding's. (The first request after opening can come back empty, hence the retries.)
  const ours = (actions ?? []).filter((a) =>
    a.diagnostics === undefined || a.diagnostics.some((d) => codeOf(d) === codeOf(diagnostic)));
  assert.strictEqual(ours.length, 1, `expected one quick fix, got ${JSON.stringify((actions ?? [])
    .map((a) => ({ title: a.title, diagnostics: a.diagnostics?.map((d) => codeOf(d)) })))}`);
  const [action] = ours as [vscode.CodeAction];
  assert.ok(action.edit, 'the quick fix must carry an edit');
  assert.ok(await vscode.workspace.applyEdit(action.edit), 'applyEdit was rejected');
  return action;
}

async function cleared(uri: vscode.Uri, code: string): Promise<void> {
  await waitFor(`the ${code} diagnostic to clear`, () =>
    vscode.languages.getDiagnostics(uri).some((d) => codeOf(d) === code) ? undefined : true)
    .catch((err: Error) => {
      throw new Error(`${err.message}; diagnostics now: ${describeDiagnostics(uri)}`);
    });
}

describe('Genesys schema lint in the editor', () => {
  afterEach(closeAllWithoutSaving);

  it('flags "voice" where Genesys sends "VOICE" and fixes it', async () => {
    const { document } = await open('eventpatterns/lowercase-voice.json');
    const diagnostic = await diagnosticWithCode(document.uri, 'enum-mismatch');
    assert.strictEqual(diagnostic.source, 'Genesys');
    assert.strictEqual(diagnostic.severity, vscode.DiagnosticSeverity.Warning);
    assert.strictEqual(document.getText(diagnostic.range), '"voice"');
    const action = await applyOnlyQuickFix(document, diagnostic);
    assert.strictEqual(action.title, 'Change to "VOICE"');
    assert.ok(document.getText().includes('"mediaType": ["VOICE"]'));
    await cleared(document.uri, 'enum-mismatch');
  });

  it('moves detail.mediaType under detail.eventBody', async () => {
    const { document } = await open('eventpatterns/media-under-detail.json');
    const diagnostic = await diagnosticWithCode(document.uri, 'unknown-field');
    assert.match(diagnostic.message, /Did you mean detail\.eventBody\.mediaType\?/);
    await applyOnlyQuickFix(document, diagnostic);
    assert.deepStrictEqual(JSON.parse(document.getText()).detail,
      { eventBody: { mediaType: ['CHAT'] } });
    await cleared(document.uri, 'unknown-field');
  });

  it('builds a matching event for a satisfiable pattern with a specific queue id', async () => {
    const { document } = await open('eventpatterns/abandoned.json');
    const deadline = Date.now() + 15_000;
    let offered = false;
    while (!offered && Date.now() < deadline) {
      const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>(
        'vscode.executeCodeLensProvider', document.uri);
      offered = (lenses ?? []).some((lens) => lens.command?.command === MATCHING_COMMAND);
      if (!offered) await new Promise((r) => setTimeout(r, 100));
    }
    assert.ok(offered, 'the pattern file offers "Generate matching event" as a CodeLens');
    const witness = await vscode.commands.executeCommand<vscode.TextDocument>(
      MATCHING_COMMAND, document.uri);
    assert.ok(witness, 'the command returns the document it opened');
    const event = JSON.parse(witness.getText());
    assert.strictEqual(event['detail-type'], 'v2.detail.events.conversation.{id}.acd.end');
    assert.strictEqual(event.detail.eventBody.acdOutcome, 'ABANDON');
    assert.strictEqual(event.detail.eventBody.queueId, '6b1c2f4e-8d3a-4f5b-9c7e-2a1d0e9f8b7c');
    assert.ok(event.source.startsWith('aws.partner/genesys.com/cloud/'));
  });
});

/** Each lint that has a certain fix, on a minimal untitled pattern, through the editor. */
interface FixableLint {
  readonly code: string;
  readonly pattern: object;
  /** Picks the part of the fixed pattern the fix changed. */
  readonly fixed: (pattern: any) => unknown; // eslint-disable-line @typescript-eslint/no-explicit-any
  readonly expected: unknown;
}

const FIXABLE: FixableLint[] = [
  {
    code: 'type-mismatch',
    pattern: {
      'detail-type': ['v2.detail.events.conversation.{id}.customer.end'],
      detail: { eventBody: { interactingDurationMs: ['60000'] } },
    },
    fixed: (p) => p.detail.eventBody.interactingDurationMs,
    expected: [60000],
  },
  {
    code: 'concrete-id-in-detail-type',
    pattern: {
      'detail-type': ['v2.detail.events.conversation.2f7bf00a-0fc2-4d6a-9b56-92238191433e.acw'],
    },
    fixed: (p) => p['detail-type'],
    expected: ['v2.detail.events.conversation.{id}.acw'],
  },
  {
    code: 'unknown-topic',
    pattern: { 'detail-type': ['v2.detail.events.conversation.{id}.customer.started'] },
    fixed: (p) => p['detail-type'],
    expected: ['v2.detail.events.conversation.{id}.customer.start'],
  },
  {
    code: 'source-never-sent',
    pattern: {
      source: ['genesys.cloud'],
      'detail-type': ['v2.detail.events.conversation.{id}.user.end'],
    },
    fixed: (p) => p.source,
    expected: [{ prefix: 'aws.partner/genesys.com' }],
  },
  {
    code: 'enum-mismatch',
    pattern: {
      'detail-type': ['v2.routing.queues.{id}.conversations'],
      detail: { eventBody: { participants: { calls: { state: ['CONNECTED'] } } } },
    },
    fixed: (p) => p.detail.eventBody.participants.calls.state,
    expected: ['connected'],
  },
];

describe('every fixable Genesys lint, fixed in the editor', () => {
  afterEach(closeAllWithoutSaving);

  for (const entry of FIXABLE) {
    it(`${entry.code}: the quick fix clears it`, async () => {
      const document = await vscode.workspace.openTextDocument({
        language: 'json',
        content: JSON.stringify(entry.pattern, null, 2),
      });
      await vscode.window.showTextDocument(document);
      const diagnostic = await diagnosticWithCode(document.uri, entry.code);
      assert.strictEqual(diagnostic.severity, vscode.DiagnosticSeverity.Warning);
      await applyOnlyQuickFix(document, diagnostic);
      assert.deepStrictEqual(entry.fixed(JSON.parse(document.getText())), entry.expected);
      await cleared(document.uri, entry.code);
      await waitFor('no diagnostics at all', () =>
        vscode.languages.getDiagnostics(document.uri).length === 0 ? true : undefined)
        .catch((err: Error) => {
          throw new Error(`${err.message}; diagnostics now: ${describeDiagnostics(document.uri)}`);
        });
    });
  }
});
