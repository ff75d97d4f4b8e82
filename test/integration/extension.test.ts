// Integration tests that run inside a real VS Code extension host (code-server offline in CI,
// desktop VS Code via @vscode/test-electron on a laptop). They exercise the extension the way a
// user does: open pattern files from the fixture workspace, read the Problems (diagnostics),
// edit a document, close it, and run the "Generate Genesys event" command.
//
// The runners open a temporary copy of test/integration/fixtures/workspace, and the tests only
// edit documents in memory (reverted, never saved), so the fixture files are never modified.
import * as assert from 'assert';
import * as vscode from 'vscode';
import {
  closeAllWithoutSaving,
  codeOf,
  describeDiagnostics,
  EXTENSION_ID,
  open,
  sleep,
  waitFor,
} from './helpers';

const GENERATE_COMMAND = 'genesysEventBridge.generateEvent';
const TEMPLATE = 'v2.detail.events.conversation.{id}.customer.end';
const SCALAR_TOKEN = `"${TEMPLATE}"`;
// A valid pattern that no Genesys event can match gets a Genesys warning.
const CANNOT_MATCH_CODES: ReadonlyArray<string | number | undefined> = ['never-matches'];

function findScalarError(uri: vscode.Uri): vscode.Diagnostic | undefined {
  return vscode.languages.getDiagnostics(uri)
    .find((d) => d.source === 'EventBridge' && codeOf(d) === 'value-not-object-or-array');
}

/** The range of the scalar "detail-type" value token (quotes included) in the document. */
function scalarTokenRange(doc: vscode.TextDocument): vscode.Range {
  const text = doc.getText();
  const key = text.indexOf('"detail-type"');
  assert.ok(key >= 0, 'fixture must contain "detail-type"');
  const start = text.indexOf(SCALAR_TOKEN, key);
  assert.ok(start >= 0, 'fixture must contain the scalar detail-type value');
  return new vscode.Range(doc.positionAt(start), doc.positionAt(start + SCALAR_TOKEN.length));
}

