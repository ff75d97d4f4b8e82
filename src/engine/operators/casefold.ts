// equals-ignore-case in event-ruler folds Unicode case fully: `STRASSE` equals `straße` and `I`
// equals `ı`. Upper-casing first maps ß to SS and ı to I; lower-casing then gives one form.
// AWS's behaviour for non-ASCII folding is not recorded, so this follows the ruler.

export function foldCase(value: string): string {
  return value.toUpperCase().toLowerCase();
}
