/**
 * YAML written by emerge (`emerge fit --output`): a comment block, then the data in block style,
 * with short lists of scalars (intervals) and the mappings and lists named in `flowKeys` on one line. Numbers
 * are written so that reading them back gives the same double (yaml's shortest round-trip form).
 */
import { Document, isMap, isPair, isScalar, isSeq, visit } from 'yaml';

export function formatYaml(value: unknown, comment: readonly string[], flowKeys: readonly string[] = []): string {
  const doc = new Document(value);
  if (comment.length > 0) doc.commentBefore = comment.map((line) => ` ${line}`).join('\n');
  visit(doc, {
    Pair(_, pair) {
      if (isPair(pair) && isScalar(pair.key) && flowKeys.includes(String(pair.key.value)) && (isMap(pair.value) || isSeq(pair.value))) pair.value.flow = true;
    },
    Seq(_, seq) {
      if (seq.items.length <= 4 && seq.items.every((item) => isScalar(item))) seq.flow = true;
    },
  });
  return doc.toString({ lineWidth: 0 });
}
