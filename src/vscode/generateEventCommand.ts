// "Generate Genesys event": pick a topic, get a new JSON document holding a sample event exactly
// as Genesys delivers it on EventBridge.

import * as vscode from 'vscode';
import { findTopic, listTopics } from '../genesys/catalog';
import { generateEvents } from '../genesys/generate';
import { currentOrg } from './genesys/activate';
import { log } from './log';

export const GENERATE_EVENT_COMMAND = 'genesysEventBridge.generateEvent';

/** A topic argument (a detail-type template) skips the picker, for keybindings and tests. */
export async function generateEvent(
  topicArgument?: unknown,
): Promise<vscode.TextDocument | undefined> {
  const template = typeof topicArgument === 'string' ? topicArgument : await pickTopic();
  if (template === undefined) return undefined;
  if (!findTopic(template)) {
    void vscode.window.showErrorMessage(`Unknown Genesys topic: ${template}`);
    return undefined;
  }
  // A fresh seed each time, so repeated runs show different but valid variety.
  const seed = Math.floor(Math.random() * 2 ** 31);
  // Signed in, the envelope carries the org's own id, integration suffix, account and region,
  // and the body its real queues and users.
  const signedIn = currentOrg();
  const [event] = generateEvents(template, {
    count: 1,
    seed,
    ...(signedIn ? { org: signedIn.org, entities: signedIn } : {}),
  });
  log().info(`generated a ${template} event (seed ${seed})`);
  const document = await vscode.workspace.openTextDocument({
    language: 'json',
    content: JSON.stringify(event, null, 2) + '\n',
  });
  await vscode.window.showTextDocument(document);
  return document;
}

async function pickTopic(): Promise<string | undefined> {
  const items = listTopics().map((topic) => ({
    label: topic.template,
    detail: topic.description,
    description: topic.knownOnEventBridge ? 'seen on EventBridge' : undefined,
  }));
  const picked = await vscode.window.showQuickPick(items, {
    title: 'Generate Genesys event',
    placeHolder: 'Topic (the detail-type Genesys sends)',
    matchOnDetail: true,
  });
  return picked?.label;
}
