// Patterns often live in infrastructure templates with values still to be filled in:
// `${var.org_id}` (Terraform), `#{AWS::AccountId}` (Serverless), `$(ORG)`, `%ORG%`,
// `<your AWS account number>` (READMEs), `{{queueId}}`. Such a value is not wrong, only
// unknown, so no check should claim it can never match.

const PLACEHOLDER =
  /\$\{[^}]*\}|#\{[^}]*\}|\$\([^)]*\)|%[A-Za-z_][A-Za-z0-9_]*%|<[^<>]+>|\{\{[^}]*\}\}/;

/** CloudFormation intrinsics in a match list: `{"Ref": …}`, `{"Fn::Sub": …}`. */
export function isCloudFormationIntrinsic(operatorName: string): boolean {
  return operatorName === 'Ref' || operatorName.startsWith('Fn::');
}

export function hasPlaceholder(text: string): boolean {
  return PLACEHOLDER.test(text);
}
