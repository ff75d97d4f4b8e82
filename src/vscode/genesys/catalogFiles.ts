// Per-org catalog files in the extension's global storage, so an org's topics survive a restart
// without signing in again (see src/genesys/org/catalogCache.ts for what they hold).

import * as vscode from 'vscode';
import {
  catalogCacheFileName,
  parseCatalogCache,
  serializeCatalogCache,
  type CachedOrgCatalog,
} from '../../genesys/org/catalogCache';

export class CatalogFiles {
  readonly directory: vscode.Uri;

  constructor(globalStorage: vscode.Uri) {
    this.directory = vscode.Uri.joinPath(globalStorage, 'genesys');
  }

  fileFor(organizationId: string): vscode.Uri {
    return vscode.Uri.joinPath(this.directory, catalogCacheFileName(organizationId));
  }

  /** The cached catalog of an org; undefined when there is none or it is unreadable. */
  async read(organizationId: string): Promise<CachedOrgCatalog | undefined> {
    let bytes: Uint8Array;
    try {
      bytes = await vscode.workspace.fs.readFile(this.fileFor(organizationId));
    } catch {
      return undefined;
    }
    const cache = parseCatalogCache(Buffer.from(bytes).toString('utf8'));
    return cache?.organization.id === organizationId ? cache : undefined;
  }

  async write(cache: CachedOrgCatalog): Promise<vscode.Uri> {
    await vscode.workspace.fs.createDirectory(this.directory);
    const file = this.fileFor(cache.organization.id);
    await vscode.workspace.fs.writeFile(file, Buffer.from(serializeCatalogCache(cache), 'utf8'));
    return file;
  }
}
