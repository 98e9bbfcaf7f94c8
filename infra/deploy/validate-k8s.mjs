// Validates rendered Kubernetes manifests (multi-document YAML on stdin, as `kubectl kustomize`
// writes them) against the API's schemas, without a cluster: npm kubernetes-models, whose classes
// check an object against the OpenAPI schema of its apiVersion and kind. Used by validate.sh.
import { readFileSync } from 'node:fs';
import { parseAllDocuments } from 'yaml';

const documents = parseAllDocuments(readFileSync(0, 'utf8'));
let failures = 0;
for (const document of documents) {
  if (document.errors.length > 0) {
    console.error(`not YAML: ${document.errors.join('; ')}`);
    failures++;
    continue;
  }
  const object = document.toJS();
  if (object === null) continue;
  const { apiVersion, kind } = object;
  const name = `${kind ?? '?'} ${object.metadata?.name ?? '?'}`;
  // "apps/v1" -> kubernetes-models/apps/v1; the core group "v1" -> kubernetes-models/v1
  const module = await import(`kubernetes-models/${apiVersion}`).catch(() => null);
  const Model = module?.[kind];
  if (!Model) {
    console.error(`${name}: no schema for ${apiVersion} ${kind}`);
    failures++;
    continue;
  }
  try {
    new Model(object).validate();
    console.log(`valid: ${name} (${apiVersion})`);
  } catch (error) {
    console.error(`${name}: ${error.message}`);
    failures++;
  }
}
if (documents.length === 0) {
  console.error('no manifest to validate');
  failures++;
}
process.exit(failures === 0 ? 0 : 1);
