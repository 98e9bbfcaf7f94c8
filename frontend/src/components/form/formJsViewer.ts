// Loaded on demand by FormJsForm: form-js and its styles stay out of the first pages' bundle.
import '@bpmn-io/form-js-viewer/dist/assets/form-js.css';
import { Form } from '@bpmn-io/form-js-viewer';

export function createViewer(container: HTMLElement) {
  return new Form({ container });
}