describe('Genesys EventBridge Patterns in a real VS Code extension host', () => {
  afterEach(closeAllWithoutSaving);

  it('activates when a pattern file is opened', async () => {
    const ext = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(ext, `extension ${EXTENSION_ID} is not installed in this host`);
    await open('eventpatterns/broken.json');
    await waitFor('the extension to activate', () => (ext.isActive ? true : undefined));
    const commands = await vscode.commands.getCommands(true);
    assert.ok(commands.includes(GENERATE_COMMAND), `${GENERATE_COMMAND} is not registered`);
  });

  it('reports a scalar "detail-type" with the exact range, code, severity and source', async () => {
    const editor = await open('eventpatterns/broken.json');
    const uri = editor.document.uri;
    const diag = await waitFor('the value-not-object-or-array diagnostic', () =>
      findScalarError(uri)).catch((err: Error) => {
      throw new Error(`${err.message}; diagnostics now: ${describeDiagnostics(uri)}`);
    });
    assert.strictEqual(diag.severity, vscode.DiagnosticSeverity.Error);
    assert.strictEqual(diag.source, 'EventBridge');
    assert.strictEqual(codeOf(diag), 'value-not-object-or-array');
    assert.ok(diag.message.includes('"detail-type" must be an object or an array'),
      `unexpected message: ${diag.message}`);
    const expected = scalarTokenRange(editor.document);
    assert.deepStrictEqual(
      [diag.range.start.line, diag.range.start.character,
        diag.range.end.line, diag.range.end.character],
      [expected.start.line, expected.start.character, expected.end.line, expected.end.character],
      'the range must cover exactly the scalar value token, quotes included');
    assert.strictEqual(editor.document.getText(diag.range), SCALAR_TOKEN);
  });

  it('clears the error once an edit wraps the value in an array', async () => {
    const editor = await open('eventpatterns/broken.json');
    const doc = editor.document;
    await waitFor('the initial error', () => findScalarError(doc.uri));
    const edit = new vscode.WorkspaceEdit();
    edit.replace(doc.uri, scalarTokenRange(doc), `[${SCALAR_TOKEN}]`);
    assert.ok(await vscode.workspace.applyEdit(edit), 'applyEdit was rejected');
    assert.ok(doc.getText().includes(`"detail-type": [${SCALAR_TOKEN}]`));
    await waitFor('the error to clear', () => (findScalarError(doc.uri) ? undefined : true))
      .catch((err: Error) => {
        throw new Error(`${err.message}; diagnostics now: ${describeDiagnostics(doc.uri)}`);
      });
    const errors = vscode.languages.getDiagnostics(doc.uri)
      .filter((d) => d.severity === vscode.DiagnosticSeverity.Error);
    assert.deepStrictEqual(errors.map((d) => d.message), [], 'no error may remain');
    assert.ok(doc.isDirty, 'the fix stays in memory: the test never saves');
  });

  it('leaves a valid pattern that matches the samples without diagnostics', async () => {
    // no-match.json is the positive control: its warning proves the extension has looked at
    // the files opened here, so an empty list for ok.json is a real "no problems".
    const control = await open('eventpatterns/no-match.json');
    const ok = await open('eventpatterns/ok.json');
    const warning = await waitFor('the cannot-match warning on no-match.json', () =>
      vscode.languages.getDiagnostics(control.document.uri)
        .find((d) => CANNOT_MATCH_CODES.includes(codeOf(d))))
      .catch((err: Error) => {
        throw new Error(`${err.message}; diagnostics now: `
          + describeDiagnostics(control.document.uri));
      });
    assert.strictEqual(warning.severity, vscode.DiagnosticSeverity.Warning);
    assert.strictEqual(warning.source, 'Genesys');
    await sleep(1_000); // give any late diagnostics for ok.json time to show up
    assert.deepStrictEqual(JSON.parse(describeDiagnostics(ok.document.uri)), [],
      'ok.json must have no diagnostics');
  });

  it('clears the diagnostics of a document when it is closed', async () => {
    const editor = await open('eventpatterns/broken.json');
    const uri = editor.document.uri;
    await waitFor('the error before closing', () => findScalarError(uri));
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await waitFor('the diagnostics to clear after closing', () =>
      (vscode.languages.getDiagnostics(uri).length === 0 ? true : undefined))
      .catch((err: Error) => {
        throw new Error(`${err.message}; diagnostics now: ${describeDiagnostics(uri)}`);
      });
  });

  it('generateEvent with a topic opens a sample event as a new JSON document', async () => {
    const doc = await vscode.commands.executeCommand<vscode.TextDocument>(
      GENERATE_COMMAND, TEMPLATE);
    assert.ok(doc, `${GENERATE_COMMAND} must return the TextDocument it opened`);
    assert.strictEqual(doc.isUntitled, true, 'the sample opens as a new untitled document');
    assert.strictEqual(doc.languageId, 'json');
    await waitFor('the sample event to be shown in an editor', () =>
      (vscode.window.visibleTextEditors.some((e) => e.document === doc) ? true : undefined));

    const event = JSON.parse(doc.getText());
    assert.strictEqual(typeof event.source, 'string');
    assert.ok(event.source.startsWith('aws.partner/genesys.com/cloud/'),
      `unexpected source ${event.source}`);
    assert.strictEqual(event['detail-type'], TEMPLATE, 'detail-type keeps the literal {id}');
    assert.deepStrictEqual(event.resources, []);
    assert.strictEqual(typeof event.detail, 'object');
    assert.strictEqual(event.detail.version, '2');
    const topic: unknown = event.detail.topicName;
    assert.strictEqual(typeof topic, 'string');
    const [before, after] = TEMPLATE.split('{id}');
    assert.ok(typeof topic === 'string' && topic.startsWith(before) && topic.endsWith(after),
      `topicName ${String(topic)} must be the template with {id} filled in`);
    const id = (topic as string).slice(before.length, (topic as string).length - after.length);
    assert.match(id, /^[^.{}\s]+$/, `topicName must hold a concrete id, got "${id}"`);
    const body = event.detail.eventBody;
    assert.ok(body !== null && typeof body === 'object' && !Array.isArray(body),
      'detail.eventBody must be an object');
  });

  if (process.env.E2E_BREAK === '1') {
    // Self-check of the plumbing: this must turn the run red (exit 1), see scripts/e2e/.
    it('fails on purpose because E2E_BREAK=1', () => {
      assert.strictEqual(1 + 1, 3, 'deliberately broken assertion (E2E_BREAK=1)');
    });
  }
});
