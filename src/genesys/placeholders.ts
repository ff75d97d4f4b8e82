// Patterns often live in infrastructure templates with values still to be filled in:
// `${var.org_id}` (Terraform), `<your AWS account number>` (READMEs), `{{queueId}}`. Such a value
// is not wrong, only unknown, so no check should claim it can never match.

const PLACEHOLDER = /\$\{[^}]*\}|<[^<>]+>|\{\{[^}]*\}\}/;

export function hasPlaceholder(text: string): boolean {
  return PLACEHOLDER.test(text);
}
